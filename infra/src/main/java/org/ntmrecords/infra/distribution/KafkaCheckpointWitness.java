package org.ntmrecords.infra.distribution;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.integrity.HashChain;
import org.ntmrecords.infra.integrity.Witnesses;

/**
 * Checkpoints witnessed in a Kafka topic of their own ({@code ntm.kafka.checkpoint-topic}, one partition, kept
 * forever): each signed checkpoint is one record, keyed by its store, valued by its JSON document. Whoever consumes
 * the topic — an auditor's own process, another agency — holds the checkpoints outside the service's database.
 */
public class KafkaCheckpointWitness implements Witnesses.CheckpointWitness, AutoCloseable {
    private static final long TIMEOUT_MS = 15_000;

    private final KafkaClients clients;
    private final String topic;
    private Producer<String, byte[]> producer;
    private boolean topicReady;

    public KafkaCheckpointWitness(KafkaClients clients) {
        this.clients = clients;
        this.topic = clients.checkpointTopic();
    }

    @Override
    public String name() {
        return "kafka:" + topic;
    }

    @Override
    public synchronized Witnesses.Holdings read() {
        ensureTopic();
        List<HashChain.Checkpoint> checkpoints = new ArrayList<>();
        List<Message> unreadable = new ArrayList<>();
        TopicPartition partition = new TopicPartition(topic, 0);
        try (Consumer<String, byte[]> consumer = clients.consumer("ntm-checkpoint-witness-reader", 500)) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), Duration.ofMillis(TIMEOUT_MS)).get(partition);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
            while (consumer.position(partition, Duration.ofMillis(TIMEOUT_MS)) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the checkpoint topic " + topic + " could not be read to its end");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null) {
                        unreadable.add(ApiText.of("integrity.witness.offset", String.valueOf(record.offset()),
                                ApiText.of("integrity.checkpoint.empty")));
                        continue;
                    }
                    try {
                        checkpoints.add(HashChain.Checkpoint.parse(new String(record.value(), StandardCharsets.UTF_8)));
                    } catch (HashChain.NotACheckpoint e) {
                        unreadable.add(ApiText.of("integrity.witness.offset", String.valueOf(record.offset()),
                                e.text()));
                    }
                }
            }
        }
        return new Witnesses.Holdings(checkpoints, unreadable);
    }

    @Override
    public synchronized void append(HashChain.Checkpoint checkpoint) throws Exception {
        ensureTopic();
        if (producer == null) {
            producer = clients.producer("ntm-checkpoint-witness");
        }
        try {
            producer.send(new ProducerRecord<>(topic, checkpoint.storeId(),
                    checkpoint.document().getBytes(StandardCharsets.UTF_8))).get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            producer.close(Duration.ZERO);
            producer = null;
            throw e;
        }
    }

    private void ensureTopic() {
        if (topicReady) {
            return;
        }
        try (Admin admin = clients.admin("ntm-checkpoint-witness-admin")) {
            clients.describeTopic(admin, topic, TIMEOUT_MS);
            topicReady = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("the checkpoint topic " + topic + " is not available: " + e, e);
        }
    }

    /** Closes the producer (the clients themselves are closed with the application). */
    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }
}
