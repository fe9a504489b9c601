package org.ntmrecords.infra.distribution;

import org.ntmrecords.infra.integrity.StreamKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class EventRecordsTest {
    private static final byte[] PAYLOAD = "{\"unitCode\":\"30049\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] METADATA = "{\"actor\":\"tankieu.officer\"}".getBytes(StandardCharsets.UTF_8);

    private static EventRecords.StoredEvent event(String revision) {
        return new EventRecords.StoredEvent("e-1", "Scorecard", "30049@dongthap-commune-ntm-2021-2025", 7,
                Instant.parse("2024-06-01T03:15:02.123Z"), "org.ntmrecords.events.scorecard.IndicatorValueRecordedEvent",
                revision, PAYLOAD, METADATA, 1843, new byte[] {1, 2, 3});
    }

    private static ConsumerRecord<String, byte[]> received(ProducerRecord<String, byte[]> sent) {
        return new ConsumerRecord<>(sent.topic(), 0, 12, sent.timestamp(), TimestampType.CREATE_TIME, -1, -1,
                sent.key(), sent.value(), sent.headers(), Optional.empty());
    }

    @Test
    void aRecordCarriesTheStoredEventWhole() {
        ProducerRecord<String, byte[]> sent = EventRecords.toRecord("t", "30049", event("1"));

        assertThat(sent.key()).isEqualTo("30049");
        assertThat(sent.value()).isEqualTo(PAYLOAD);
        assertThat(sent.timestamp()).isEqualTo(Instant.parse("2024-06-01T03:15:02.123Z").toEpochMilli());
        Map<String, String> headers = new HashMap<>();
        for (Header header : sent.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        assertThat(headers).containsEntry("ntm-contract", "1").containsEntry("ntm-event-id", "e-1")
                .containsEntry("ntm-event-revision", "1").containsEntry("ntm-stream-type", "Scorecard")
                .containsEntry("ntm-sequence", "7").containsEntry("ntm-global-index", "1843")
                .containsEntry("ntm-timestamp", "2024-06-01T03:15:02.123Z")
                .containsEntry("ntm-metadata", "{\"actor\":\"tankieu.officer\"}")
                .containsEntry("content-type", "application/json");

        EventRecords.StoredEvent back = EventRecords.fromRecord(received(sent));
        assertThat(back).usingRecursiveComparison().isEqualTo(event("1"));
    }

    @Test
    void aPayloadWithoutRevisionHasNoRevisionHeader() {
        ProducerRecord<String, byte[]> sent = EventRecords.toRecord("t", "30049", event(null));

        assertThat(sent.headers().lastHeader(EventRecords.EVENT_REVISION)).isNull();
        assertThat(EventRecords.fromRecord(received(sent)).payloadRevision()).isNull();
    }

    @Test
    void aRecordBreakingTheContractIsRefusedNamingWhatIsWrong() {
        for (String required : List.of(EventRecords.EVENT_ID, EventRecords.EVENT_TYPE, EventRecords.STREAM_ID,
                EventRecords.SEQUENCE, EventRecords.TIMESTAMP, EventRecords.GLOBAL_INDEX)) {
            ProducerRecord<String, byte[]> sent = EventRecords.toRecord("t", "30049", event("1"));
            sent.headers().remove(required);
            assertThatThrownBy(() -> EventRecords.fromRecord(received(sent)))
                    .isInstanceOf(EventRecords.ContractViolation.class).hasMessageContaining(required)
                    .hasMessageContaining("t-0@12");
        }
        ProducerRecord<String, byte[]> later = EventRecords.toRecord("t", "30049", event("1"));
        later.headers().remove(EventRecords.CONTRACT).add(EventRecords.CONTRACT, "2".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> EventRecords.fromRecord(received(later)))
                .isInstanceOf(EventRecords.ContractViolation.class).hasMessageContaining("contract version 2");
        ProducerRecord<String, byte[]> badNumber = EventRecords.toRecord("t", "30049", event("1"));
        badNumber.headers().remove(EventRecords.SEQUENCE).add(EventRecords.SEQUENCE, "seven".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> EventRecords.fromRecord(received(badNumber)))
                .isInstanceOf(EventRecords.ContractViolation.class);
        ProducerRecord<String, byte[]> badTime = EventRecords.toRecord("t", "30049", event("1"));
        badTime.headers().remove(EventRecords.TIMESTAMP).add(EventRecords.TIMESTAMP, "01/06/2024".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> EventRecords.fromRecord(received(badTime)))
                .isInstanceOf(EventRecords.ContractViolation.class);
    }

    @Test
    void streamsAreKeyedByTheirUnit() {
        List<String> lookedUp = new ArrayList<>();
        byte[] attached = "{\"documentId\":\"d\",\"target\":{\"kind\":\"UNIT\",\"unitCode\":\"15169\"}}"
                .getBytes(StandardCharsets.UTF_8);
        StreamKeys keys = new StreamKeys(stream -> {
            lookedUp.add(stream);
            return stream.equals("evidence:d") ? attached : null;
        });

        assertThat(keyOf(keys, stream("AdministrativeUnit", "30049", 3, "{}"))).isEqualTo("30049");
        assertThat(keyOf(keys, stream("Scorecard", "30049@dongthap-commune-ntm-2021-2025", 9, "{}"))).isEqualTo("30049");
        assertThat(keyOf(keys, stream("RecognitionCase",
                "recognition:30073@dongthap-commune-advanced-2021-2025@2023@R2025", 2, "{}"))).isEqualTo("30073");
        assertThat(keyOf(keys, stream("Certification", "certification:c", 0, "{\"unitCode\":\"30202\"}")))
                .isEqualTo("30202");
        assertThat(keyOf(keys, stream("Certification", "certification:c", 1, "{}"))).isEqualTo("30202");
        // a later event of a stream first seen after a restart: the key comes from the stream's first event
        assertThat(keyOf(keys, stream("EvidenceDocument", "evidence:d", 1, "{\"reason\":\"x\"}"))).isEqualTo("15169");
        assertThat(keyOf(keys, stream("EvidenceDocument", "evidence:d", 2, "{}"))).isEqualTo("15169");
        assertThat(lookedUp).containsExactly("evidence:d");
        assertThat(keyOf(keys, stream("CriteriaSet", "dongthap-commune-ntm-2021-2025", 0, "{\"setId\":\"x\"}")))
                .isEqualTo("dongthap-commune-ntm-2021-2025");
        assertThat(keyOf(keys, stream("Account", "account:auditor", 0, "{\"username\":\"auditor\"}")))
                .isEqualTo("account:auditor");
    }

    private static EventRecords.StoredEvent stream(String type, String id, long sequence, String payload) {
        return new EventRecords.StoredEvent("e", type, id, sequence, Instant.EPOCH, "T", "1",
                payload.getBytes(StandardCharsets.UTF_8), null, 1, null);
    }

    private static String keyOf(StreamKeys keys, EventRecords.StoredEvent event) {
        return keys.keyOf(event.streamType(), event.streamId(), event.sequence(), event.payload());
    }
}
