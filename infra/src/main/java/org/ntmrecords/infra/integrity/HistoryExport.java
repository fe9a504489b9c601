package org.ntmrecords.infra.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A unit's history as an auditor takes it away: every event of the unit and its records under any set, each in
 * canonical form with its chain position, the chain's content hashes from the first of them to a signed
 * checkpoint, the checkpoint, and the public key. {@link ExportVerifier} (or the procedure in docs/audit.md)
 * checks it without the service or its database.
 */
@Component
public class HistoryExport {
    public static final String FORMAT = "ntm-records-history-export/1";
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

    /** The export as JSON text. Signs a checkpoint at the chain's head first if none covers it. */
    public String export(String unitCode) {
        List<CanonicalEvent> events = jdbc.query("select " + StoredEvents.COLUMNS + """
                 from event_store.domain_event_entry e
                where e.global_index in (select s.position from read_model.history_subject s
                                          where s.subject = ? or s.subject like ?)
                order by e.global_index""", StoredEvents.ROW, "unit:" + unitCode,
                "scorecard:" + unitCode.replace("%", "\\%").replace("_", "\\_") + "@%");
        if (events.isEmpty()) {
            throw new NothingToExport("unit " + unitCode + " has no recorded history");
        }
        HashChain.Checkpoint checkpoint = chain.signHead()
                .orElseThrow(() -> new NothingToExport("the hash chain is empty"));
        List<Object[]> linked = jdbc.query("select global_index, seq, content_hash from integrity.chain_link"
                        + " where global_index = any(?)", (rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getBytes(3)},
                (Object) events.stream().map(CanonicalEvent::globalIndex).toArray(Long[]::new));
        java.util.Map<Long, Long> seqOf = new java.util.HashMap<>();
        linked.forEach(r -> seqOf.put((Long) r[0], (Long) r[1]));
        List<CanonicalEvent> covered = events.stream()
                .filter(e -> seqOf.containsKey(e.globalIndex()) && seqOf.get(e.globalIndex()) <= checkpoint.seq())
                .toList();
        if (covered.isEmpty()) {
            throw new NothingToExport("no event of unit " + unitCode + " is linked and covered by a checkpoint yet");
        }
        long firstSeq = covered.stream().mapToLong(e -> seqOf.get(e.globalIndex())).min().orElseThrow();
        byte[] previous = firstSeq == 1 ? Hashes.GENESIS : jdbc.queryForObject(
                "select hash from integrity.chain_link where seq = ?", byte[].class, firstSeq - 1);

        HexFormat hex = HexFormat.of();
        ObjectNode doc = JSON.createObjectNode();
        doc.put("format", FORMAT);
        doc.put("unitCode", unitCode);
        doc.put("exportedAt", clock.instant().toString());
        doc.put("eventsNotYetCovered", events.size() - covered.size());
        ObjectNode key = doc.putObject("publicKey");
        key.put("algorithm", "Ed25519");
        key.put("keyId", keys.keyId());
        key.put("pem", keys.publicKeyPem());
        ObjectNode cp = doc.putObject("checkpoint");
        cp.put("seq", checkpoint.seq());
        cp.put("globalIndex", checkpoint.globalIndex());
        cp.put("chainHash", hex.formatHex(checkpoint.chainHash()));
        cp.put("signedAt", checkpoint.signedAt().toString());
        cp.put("keyId", checkpoint.keyId());
        cp.put("message", checkpoint.message());
        cp.put("signature", Base64.getEncoder().encodeToString(checkpoint.signature()));
        ObjectNode start = doc.putObject("chainStart");
        start.put("seq", firstSeq);
        start.put("previousHash", hex.formatHex(previous));
        ArrayNode links = doc.putArray("links");
        jdbc.query("select seq, content_hash from integrity.chain_link where seq between ? and ? order by seq",
                rs -> {
                    ObjectNode link = links.addObject();
                    link.put("seq", rs.getLong(1));
                    link.put("contentHash", hex.formatHex(rs.getBytes(2)));
                }, firstSeq, checkpoint.seq());
        ArrayNode out = doc.putArray("events");
        for (CanonicalEvent event : covered) {
            ObjectNode node = out.addObject();
            String canonical = event.text();
            node.put("seq", seqOf.get(event.globalIndex()));
            node.put("globalIndex", event.globalIndex());
            node.put("contentHash", hex.formatHex(Hashes.sha256(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            node.put("canonical", canonical);
        }
        try {
            return JSON.writeValueAsString(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
