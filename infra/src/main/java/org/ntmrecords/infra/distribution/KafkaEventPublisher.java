package org.ntmrecords.infra.distribution;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every stored event to the events topic, in the order the store delivers them, from its own tracking
 * processor ({@value #PROCESSING_GROUP}). Commands never wait for it: it reads what they stored.
 *
 * <p>Each batch of the processor is one Kafka transaction, committed before the processor's position (its token,
 * in the same database as the events) moves past the batch. When Kafka is unreachable the transaction fails and is
 * aborted, the position stays, and the processor retries the batch with back-off: nothing is lost, and consumers
 * reading committed records only ({@code isolation.level=read_committed}) never see part of a batch or a record
 * out of the store's order. A batch committed to Kafka whose position was then not saved (a crash between the two)
 * is sent again; consumers drop such repeats by event id (docs/kafka.md, "Exactly-once effect").
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher implements AutoCloseable {
    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);
    private static final String BATCH = KafkaEventPublisher.class.getName() + ".batch";

    private final KafkaClients clients;
    private final Serializer serializer;
    private final StreamKeys keys;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private Producer<String, byte[]> producer;

    KafkaEventPublisher(KafkaClients clients, Serializer serializer, StreamKeys keys) {
        this.clients = clients;
        this.serializer = serializer;
        this.keys = keys;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> event) {
        EventRecords.StoredEvent stored = stored(event);
        Batch batch = batchOfThisUnitOfWork();
        batch.producer.send(EventRecords.toRecord(clients.topic(), keys.keyOf(stored), stored));
        batch.records++;
    }

    /** Records committed to the topic since start. */
    public long published() {
        return published.get();
    }

    /** Batches Kafka did not take since start (each is sent again). */
    public long failures() {
        return failures.get();
    }

    private Batch batchOfThisUnitOfWork() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, name -> {
            Producer<String, byte[]> current = null;
            try {
                current = producer();
                current.beginTransaction();
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                if (current != null) {
                    discardProducer(current);
                }
                throw e;
            }
            Batch batch = new Batch(current);
            root.onPrepareCommit(u -> commit(batch));
            root.onRollback(u -> abort(batch));
            return batch;
        });
    }

    private void commit(Batch batch) {
        try {
            batch.producer.commitTransaction();
            batch.open = false;
            published.addAndGet(batch.records);
        } catch (RuntimeException e) {
            batch.open = false;
            failures.incrementAndGet();
            discardProducer(batch.producer);
            log.warn("Publishing to Kafka failed; the batch is sent again from the same position: {}", e.toString());
            throw new PublishingFailed("Kafka did not commit the batch", e);
        }
    }

    private void abort(Batch batch) {
        if (!batch.open) {
            return;
        }
        batch.open = false;
        try {
            batch.producer.abortTransaction();
        } catch (RuntimeException e) {
            discardProducer(batch.producer);
        }
    }

    private EventRecords.StoredEvent stored(EventMessage<?> event) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metadata = event.serializeMetaData(serializer, byte[].class);
        String streamType = null;
        String streamId = event.getIdentifier();
        long sequence = 0;
        if (event instanceof DomainEventMessage<?> domain) {
            streamType = domain.getType();
            streamId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        long position = event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().orElse(-1) : -1;
        return new EventRecords.StoredEvent(event.getIdentifier(), streamType, streamId, sequence, event.getTimestamp(),
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(), metadata.getData(),
                position);
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            Producer<String, byte[]> created = clients.transactionalProducer("ntm-publisher");
            try {
                created.initTransactions();
            } catch (RuntimeException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            producer = created;
        }
        return producer;
    }

    /**
     * After a failure the producer starts afresh: a new one with the same transactional id aborts whatever the old
     * one left open.
     */
    private synchronized void discardProducer(Producer<String, byte[]> failed) {
        failed.close(Duration.ZERO);
        if (producer == failed) {
            producer = null;
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private static final class Batch {
        final Producer<String, byte[]> producer;
        int records;
        boolean open = true;

        Batch(Producer<String, byte[]> producer) {
            this.producer = producer;
        }
    }

    /** The brokers did not take a batch; the processor retries it. */
    public static final class PublishingFailed extends RuntimeException {
        PublishingFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
