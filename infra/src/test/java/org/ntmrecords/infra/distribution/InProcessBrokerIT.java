package org.ntmrecords.infra.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/**
 * The local demo's broker ({@code ntm.kafka.embedded-broker}) is found through {@link InProcessBroker} where the
 * build has it (the tests' class path, a jar built with {@code -Pdemo-broker}); {@link KafkaClients} starts it, its
 * clients reach it, and closing stops it.
 */
class InProcessBrokerIT {

    @Test
    void theDemoBrokerStartsServesAndStopsWithTheClients() throws Exception {
        KafkaSettings settings = new KafkaSettings(null, null, null, null, null, null,
                new KafkaSettings.EmbeddedBroker(true, 0), null, null);
        String servers;
        KafkaClients clients = new KafkaClients(settings);
        try {
            servers = clients.bootstrapServers();
            assertThat(servers).startsWith("localhost:");
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
                assertThat(admin.describeCluster().nodes().get(60, TimeUnit.SECONDS)).hasSize(1);
            }
        } finally {
            clients.destroy();
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000))) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(10, TimeUnit.SECONDS))
                    .as("the broker stopped with the clients").isNotNull();
        }
    }

    @Test
    void theBrokerOfTheTestClassPathIsSpringKafkaTests() {
        try (InProcessBroker broker = InProcessBroker.load()) {
            assertThat(broker).isInstanceOf(SpringKafkaTestBroker.class);
        }
    }
}
