package org.ntmrecords.infra.integrity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical form of a stored event: one line of JSON, keys sorted at every level, no spaces, holding the
 * event's identity, position in its stream, type and revision, record time, payload and metadata (without the
 * seal). Sealing uses it without the global index (unknown before the insert); the chain with it.
 *
 * @param globalIndex  null for the sealing form
 * @param timestamp    the record time as stored
 * @param payload      the payload as stored (JSON bytes)
 * @param metaData     the metadata as stored (JSON bytes); its {@code seal} entry is left out
 */
public record CanonicalEvent(Long globalIndex, String eventId, String aggregateId, long sequenceNumber, String type,
                             String payloadType, String payloadRevision, String timestamp, byte[] payload,
                             byte[] metaData) {
    /** The metadata entry that carries the seal (hex HMAC-SHA256 of the sealing form). */
    public static final String SEAL = "seal";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    public CanonicalEvent withoutGlobalIndex() {
        return new CanonicalEvent(null, eventId, aggregateId, sequenceNumber, type, payloadType, payloadRevision,
                timestamp, payload, metaData);
    }

    /** The canonical text. */
    public String text() {
        return text(node(sorted(withoutSeal(tree(metaData))), sorted(tree(payload))), globalIndex);
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    /** Both forms (chained: with the global index; sealed: without) and the recorded seal, reading the JSON once. */
    public record Forms(byte[] chained, byte[] sealed, String recordedSeal) {
    }

    public Forms forms() {
        JsonNode meta = tree(metaData);
        String seal = meta.hasNonNull(SEAL) ? meta.get(SEAL).asText() : null;
        ObjectNode node = node(sorted(withoutSeal(meta)), sorted(tree(payload)));
        byte[] sealed = text(node, null).getBytes(StandardCharsets.UTF_8);
        byte[] chained = globalIndex == null ? sealed : text(node, globalIndex).getBytes(StandardCharsets.UTF_8);
        return new Forms(chained, sealed, seal);
    }

    private ObjectNode node(JsonNode sortedMeta, JsonNode sortedPayload) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("aggregateId", aggregateId);
        node.put("eventId", eventId);
        node.set("metaData", sortedMeta);
        node.set("payload", sortedPayload);
        node.put("payloadRevision", payloadRevision);
        node.put("payloadType", payloadType);
        node.put("sequenceNumber", sequenceNumber);
        node.put("timestamp", timestamp == null ? null : Instant.parse(timestamp).toString());
        node.put("type", type);
        return node;
    }

    private static String text(ObjectNode fields, Long globalIndex) {
        ObjectNode node = fields.deepCopy();
        if (globalIndex != null) {
            node.put("globalIndex", globalIndex);
        }
        try {
            return JSON.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The seal recorded in the metadata, or null. */
    public String recordedSeal() {
        JsonNode meta = tree(metaData);
        return meta.hasNonNull(SEAL) ? meta.get(SEAL).asText() : null;
    }

    private static JsonNode tree(byte[] json) {
        if (json == null || json.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            // unreadable bytes are themselves content: hash them as text so a change still shows
            return JsonNodeFactory.instance.textNode(new String(json, StandardCharsets.UTF_8));
        }
    }

    private static JsonNode withoutSeal(JsonNode meta) {
        if (meta instanceof ObjectNode object) {
            ObjectNode copy = object.deepCopy();
            copy.remove(SEAL);
            return copy;
        }
        return meta;
    }

    /** A copy with object keys in order (Jackson keeps insertion order in trees). */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
