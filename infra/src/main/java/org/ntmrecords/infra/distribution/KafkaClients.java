package org.ntmrecords.infra.distribution;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Makes this service's Kafka clients with one set of settings ({@link KafkaSettings}), and starts the in-process
 * broker of the local demo when asked to.
 */
public class KafkaClients implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(KafkaClients.class);

    private final KafkaSettings settings;
    private final InProcessBroker broker;

    public KafkaClients(KafkaSettings settings) {
        this.settings = settings;
        if (settings.embeddedBroker().enabled()) {
            InProcessBroker embedded = InProcessBroker.load();
            embedded.start(settings.embeddedBroker().port());
            this.broker = embedded;
            log.info("In-process Kafka broker (demo; its data is lost when this process stops) at {}",
                    embedded.bootstrapServers());
        } else {
            this.broker = null;
        }
    }

    public String bootstrapServers() {
        return broker != null ? broker.bootstrapServers() : settings.bootstrapServers();
    }

    public String topic() {
        return settings.topic();
    }

    private Map<String, Object> common(String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    /**
     * A transactional producer (so also idempotent: each partition's order is kept through retries); a record
     * counts as sent once every in-sync replica has it.
     */
    public Producer<String, byte[]> transactionalProducer(String clientId) {
        Map<String, Object> config = common(clientId);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putAll(settings.properties());
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** A producer without transactions (idempotent, every in-sync replica acknowledging). */
    public Producer<String, byte[]> producer(String clientId) {
        Map<String, Object> config = common(clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putAll(settings.properties());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** A consumer without a group: it is assigned its partitions and keeps its offsets itself. */
    public Consumer<String, byte[]> consumer(String clientId, int maxPollRecords) {
        Map<String, Object> config = common(clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.putAll(settings.properties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    public Admin admin(String clientId) {
        Map<String, Object> config = common(clientId);
        config.putAll(settings.properties());
        return Admin.create(config);
    }

    /**
     * The events topic as the brokers describe it; created first (one partition, nothing ever deleted by
     * retention) when it does not exist and {@code ntm.kafka.create-topic} is on.
     */
    public TopicDescription describeTopic(Admin admin, long timeoutMs)
            throws InterruptedException, ExecutionException, TimeoutException {
        return describeTopic(admin, settings.topic(), timeoutMs);
    }

    /** The checkpoint witness topic ({@code ntm.kafka.checkpoint-topic}), created like the events topic. */
    public String checkpointTopic() {
        return settings.checkpointTopic();
    }

    public TopicDescription describeTopic(Admin admin, String topic, long timeoutMs)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (settings.createTopic()) {
            NewTopic newTopic = new NewTopic(topic, 1, settings.replicationFactor()).configs(Map.of(
                    TopicConfig.RETENTION_MS_CONFIG, "-1",
                    TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));
            try {
                admin.createTopics(List.of(newTopic)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
                log.info("Created the topic {}", topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        return admin.describeTopics(List.of(topic)).allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS).get(topic);
    }

    @Override
    public void destroy() {
        if (broker != null) {
            broker.close();
        }
    }
}
