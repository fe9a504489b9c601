package org.ntmrecords.infra.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DeploymentRoleTest {
    private static final KafkaSettings NO_KAFKA = new KafkaSettings(null, null, null, null, null, null, null, null, null);

    private static MockEnvironment role(String value) {
        MockEnvironment environment = new MockEnvironment();
        if (value != null) {
            environment.setProperty("ntm.deployment.role", value);
        }
        return environment;
    }

    @Test
    void theRoleIsReadFromTheProperty() {
        assertThat(DeploymentRole.of(role(null))).isEqualTo(DeploymentRole.ALL_IN_ONE);
        assertThat(DeploymentRole.of(role(" Query "))).isEqualTo(DeploymentRole.QUERY);
        assertThat(DeploymentRole.of(role("command"))).isEqualTo(DeploymentRole.COMMAND);
        assertThat(DeploymentRole.QUERY.servesMutations()).isFalse();
        assertThat(DeploymentRole.COMMAND.servesQueries()).isFalse();
        assertThat(DeploymentRole.ALL_IN_ONE.servesMutations() && DeploymentRole.ALL_IN_ONE.servesQueries()).isTrue();
    }

    @Test
    void anUnknownRoleOrASplitRoleWithoutKafkaStopsTheStart() {
        assertThatThrownBy(() -> DeploymentRole.of(role("reader")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("all-in-one, command or query");
        DistributionConfiguration configuration = new DistributionConfiguration();
        assertThatThrownBy(() -> configuration.deploymentRole(role("query"), NO_KAFKA))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ntm.kafka.bootstrap-servers");
        assertThat(configuration.deploymentRole(role("all-in-one"), NO_KAFKA)).isEqualTo(DeploymentRole.ALL_IN_ONE);
        KafkaSettings kafka = new KafkaSettings("kafka-1:9092", null, null, null, null, Map.of(), null, null, null);
        assertThat(configuration.deploymentRole(role("query"), kafka)).isEqualTo(DeploymentRole.QUERY);
        assertThat(kafka.topic()).isEqualTo("ntm-records.events");
        assertThat(kafka.replica().maxBatch()).isEqualTo(500);
    }

    @Test
    void impossibleKafkaSettingsStopTheStartNamingTheSetting() {
        assertThatThrownBy(() -> new KafkaSettings("k:9092", null, null, (short) 0, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replication-factor");
        assertThatThrownBy(() -> new KafkaSettings(null, null, null, null, null, null,
                new KafkaSettings.EmbeddedBroker(true, 70_000), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("embedded-broker.port");
        assertThatThrownBy(() -> new KafkaSettings.Replica(null, 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-batch");
        assertThatThrownBy(() -> new KafkaSettings.Replica(java.time.Duration.ZERO, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poll-timeout");
    }
}
