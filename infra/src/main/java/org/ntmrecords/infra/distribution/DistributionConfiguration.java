package org.ntmrecords.infra.distribution;

import org.ntmrecords.infra.integrity.StreamKeys;

import java.time.Clock;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.ntmrecords.command.common.WriteSide;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Event distribution (docs/kafka.md): the publisher where the store is written, the replica feed on a query
 * replica, and the guard that keeps each role to what it serves.
 */
@Configuration(proxyBeanMethods = false)
public class DistributionConfiguration {

    @Bean
    public DeploymentRole deploymentRole(Environment environment, KafkaSettings settings) {
        DeploymentRole role = DeploymentRole.of(environment);
        if (role != DeploymentRole.ALL_IN_ONE && !settings.configured()) {
            throw new IllegalStateException("ntm.deployment.role=" + role.property() + " needs Kafka: set "
                    + "ntm.kafka.bootstrap-servers (or ntm.kafka.embedded-broker.enabled=true for the local demo)");
        }
        return role;
    }

    @Bean
    public RoleGuard roleGuard(DeploymentRole role) {
        return new RoleGuard(role);
    }

    @Bean
    @Conditional(KafkaConfigured.class)
    public KafkaClients kafkaClients(KafkaSettings settings) {
        return new KafkaClients(settings);
    }

    @Bean
    @WriteSide
    @Conditional(KafkaConfigured.class)
    public KafkaEventPublisher kafkaEventPublisher(KafkaClients clients,
                                                   @Qualifier("eventSerializer") Serializer serializer,
                                                   JdbcTemplate jdbc) {
        return new KafkaEventPublisher(clients, serializer, StreamKeys.fromStore(jdbc), jdbc);
    }

    @Bean
    @WriteSide
    @Conditional(KafkaConfigured.class)
    PublisherTopicCheck publisherTopicCheck(KafkaClients clients, JdbcTemplate jdbc, Clock clock) {
        return new PublisherTopicCheck(clients, jdbc, clock);
    }

    @Bean
    @Conditional(QueryRole.class)
    public ReplicaStatus replication(Clock clock) {
        return new ReplicaStatus(clock);
    }

    /** Not in a command-line task: it works on the database while the replica itself is stopped. */
    @Bean
    @Conditional(QueryRole.class)
    @Profile("!task")
    public EventReplicator eventReplicator(KafkaClients clients, KafkaSettings settings, DataSource dataSource,
                                           JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock,
                                           ReplicaStatus status) {
        return new EventReplicator(clients, settings, dataSource, jdbc, transactions, clock, status);
    }

    /** Kafka brokers configured, or the in-process demo broker asked for. */
    static class KafkaConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            String servers = environment.getProperty("ntm.kafka.bootstrap-servers");
            return (servers != null && !servers.isBlank())
                    || environment.getProperty("ntm.kafka.embedded-broker.enabled", Boolean.class, false);
        }
    }

    /** {@code ntm.deployment.role=query}. */
    static class QueryRole implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return DeploymentRole.of(context.getEnvironment()) == DeploymentRole.QUERY;
        }
    }
}
