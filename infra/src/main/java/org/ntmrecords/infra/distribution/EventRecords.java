package org.ntmrecords.infra.distribution;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.axonframework.common.DateTimeUtils;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The events topic's record format, contract version {@value #CONTRACT_VERSION} (docs/kafka.md): the key is the
 * unit the event's stream belongs to, the value is the event's JSON payload, the headers say what it is.
 */
public final class EventRecords {
    public static final String CONTRACT_VERSION = "1";
    public static final String CONTRACT = "ntm-contract";
    public static final String EVENT_ID = "ntm-event-id";
    public static final String EVENT_TYPE = "ntm-event-type";
    public static final String EVENT_REVISION = "ntm-event-revision";
    public static final String STREAM_TYPE = "ntm-stream-type";
    public static final String STREAM_ID = "ntm-stream-id";
    public static final String SEQUENCE = "ntm-sequence";
    public static final String TIMESTAMP = "ntm-timestamp";
    public static final String GLOBAL_INDEX = "ntm-global-index";
    public static final String METADATA = "ntm-metadata";
    public static final String CONTENT_TYPE = "content-type";
    /** Optional: the event's seal as stored (hex), so a replica's copy is byte for byte the store's row. */
    public static final String SEAL = "ntm-seal";

    private EventRecords() {
    }

    /** One stored event as the store holds it. */
    public record StoredEvent(String eventId, String streamType, String streamId, long sequence, Instant timestamp,
                              String payloadType, String payloadRevision, byte[] payload, byte[] metadata,
                              long globalIndex, byte[] seal) {
        /** The same event at its position in the store, with its seal there. */
        StoredEvent at(long position, byte[] storedSeal) {
            return new StoredEvent(eventId, streamType, streamId, sequence, timestamp, payloadType, payloadRevision,
                    payload, metadata, position, storedSeal);
        }
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, String key, StoredEvent event) {
        Headers headers = new RecordHeaders();
        add(headers, CONTRACT, CONTRACT_VERSION);
        add(headers, EVENT_ID, event.eventId());
        add(headers, EVENT_TYPE, event.payloadType());
        if (event.payloadRevision() != null) {
            add(headers, EVENT_REVISION, event.payloadRevision());
        }
        add(headers, STREAM_TYPE, event.streamType());
        add(headers, STREAM_ID, event.streamId());
        add(headers, SEQUENCE, Long.toString(event.sequence()));
        add(headers, TIMESTAMP, DateTimeUtils.formatInstant(event.timestamp()));
        add(headers, GLOBAL_INDEX, Long.toString(event.globalIndex()));
        headers.add(METADATA, event.metadata() == null ? "{}".getBytes(StandardCharsets.UTF_8) : event.metadata());
        add(headers, CONTENT_TYPE, "application/json");
        if (event.seal() != null) {
            add(headers, SEAL, java.util.HexFormat.of().formatHex(event.seal()));
        }
        return new ProducerRecord<>(topic, null, event.timestamp().toEpochMilli(), key, event.payload(), headers);
    }

    /**
     * Reads a record of the events topic.
     *
     * @throws ContractViolation when a header the contract requires is missing or malformed
     */
    public static StoredEvent fromRecord(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        String contract = text(headers, CONTRACT, true);
        if (!CONTRACT_VERSION.equals(contract)) {
            throw new ContractViolation(record, "contract version " + contract + " is not " + CONTRACT_VERSION);
        }
        if (record.value() == null) {
            throw new ContractViolation(record, "no payload");
        }
        try {
            Header metadata = headers.lastHeader(METADATA);
            return new StoredEvent(text(headers, EVENT_ID, true), text(headers, STREAM_TYPE, false),
                    text(headers, STREAM_ID, true), Long.parseLong(text(headers, SEQUENCE, true)),
                    Instant.parse(text(headers, TIMESTAMP, true)), text(headers, EVENT_TYPE, true),
                    text(headers, EVENT_REVISION, false), record.value(),
                    metadata == null ? null : metadata.value(), Long.parseLong(text(headers, GLOBAL_INDEX, true)),
                    seal(text(headers, SEAL, false)));
        } catch (IllegalStateException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new ContractViolation(record, e.getMessage());
        }
    }

    private static byte[] seal(String hex) {
        return hex == null ? null : java.util.HexFormat.of().parseHex(hex);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Headers headers, String name, boolean required) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            if (required) {
                throw new IllegalStateException("header " + name + " missing");
            }
            return null;
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A record that does not follow the contract: it is not applied, and the replica stops at it. */
    public static final class ContractViolation extends RuntimeException {
        ContractViolation(ConsumerRecord<?, ?> record, String detail) {
            super("record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                    + " breaks the events contract: " + detail);
        }
    }
}
