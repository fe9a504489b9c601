package org.ntmrecords.infra.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC storage engine with seals: every event is sealed as it is inserted (HMAC-SHA256 of its exact stored
 * form, {@link StoredForm}, in the {@code seal} column), and every event read back — by the event processors and
 * when an aggregate is loaded — is checked against its seal first. A row the service did not write, or one changed
 * since, is refused with {@link TamperedEventException}: processors halt at it (they never skip an event), so it is
 * neither projected nor linked into the hash chain, and a command on its stream fails.
 *
 * <p>Rows at or below the scheme boundary (stored before seals had their own column) are read unchecked; verification
 * checks them under their own scheme.
 */
public class SealedEventStorageEngine extends JdbcEventStorageEngine {
    /** The columns processors and aggregates read: Axon's, and the seal. */
    public static final String READ_FIELDS = "global_index, time_stamp, event_identifier, aggregate_identifier, "
            + "sequence_number, type, payload_type, payload_revision, payload, meta_data, seal";

    private final IntegrityKeys keys;
    private final IntegrityBoundaries boundaries;
    private final boolean checkOnRead;
    private final String insert;
    private final String insertSnapshot;
    private final String selectSnapshot;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SealedEventStorageEngine.class);

    /**
     * @param checkOnRead false on a query replica, which copies events sealed with another process's key
     */
    public SealedEventStorageEngine(Builder builder, EventSchema schema, IntegrityKeys keys,
                                    IntegrityBoundaries boundaries, boolean checkOnRead) {
        super(builder);
        this.keys = keys;
        this.boundaries = boundaries;
        this.checkOnRead = checkOnRead;
        this.insert = "insert into " + schema.domainEventTable() + " (" + schema.domainEventFields()
                + ", seal) values (?,?,?,?,?,?,?,?,?,?)";
        this.insertSnapshot = "insert into " + schema.snapshotTable() + " (" + schema.domainEventFields()
                + ", seal) values (?,?,?,?,?,?,?,?,?,?)";
        this.selectSnapshot = "select " + schema.domainEventFields() + ", seal from " + schema.snapshotTable()
                + " where " + schema.aggregateIdentifierColumn() + " = ? order by " + schema.sequenceNumberColumn()
                + " desc";
    }

    /** Snapshots that fail their seal are passed over: the aggregate is loaded from its events instead. */
    public static org.axonframework.eventsourcing.snapshotting.SnapshotFilter sealedSnapshots() {
        return snapshot -> !(snapshot instanceof RefusedSnapshot);
    }

    @Override
    protected PreparedStatement appendSnapshot(Connection connection, DomainEventMessage<?> snapshot,
                                               Serializer serializer) throws SQLException {
        SerializedObject<byte[]> payload = snapshot.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = snapshot.serializeMetaData(serializer, byte[].class);
        String timestamp = DateTimeUtils.formatInstant(snapshot.getTimestamp());
        PreparedStatement statement = connection.prepareStatement(insertSnapshot);
        statement.setString(1, snapshot.getIdentifier());
        statement.setString(2, snapshot.getAggregateIdentifier());
        statement.setLong(3, snapshot.getSequenceNumber());
        statement.setString(4, snapshot.getType());
        statement.setString(5, timestamp);
        statement.setString(6, payload.getType().getName());
        statement.setString(7, payload.getType().getRevision());
        statement.setBytes(8, payload.getData());
        statement.setBytes(9, metaData.getData());
        statement.setBytes(10, keys.seal(timestamp, StoredForm.snapshotSealedForm(snapshot.getIdentifier(),
                snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber(), snapshot.getType(), timestamp,
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(), metaData.getData())));
        return statement;
    }

    @Override
    protected PreparedStatement readSnapshotData(Connection connection, String identifier) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(selectSnapshot);
        statement.setString(1, identifier);
        return statement;
    }

    @Override
    protected DomainEventData<?> getSnapshotData(ResultSet resultSet) throws SQLException {
        DomainEventData<?> data = super.getSnapshotData(resultSet);
        if (!checkOnRead) {
            return data;
        }
        byte[] seal = resultSet.getBytes("seal");
        byte[] form = StoredForm.snapshotSealedForm(resultSet.getString("event_identifier"),
                resultSet.getString("aggregate_identifier"), resultSet.getLong("sequence_number"),
                resultSet.getString("type"), resultSet.getString("time_stamp"), resultSet.getString("payload_type"),
                resultSet.getString("payload_revision"), resultSet.getBytes("payload"), resultSet.getBytes("meta_data"));
        if (keys.sealMatches(resultSet.getString("time_stamp"), form, seal)) {
            return data;
        }
        log.warn("snapshot of {} at {} does not match its seal (changed, or stored before snapshots were sealed): "
                + "loading the aggregate from its events instead", data.getAggregateIdentifier(), data.getSequenceNumber());
        return new RefusedSnapshot(data);
    }

    /** A snapshot that failed its seal; {@link #sealedSnapshots()} passes over it. */
    static final class RefusedSnapshot extends GenericDomainEventEntry<Object> {
        @SuppressWarnings("unchecked")
        RefusedSnapshot(DomainEventData<?> data) {
            super(data.getType(), data.getAggregateIdentifier(), data.getSequenceNumber(), data.getEventIdentifier(),
                    data.getTimestamp(), data.getPayload().getType().getName(), data.getPayload().getType().getRevision(),
                    ((org.axonframework.serialization.SerializedObject<Object>) data.getPayload()).getData(),
                    ((org.axonframework.serialization.SerializedObject<Object>) data.getMetaData()).getData());
        }
    }

    /** The event schema with the seal among the columns read. */
    public static EventSchema.Builder withSeal(EventSchema.Builder schema) {
        return schema.trackedEventFields(s -> READ_FIELDS);
    }

    @Override
    protected PreparedStatement appendEvents(Connection connection, List<? extends EventMessage<?>> events,
                                             Serializer serializer) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(insert);
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = message instanceof DomainEventMessage<?> domain ? domain
                    : new GenericDomainEventMessage<>(null, message.getIdentifier(), 0L, message, message::getTimestamp);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            String timestamp = DateTimeUtils.formatInstant(event.getTimestamp());
            String payloadType = payload.getType().getName();
            String revision = payload.getType().getRevision();
            byte[] seal = keys.seal(timestamp, StoredForm.sealedForm(event.getIdentifier(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), event.getType(), timestamp, payloadType, revision, payload.getData(),
                    metaData.getData()));
            statement.setString(1, event.getIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            statement.setString(5, timestamp);
            statement.setString(6, payloadType);
            statement.setString(7, revision);
            statement.setBytes(8, payload.getData());
            statement.setBytes(9, metaData.getData());
            statement.setBytes(10, seal);
            statement.addBatch();
        }
        return statement;
    }

    /**
     * An event for the processors. One that fails its seal is handed on with nothing but the refusal in its metadata
     * ({@value #TAMPERED}), so that every processor stops at it in the open — error state, retried with back-off, its
     * position kept before it — instead of Axon's shared reader logging and serving nothing ({@link TamperedEventGuard}).
     */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> data = super.getTrackedEventData(resultSet, previousToken);
        StoredForm row = StoredForm.read(resultSet);
        String problem = problem(row);
        if (problem == null) {
            return data;
        }
        byte[] marker = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put(TAMPERED, new TamperedEventException(row, problem).getMessage()).toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new TrackedDomainEventData<>(data.trackingToken(), new GenericDomainEventEntry<>(row.type(),
                row.eventId().equals(row.aggregateId()) ? null : row.aggregateId(), row.sequenceNumber(),
                row.eventId(), row.timestamp(), row.payloadType(), row.payloadRevision(), row.payload(), marker));
    }

    /** An event of an aggregate being loaded: one that fails its seal fails the command. */
    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        StoredForm row = StoredForm.read(resultSet);
        String problem = problem(row);
        if (problem != null) {
            throw new TamperedEventException(row, problem);
        }
        return super.getDomainEventData(resultSet);
    }

    /** The metadata entry of an event refused by its seal. */
    public static final String TAMPERED = "ntm.tampered";

    private String problem(StoredForm row) {
        if (!checkOnRead) {
            return null;
        }
        if (row.seal() == null) {
            return row.globalIndex() <= boundaries.schemeUpTo() ? null
                    : "carries no seal: the service did not store it";
        }
        return keys.sealMatches(row.timestamp(), row.sealedForm(), row.seal()) ? null
                : "does not match its seal: changed after it was stored, or not stored by this service";
    }

    /** An event row that is not as the service stored it; nothing reads past it. */
    public static class TamperedEventException extends org.axonframework.eventsourcing.eventstore.EventStoreException {
        private final long position;

        TamperedEventException(StoredForm row, String why) {
            super("event " + row.eventId() + " at position " + row.globalIndex() + " (stream " + row.aggregateId()
                    + ") " + why + "; run verify-store (docs/audit.md)");
            this.position = row.globalIndex();
        }

        TamperedEventException(String message) {
            super(message);
            this.position = -1;
        }

        public long position() {
            return position;
        }
    }
}
