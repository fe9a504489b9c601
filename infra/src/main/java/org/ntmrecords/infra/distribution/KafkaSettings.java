package org.ntmrecords.infra.distribution;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Event distribution over Kafka ({@code ntm.kafka}); see docs/kafka.md.
 *
 * @param bootstrapServers the brokers ({@code host:port,...}); unset: no Kafka (all-in-one only)
 * @param topic            the events topic
 * @param checkpointTopic  the topic signed checkpoints are witnessed in (docs/audit.md); blank: none
 * @param replicationFactor the replication factor when this service creates the topic
 * @param transactionalId  the publisher's transactional id (one publisher per topic at a time; a second one is
 *                         fenced off)
 * @param createTopic      create the topic (one partition, kept forever) when it does not exist
 * @param properties       client settings passed to every producer, consumer and admin client as they are
 *                         (security: {@code security.protocol}, {@code sasl.*}, {@code ssl.*}; timeouts)
 * @param embeddedBroker   an in-process broker for the local multi-process demo
 * @param replica          how a query replica reads the topic
 */
@ConfigurationProperties("ntm.kafka")
public record KafkaSettings(String bootstrapServers, String topic, String transactionalId, Short replicationFactor, Boolean createTopic,
                            Map<String, String> properties, EmbeddedBroker embeddedBroker, Replica replica,
                            String checkpointTopic) {
    public KafkaSettings {
        bootstrapServers = bootstrapServers == null || bootstrapServers.isBlank() ? null : bootstrapServers.trim();
        topic = topic == null || topic.isBlank() ? "ntm-records.events" : topic.trim();
        checkpointTopic = checkpointTopic == null ? "ntm-records.checkpoints"
                : checkpointTopic.isBlank() ? null : checkpointTopic.trim();
        transactionalId = transactionalId == null || transactionalId.isBlank() ? "ntm-records-publisher"
                : transactionalId.trim();
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        createTopic = createTopic == null || createTopic;
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        embeddedBroker = embeddedBroker == null ? new EmbeddedBroker(false, 9092) : embeddedBroker;
        replica = replica == null ? new Replica(null, null, null) : replica;
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("ntm.kafka.replication-factor must be at least 1, not " + replicationFactor);
        }
        if (embeddedBroker.port() < 0 || embeddedBroker.port() > 65_535) {
            throw new IllegalArgumentException("ntm.kafka.embedded-broker.port must be 0 (any) to 65535, not "
                    + embeddedBroker.port());
        }
    }

    /** Whether this process talks to Kafka at all. */
    public boolean configured() {
        return bootstrapServers != null || embeddedBroker.enabled();
    }

    /**
     * @param enabled start a single in-process KRaft broker (its data is lost when the process stops)
     * @param port    the port it listens on ({@code 0}: any free port)
     */
    public record EmbeddedBroker(boolean enabled, int port) {
    }

    /**
     * @param pollTimeout  how long one poll of the topic waits for records
     * @param maxBatch     the most events copied in one transaction
     * @param retryBackoff the wait before a failed copy is tried again
     */
    public record Replica(Duration pollTimeout, Integer maxBatch, Duration retryBackoff) {
        public Replica {
            pollTimeout = pollTimeout == null ? Duration.ofMillis(500) : pollTimeout;
            maxBatch = maxBatch == null ? 500 : maxBatch;
            retryBackoff = retryBackoff == null ? Duration.ofSeconds(2) : retryBackoff;
            if (pollTimeout.isNegative() || pollTimeout.isZero() || retryBackoff.isNegative() || retryBackoff.isZero()) {
                throw new IllegalArgumentException("ntm.kafka.replica.poll-timeout and retry-backoff must be positive");
            }
            if (maxBatch < 1) {
                throw new IllegalArgumentException("ntm.kafka.replica.max-batch must be at least 1, not " + maxBatch);
            }
        }
    }
}
