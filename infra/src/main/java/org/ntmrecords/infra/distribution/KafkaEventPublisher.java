package org.ntmrecords.infra.distribution;

import org.ntmrecords.infra.integrity.StreamKeys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Publishes every stored event to the events topic, in the order the store delivers them, from its own tracking
 * processor ({@value #PROCESSING_GROUP}). Commands never wait for it: it reads what they stored.
 *
 * <p>Each batch of the processor is one Kafka transaction, sent and committed when the batch commits, before the
 * processor's position (its token, in the same database as the events) moves past the batch. When Kafka is
 * unreachable the transaction fails, the position stays, and the processor retries the batch with back-off: nothing
 * is lost, and consumers reading committed records only ({@code isolation.level=read_committed}) never see part of a
 * batch or a record out of the store's order. A batch committed to Kafka whose position was then not saved (a crash
 * between the two) is sent again; consumers drop such repeats by event id (docs/kafka.md, "Exactly-once effect").
 *
 * <p>Each record names the event's own position in the store ({@code ntm-global-index}), read for the whole batch in
 * one query: the processor's token only says the highest position seen, which for an event whose transaction
 * committed late is another event's.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher implements AutoCloseable {
    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);
    private static final String BATCH = KafkaEventPublisher.class.getName() + ".batch";

    private final KafkaClients clients;
    private final Serializer serializer;
    private final StreamKeys keys;
    private final JdbcTemplate jdbc;
    private final AtomicLong failures = new AtomicLong();
    private Producer<String, byte[]> producer;

    KafkaEventPublisher(KafkaClients clients, Serializer serializer, StreamKeys keys, JdbcTemplate jdbc) {
        this.clients = clients;
        this.serializer = serializer;
        this.keys = keys;
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> event) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<EventRecords.StoredEvent> batch = root.getOrComputeResource(BATCH, name -> {
            List<EventRecords.StoredEvent> events = new ArrayList<>();
            root.onPrepareCommit(u -> publish(events));
            return events;
        });
        batch.add(stored(event));
    }

    /** Batches Kafka did not take since start (each is sent again). */
    public long failures() {
        return failures.get();
    }

    private void publish(List<EventRecords.StoredEvent> batch) {
        Map<String, Positioned> positions = positions(batch);
        Producer<String, byte[]> current = null;
        try {
            current = producer();
            current.beginTransaction();
            for (EventRecords.StoredEvent event : batch) {
                Positioned at = positions.getOrDefault(event.eventId(), new Positioned(-1, null));
                EventRecords.StoredEvent positioned = event.at(at.globalIndex(), at.seal());
                current.send(EventRecords.toRecord(clients.topic(), keys.keyOf(positioned.streamType(),
                        positioned.streamId(), positioned.sequence(), positioned.payload()), positioned));
            }
            current.commitTransaction();
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            if (current != null) {
                discardProducer(current);
            }
            log.warn("Publishing to Kafka failed; the batch is sent again from the same position: {}", e.toString());
            throw new PublishingFailed("Kafka did not commit the batch", e);
        }
    }

    private record Positioned(long globalIndex, byte[] seal) {
    }

    private Map<String, Positioned> positions(List<EventRecords.StoredEvent> batch) {
        Map<String, Positioned> positions = new HashMap<>();
        jdbc.query("select event_identifier, global_index, seal from event_store.domain_event_entry "
                        + "where event_identifier = any(?)",
                rs -> {
                    positions.put(rs.getString(1), new Positioned(rs.getLong(2), rs.getBytes(3)));
                },
                (Object) batch.stream().map(EventRecords.StoredEvent::eventId).toArray(String[]::new));
        return positions;
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
        return new EventRecords.StoredEvent(event.getIdentifier(), streamType, streamId, sequence, event.getTimestamp(),
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(), metadata.getData(),
                -1, null);
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

    /** The brokers did not take a batch; the processor retries it. */
    public static final class PublishingFailed extends RuntimeException {
        PublishingFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
