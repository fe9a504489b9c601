package org.ntmrecords.infra.distribution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A query replica's feed: copies the events topic into this database's event store, from which the replica's
 * projections build its read model exactly as in the all-in-one service (and from which it authenticates accounts,
 * answers history and as-of queries, and rebuilds).
 *
 * <p>Each poll's records are copied in one transaction together with the next offset to read
 * ({@code distribution.replica_position}), so after a crash the replica resumes exactly after the last copied
 * record: nothing is applied twice, nothing skipped. A record whose event id the store already holds (a batch the
 * publisher sent again) is dropped. The offset is tied to the topic's id: a topic created anew is read from its
 * start, and its events already held are dropped by id.
 *
 * <p>The replica holds a PostgreSQL advisory lock while it copies, so a second replica pointed at the same database
 * waits instead of copying alongside. A failure (database, broker, or a record that breaks the contract) stops
 * nothing silently: the batch is rolled back, logged, and read again from the saved offset after a pause.
 */
public class EventReplicator implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(EventReplicator.class);
    private static final long LOCK_KEY = 0x6e746d5f72706c63L; // "ntm_rplc"
    private static final int PARTITION = 0;

    private final KafkaClients clients;
    private final KafkaSettings.Replica settings;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ReplicaStatus status;
    private volatile boolean running;
    private volatile Thread worker;
    private final AtomicReference<Consumer<String, byte[]>> consumer = new AtomicReference<>();

    public EventReplicator(KafkaClients clients, KafkaSettings settings, DataSource dataSource, JdbcTemplate jdbc,
                           TransactionTemplate transactions, Clock clock, ReplicaStatus status) {
        this.clients = clients;
        this.settings = settings.replica();
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.status = status;
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "ntm-replica");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer.get();
        if (current != null) {
            current.wakeup();
        }
        Thread thread = worker;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the database is migrated and before the web server takes requests. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    private void run() {
        while (running) {
            try (Connection lock = dataSource.getConnection()) {
                if (!acquire(lock)) {
                    status.waiting("another replica copies into this database; waiting for its lock");
                    pause(settings.retryBackoff().multipliedBy(5));
                    continue;
                }
                try {
                    replicate();
                } finally {
                    release(lock);
                }
            } catch (WakeupException e) {
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                status.failed(e);
                log.error("Replication from the events topic failed; retrying from the saved offset in {}: {}",
                        settings.retryBackoff(), e.toString());
                pause(settings.retryBackoff());
            }
        }
    }

    private boolean acquire(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private void release(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            statement.setLong(1, LOCK_KEY);
            statement.execute();
        } catch (SQLException e) {
            log.debug("Releasing the replica lock failed (the session ends anyway): {}", e.toString());
        }
    }

    private void replicate() throws Exception {
        String topic = clients.topic();
        TopicPartition partition = new TopicPartition(topic, PARTITION);
        String topicId;
        try (Admin admin = clients.admin("ntm-replica-admin")) {
            TopicDescription description = clients.describeTopic(admin, 30_000);
            if (description.partitions().size() != 1) {
                throw new IllegalStateException("the events topic " + topic + " has " + description.partitions().size()
                        + " partitions; a replica needs the single ordered partition this service creates (docs/kafka.md)");
            }
            topicId = description.topicId().toString();
        }
        try (Consumer<String, byte[]> kafka = clients.consumer("ntm-replica", settings.maxBatch())) {
            consumer.set(kafka);
            kafka.assign(List.of(partition));
            Long saved = savedOffset(topic, topicId);
            if (saved == null) {
                kafka.seekToBeginning(List.of(partition));
                log.info("Replicating the events topic {} (id {}) from its start", topic, topicId);
            } else {
                kafka.seek(partition, saved);
                log.info("Replicating the events topic {} (id {}) from offset {}", topic, topicId, saved);
            }
            status.replicating(topic, topicId);
            while (running) {
                ConsumerRecords<String, byte[]> records = kafka.poll(settings.pollTimeout());
                long next = kafka.position(partition);
                if (records.isEmpty()) {
                    status.polled(next, kafka.currentLag(partition));
                    continue;
                }
                Batch batch = transactions.execute(tx -> copy(records.records(partition), topic, topicId, next));
                status.copied(batch.copied(), batch.repeated(), next, kafka.currentLag(partition));
            }
        } finally {
            consumer.set(null);
        }
    }

    private Long savedOffset(String topic, String topicId) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select topic_id, next_offset from distribution.replica_position where topic = ? and partition = ?",
                topic, PARTITION);
        if (rows.isEmpty()) {
            return null;
        }
        if (!topicId.equals(rows.get(0).get("topic_id"))) {
            log.warn("The events topic {} was created anew (id {} was {}); reading it from its start, dropping the "
                    + "events this replica holds already", topic, topicId, rows.get(0).get("topic_id"));
            return null;
        }
        return ((Number) rows.get(0).get("next_offset")).longValue();
    }

    /** Copies one poll's records and saves the offset after them, in the caller's transaction. */
    private Batch copy(List<ConsumerRecord<String, byte[]>> records, String topic, String topicId, long next) {
        List<EventRecords.StoredEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            events.add(EventRecords.fromRecord(record));
        }
        Set<String> held = new HashSet<>(jdbc.queryForList(
                "select event_identifier from event_store.domain_event_entry where event_identifier = any(?)",
                String.class, (Object) events.stream().map(EventRecords.StoredEvent::eventId).toArray(String[]::new)));
        List<EventRecords.StoredEvent> fresh = new ArrayList<>(events.size());
        for (EventRecords.StoredEvent event : events) {
            if (held.add(event.eventId())) {
                fresh.add(event);
            }
        }
        jdbc.batchUpdate("""
                insert into event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data, seal)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", fresh, 500, (ps, event) -> {
            ps.setString(1, event.eventId());
            ps.setString(2, event.streamId());
            ps.setLong(3, event.sequence());
            ps.setString(4, event.streamType());
            ps.setString(5, DateTimeUtils.formatInstant(event.timestamp()));
            ps.setString(6, event.payloadType());
            ps.setString(7, event.payloadRevision());
            ps.setBytes(8, event.payload());
            ps.setBytes(9, event.metadata());
            ps.setBytes(10, event.seal());
        });
        jdbc.update("""
                insert into distribution.replica_position (topic, partition, topic_id, next_offset, updated_at)
                values (?, ?, ?, ?, ?)
                on conflict (topic, partition) do update
                   set topic_id = excluded.topic_id, next_offset = excluded.next_offset, updated_at = excluded.updated_at""",
                topic, PARTITION, topicId, next, Timestamp.from(clock.instant()));
        return new Batch(fresh.size(), events.size() - fresh.size());
    }

    private void pause(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
    }

    private record Batch(int copied, int repeated) {
    }
}
