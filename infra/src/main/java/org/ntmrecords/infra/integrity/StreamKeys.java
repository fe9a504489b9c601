package org.ntmrecords.infra.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.ntmrecords.events.scorecard.ScorecardId;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The key of a stream's records: the unit the stream belongs to, so that everything about one unit shares a key
 * (and so a partition, where a consumer spreads the stream over several). A unit's own stream, its scorecards
 * ({@code <unit>@<set>}) and its recognition and revocation cases ({@code recognition:<unit>@...}) name the unit in
 * their id; certified standards, evidence documents, re-appraisals, reporting duties and targets name it in their first event
 * ({@code unitCode}, or {@code target.unitCode}). Streams about no single unit (criteria sets, agencies, accounts, the
 * integrity key schedule, district-wide re-appraisals) are keyed by their own id. The key never changes within a
 * stream.
 */
public final class StreamKeys {
    private static final int CACHE_SIZE = 10_000;
    private static final String RECOGNITION_PREFIX = "recognition:";

    private final Function<String, byte[]> firstPayload;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> keys = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** @param firstPayload the payload of a stream's first event, or null when the store has none */
    public StreamKeys(Function<String, byte[]> firstPayload) {
        this.firstPayload = firstPayload;
    }

    /** Keys read from the store's first event of each stream. */
    public static StreamKeys fromStore(JdbcTemplate jdbc) {
        return new StreamKeys(streamId -> jdbc.query(
                "select payload from event_store.domain_event_entry where aggregate_identifier = ? and sequence_number = 0",
                (rs, i) -> rs.getBytes(1), streamId).stream().findFirst().orElse(null));
    }

    /**
     * @param streamType the aggregate type (null for an event outside an aggregate)
     * @param payload    the event's payload, used when it is its stream's first event
     */
    public synchronized String keyOf(String streamType, String streamId, long sequence, byte[] payload) {
        if (streamType == null) {
            return streamId;
        }
        switch (streamType) {
            case "AdministrativeUnit":
                return streamId;
            case "Scorecard":
                return streamId.contains("@") ? ScorecardId.unitCodeOf(streamId) : streamId;
            case "RecognitionCase":
                String caseId = streamId.startsWith(RECOGNITION_PREFIX) ? streamId.substring(RECOGNITION_PREFIX.length())
                        : streamId;
                int at = caseId.indexOf('@');
                return at > 0 ? caseId.substring(0, at) : streamId;
            default:
                return keyFromFirstEvent(streamId, sequence, payload);
        }
    }

    private String keyFromFirstEvent(String streamId, long sequence, byte[] payload) {
        String cached = keys.get(streamId);
        if (cached != null) {
            return cached;
        }
        byte[] first = sequence == 0 ? payload : firstPayload.apply(streamId);
        String key = first == null ? streamId : unitOf(first, streamId);
        keys.put(streamId, key);
        return key;
    }

    private String unitOf(byte[] payload, String fallback) {
        try {
            JsonNode node = json.readTree(payload);
            JsonNode unit = node.path("unitCode");
            if (!unit.isTextual()) {
                unit = node.path("target").path("unitCode");
            }
            return unit.isTextual() && !unit.asText().isBlank() ? unit.asText() : fallback;
        } catch (IOException e) {
            return fallback;
        }
    }
}
