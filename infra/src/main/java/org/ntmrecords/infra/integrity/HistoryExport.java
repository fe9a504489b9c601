package org.ntmrecords.infra.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A unit's history as an auditor takes it away, provably complete: every event of a stream that belongs to the unit
 * (the chain names each link's unit, {@link StreamKeys}, and numbers the unit's links 1, 2, …) from the unit's first
 * link up to a signed checkpoint, each with its row exactly as stored; the events of the unit's history that belong
 * to other streams (district-wide reappraisals, say) besides; every link between the first exported and the
 * checkpoint; the checkpoint and the public key. {@link ExportVerifier} (or the procedure in docs/audit.md) checks it
 * without the service or its database, including that no event of the unit's streams is left out.
 */
@Component
public class HistoryExport {
    public static final String FORMAT = "ntm-records-history-export/2";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final JdbcTemplate jdbc;
    private final HashChain chain;
    private final IntegrityKeys keys;
    private final Clock clock;

    public HistoryExport(JdbcTemplate jdbc, HashChain chain, IntegrityKeys keys, Clock clock) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.keys = keys;
        this.clock = clock;
    }

    /** Thrown when the unit has no linked history to export. */
    public static class NothingToExport extends RuntimeException {
        NothingToExport(String message) {
            super(message);
        }
    }

    private record Linked(long seq, String streamKey, Long keySeq, StoredForm event) {
    }

    /** The export as JSON text. Signs a checkpoint at the chain's head first if none covers it. */
    public String export(String unitCode) {
        HashChain.Checkpoint checkpoint = chain.signHead()
                .orElseThrow(() -> new NothingToExport("the hash chain is empty"));
        // the unit's own links (complete by their key sequence) and the other events its history lists
        List<Linked> events = jdbc.query("select c.seq, c.stream_key, c.key_seq, " + StoredForm.COLUMNS + """
                 from integrity.chain_link c
                 join event_store.domain_event_entry e on e.global_index = c.global_index
                where c.seq <= ? and (c.stream_key = ? or e.global_index in (
                      select s.position from read_model.history_subject s where s.subject = ? or s.subject like ?))
                order by c.seq""", (rs, n) -> new Linked(rs.getLong("seq"), rs.getString("stream_key"),
                (Long) rs.getObject("key_seq"), StoredForm.read(rs)), checkpoint.seq(), unitCode, "unit:" + unitCode,
                "scorecard:" + unitCode.replace("%", "\\%").replace("_", "\\_") + "@%");
        if (events.isEmpty()) {
            throw new NothingToExport("unit " + unitCode + " has no linked history yet");
        }
        long firstSeq = events.get(0).seq();
        long notYetCovered = count("""
                select count(*) from integrity.chain_link c where c.seq > ? and c.stream_key = ?""",
                checkpoint.seq(), unitCode);
        byte[] previous = firstSeq == 1 ? Hashes.GENESIS : jdbc.queryForObject(
                "select hash from integrity.chain_link where seq = ?", byte[].class, firstSeq - 1);

        HexFormat hex = HexFormat.of();
        Base64.Encoder base64 = Base64.getEncoder();
        ObjectNode doc = JSON.createObjectNode();
        doc.put("format", FORMAT);
        doc.put("unitCode", unitCode);
        doc.put("exportedAt", clock.instant().toString());
        doc.put("eventsNotYetCovered", notYetCovered);
        ObjectNode key = doc.putObject("publicKey");
        key.put("algorithm", "Ed25519");
        // the key that signed the checkpoint below: a key of an earlier generation when the current one has signed
        // nothing yet
        IntegrityKeys.Generation signer = keys.generations().stream()
                .filter(g -> g.active() && g.keyId().equals(checkpoint.keyId())).findFirst().orElseThrow(() ->
                        new IllegalStateException("checkpoint " + checkpoint.seq() + " names key " + checkpoint.keyId()
                                + ", which is no generation of this store's keys; run verify-store"));
        key.put("keyId", signer.keyId());
        key.put("pem", signer.publicKeyPem());
        try {
            doc.set("checkpoint", JSON.readTree(checkpoint.document()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ObjectNode start = doc.putObject("chainStart");
        start.put("seq", firstSeq);
        start.put("previousHash", hex.formatHex(previous));
        ArrayNode links = doc.putArray("links");
        jdbc.query("select seq, content_hash, stream_key, key_seq from integrity.chain_link where seq between ? and ? "
                + "order by seq", rs -> {
                    ObjectNode link = links.addObject();
                    link.put("seq", rs.getLong(1));
                    link.put("contentHash", hex.formatHex(rs.getBytes(2)));
                    link.put("streamKey", rs.getString(3));
                    Object keySeq = rs.getObject(4);
                    if (keySeq == null) {
                        link.putNull("keySeq");
                    } else {
                        link.put("keySeq", ((Number) keySeq).longValue());
                    }
                }, firstSeq, checkpoint.seq());
        ArrayNode out = doc.putArray("events");
        for (Linked linked : events) {
            StoredForm event = linked.event();
            ObjectNode node = out.addObject();
            node.put("seq", linked.seq());
            ObjectNode stored = node.putObject("stored");
            stored.put("globalIndex", event.globalIndex());
            stored.put("eventIdentifier", event.eventId());
            stored.put("aggregateIdentifier", event.aggregateId());
            stored.put("sequenceNumber", event.sequenceNumber());
            stored.put("type", event.type());
            stored.put("timeStamp", event.timestamp());
            stored.put("payloadType", event.payloadType());
            stored.put("payloadRevision", event.payloadRevision());
            stored.put("payload", event.payload() == null ? null : base64.encodeToString(event.payload()));
            stored.put("metaData", event.metaData() == null ? null : base64.encodeToString(event.metaData()));
            stored.put("seal", event.seal() == null ? null : base64.encodeToString(event.seal()));
            if (event.seal() == null) {
                // stored under the first scheme: its canonical form is what the chain hashes
                node.put("canonical", event.canonical().text());
            }
            // the same, readable (what the bytes above say)
            node.set("payload", readable(event.payload()));
            node.set("metaData", readable(event.metaData()));
        }
        try {
            return JSON.writeValueAsString(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readable(byte[] json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(new String(json, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
