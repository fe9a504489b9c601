package org.ntmrecords.infra.integrity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An event row exactly as stored, and its two forms under the second integrity scheme (migration V14): each column
 * as stored, length-prefixed (4 bytes, big-endian; {@code ff ff ff ff} for SQL null), numbers as decimal text and
 * text as UTF-8. Two different stored rows never share a form, so no change to a stored byte goes unseen.
 *
 * <ul>
 *   <li>sealed form: {@code "ntm-records seal v2\n"}, then event id, stream id, sequence, stream type, record time,
 *       payload type, payload revision, payload, metadata; its HMAC-SHA256 with the sealing key is the seal;</li>
 *   <li>chained form: {@code "ntm-records event v2\n"}, then the global index, the same fields and the seal; its
 *       SHA-256 is the content a chain link hashes ({@code integrity.content_v2} computes the same in SQL).</li>
 * </ul>
 *
 * @param seal null for an event stored before seals had a column of their own
 */
public record StoredForm(long globalIndex, String eventId, String aggregateId, long sequenceNumber, String type,
                         String timestamp, String payloadType, String payloadRevision, byte[] payload,
                         byte[] metaData, byte[] seal) {
    static final String SEAL_PREFIX = "ntm-records seal v2\n";
    static final String CHAIN_PREFIX = "ntm-records event v2\n";
    static final String SNAPSHOT_PREFIX = "ntm-records snapshot v2\n";
    /** The columns read for it, table alias {@code e}. */
    public static final String COLUMNS = """
            e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type, e.time_stamp,
            e.payload_type, e.payload_revision, e.payload, e.meta_data, e.seal""";

    public static StoredForm read(ResultSet rs) throws SQLException {
        return new StoredForm(rs.getLong("global_index"), rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
                rs.getString("time_stamp"), rs.getString("payload_type"), rs.getString("payload_revision"),
                rs.getBytes("payload"), rs.getBytes("meta_data"), rs.getBytes("seal"));
    }

    /** What the seal covers: every column but the global index (unknown before the insert) and the seal. */
    public static byte[] sealedForm(String eventId, String aggregateId, long sequenceNumber, String type,
                                    String timestamp, String payloadType, String payloadRevision, byte[] payload,
                                    byte[] metaData) {
        return sealedForm(SEAL_PREFIX, eventId, aggregateId, sequenceNumber, type, timestamp, payloadType,
                payloadRevision, payload, metaData);
    }

    /** What a snapshot's seal covers: the same fields after a prefix of its own. */
    public static byte[] snapshotSealedForm(String eventId, String aggregateId, long sequenceNumber, String type,
                                            String timestamp, String payloadType, String payloadRevision,
                                            byte[] payload, byte[] metaData) {
        return sealedForm(SNAPSHOT_PREFIX, eventId, aggregateId, sequenceNumber, type, timestamp, payloadType,
                payloadRevision, payload, metaData);
    }

    private static byte[] sealedForm(String prefix, String eventId, String aggregateId, long sequenceNumber,
                                     String type, String timestamp, String payloadType, String payloadRevision,
                                     byte[] payload, byte[] metaData) {
        Fields out = new Fields(prefix, 128 + length(payload) + length(metaData));
        out.text(eventId).text(aggregateId).text(Long.toString(sequenceNumber)).text(type).text(timestamp)
                .text(payloadType).text(payloadRevision).bytes(payload).bytes(metaData);
        return out.toByteArray();
    }

    public byte[] sealedForm() {
        return sealedForm(eventId, aggregateId, sequenceNumber, type, timestamp, payloadType, payloadRevision, payload,
                metaData);
    }

    /** What a chain link's content hash covers: every column. */
    public byte[] chainedForm() {
        Fields out = new Fields(CHAIN_PREFIX, 160 + length(payload) + length(metaData));
        out.text(Long.toString(globalIndex)).text(eventId).text(aggregateId).text(Long.toString(sequenceNumber))
                .text(type).text(timestamp).text(payloadType).text(payloadRevision).bytes(payload).bytes(metaData)
                .bytes(seal);
        return out.toByteArray();
    }

    public byte[] contentHash() {
        return Hashes.sha256(chainedForm());
    }

    /** The same row under the first scheme's canonical form (events at or below the scheme boundary). */
    public CanonicalEvent canonical() {
        return new CanonicalEvent(globalIndex, eventId, aggregateId, sequenceNumber, type, payloadType,
                payloadRevision, timestamp, payload, metaData);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static final class Fields extends ByteArrayOutputStream {
        Fields(String prefix, int size) {
            super(size);
            writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
        }

        Fields text(String value) {
            return bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }

        Fields bytes(byte[] value) {
            int n = value == null ? -1 : value.length;
            write(n >>> 24);
            write(n >>> 16);
            write(n >>> 8);
            write(n);
            if (value != null) {
                writeBytes(value);
            }
            return this;
        }
    }
}
