package org.ntmrecords.infra.integrity;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verifies an exported history without the service or its database: the checkpoint's signature (with the key in
 * the export, or one the auditor obtained separately) over the message built from its fields; the chain from the
 * first exported event to the checkpoint; each event's stored row against the content its link hashes; and that
 * the export holds every event of its unit's streams in that range, from the unit's first (the links name their unit
 * and number its links). Run as {@code java -jar ntm-records.jar verify-export <file> [public-key.pem]}.
 */
public final class ExportVerifier {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ExportVerifier() {
    }

    /** What the verification found: the problems (none when the export holds), and how much was checked. */
    public record Result(List<String> problems, int events, int links, String checkpoint, int unitEvents) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    private static Result failed(String problem) {
        return new Result(List.of(problem), 0, 0, null, 0);
    }

    public static Result verify(String exportJson, PublicKey trusted) {
        JsonNode doc;
        try {
            doc = JSON.readTree(exportJson);
        } catch (IOException e) {
            return failed("not a JSON document: " + e.getMessage());
        }
        if (doc == null || !HistoryExport.FORMAT.equals(doc.path("format").asText())) {
            return failed("not an " + HistoryExport.FORMAT + " document");
        }
        try {
            return verifyDocument(doc, trusted);
        } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
            return failed("malformed export: " + e.getMessage());
        }
    }

    private static Result verifyDocument(JsonNode doc, PublicKey trusted) {
        List<String> problems = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        Base64.Decoder base64 = Base64.getDecoder();
        String unitCode = doc.path("unitCode").asText();
        PublicKey key = trusted != null ? trusted : IntegrityKeys.publicKey(doc.path("publicKey").path("pem").asText());
        String keyId = IntegrityKeys.keyId(key);

        // 1. the checkpoint: its fields are what its signature covers
        HashChain.Checkpoint cp = HashChain.Checkpoint.parse(doc.path("checkpoint").toString());
        if (!keyId.equals(cp.keyId())) {
            problems.add("the checkpoint was signed by key " + cp.keyId() + ", not by " + keyId);
        }
        if (!cp.message().equals(doc.path("checkpoint").path("message").asText())) {
            problems.add("the checkpoint message does not state its fields");
        }
        if (!IntegrityKeys.verify(key, cp.message().getBytes(StandardCharsets.UTF_8), cp.signature())) {
            problems.add("the checkpoint's signature does not verify with key " + keyId);
        }

        // 2. the links lead to the signed chain hash
        Map<Long, JsonNode> linkAt = new HashMap<>();
        byte[] hash = hex.parseHex(doc.path("chainStart").path("previousHash").asText());
        long expectedSeq = doc.path("chainStart").path("seq").asLong();
        int links = 0;
        TreeMap<Long, Long> unitLinks = new TreeMap<>();
        for (JsonNode link : doc.path("links")) {
            long seq = link.path("seq").asLong();
            if (seq != expectedSeq) {
                problems.add("link " + seq + " where link " + expectedSeq + " was expected");
            }
            byte[] content = hex.parseHex(link.path("contentHash").asText());
            if (link.path("keySeq").isNull() || link.path("keySeq").isMissingNode()) {
                hash = Hashes.link(hash, content);
            } else {
                String streamKey = link.path("streamKey").asText();
                long keySeq = link.path("keySeq").asLong();
                hash = Hashes.link(hash, content, streamKey, keySeq);
                if (streamKey.equals(unitCode)) {
                    unitLinks.put(keySeq, seq);
                }
            }
            linkAt.put(seq, link);
            expectedSeq = seq + 1;
            links++;
        }
        if (expectedSeq - 1 != cp.seq() || !MessageDigest.isEqual(hash, cp.chainHash())) {
            problems.add("the links do not lead to the checkpoint's chain hash");
        }

        // 3. every event is the row its link hashes, and what it says readably is what its bytes say
        int events = 0;
        Map<Long, Boolean> exported = new HashMap<>();
        for (JsonNode event : doc.path("events")) {
            events++;
            long seq = event.path("seq").asLong();
            JsonNode s = event.path("stored");
            StoredForm row = new StoredForm(s.path("globalIndex").asLong(), text(s, "eventIdentifier"),
                    text(s, "aggregateIdentifier"), s.path("sequenceNumber").asLong(), text(s, "type"),
                    text(s, "timeStamp"), text(s, "payloadType"), text(s, "payloadRevision"),
                    bytes(base64, s, "payload"), bytes(base64, s, "metaData"), bytes(base64, s, "seal"));
            JsonNode link = linkAt.get(seq);
            String content;
            if (link != null && (link.path("keySeq").isNull() || link.path("keySeq").isMissingNode())) {
                String canonical = row.canonical().text();
                if (!canonical.equals(event.path("canonical").asText())) {
                    problems.add("event at link " + seq + ": its canonical form is not that of its stored row");
                }
                content = hex.formatHex(Hashes.sha256(canonical.getBytes(StandardCharsets.UTF_8)));
            } else {
                content = hex.formatHex(row.contentHash());
            }
            if (link == null || !content.equals(link.path("contentHash").asText())) {
                problems.add("event at link " + seq + " (position " + row.globalIndex() + ") does not match the chain");
            }
            if (!readableMatches(event.path("payload"), row.payload())
                    || !readableMatches(event.path("metaData"), row.metaData())) {
                problems.add("event at link " + seq + ": its readable payload or metadata differs from its stored bytes");
            }
            exported.put(seq, true);
        }

        // 4. complete: every link of the unit's streams, numbered from the unit's first
        if (!unitLinks.isEmpty()) {
            long expectedKeySeq = 1;
            for (Map.Entry<Long, Long> unitLink : unitLinks.entrySet()) {
                if (unitLink.getKey() != expectedKeySeq) {
                    problems.add("the unit's link number " + expectedKeySeq + " is not in the export (it starts at or "
                            + "skips to number " + unitLink.getKey() + ")");
                    expectedKeySeq = unitLink.getKey();
                }
                if (!exported.containsKey(unitLink.getValue())) {
                    problems.add("the event at link " + unitLink.getValue() + " belongs to unit " + unitCode
                            + " and is missing from the export");
                }
                expectedKeySeq++;
            }
        }
        return new Result(problems, events, links, "link " + cp.seq() + " (position " + cp.globalIndex() + ") signed "
                + cp.signedAt(), unitLinks.size());
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isNull() || node.path(field).isMissingNode() ? null : node.path(field).asText();
    }

    private static byte[] bytes(Base64.Decoder base64, JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : base64.decode(text);
    }

    private static boolean readableMatches(JsonNode readable, byte[] stored) {
        if (stored == null) {
            return readable.isNull() || readable.isMissingNode();
        }
        try {
            return JSON.readTree(stored).equals(readable);
        } catch (IOException e) {
            return readable.isTextual() && readable.asText().equals(new String(stored, StandardCharsets.UTF_8));
        }
    }

    /** Command-line entry: prints the result; exit code 0 when the export holds. */
    public static int run(List<String> args) throws IOException {
        if (args.isEmpty() || args.size() > 2) {
            System.err.println("usage: verify-export <export.json> [public-key.pem]");
            return 2;
        }
        PublicKey trusted = args.size() == 2 ? IntegrityKeys.publicKey(Files.readString(Path.of(args.get(1)))) : null;
        Result result = verify(Files.readString(Path.of(args.get(0))), trusted);
        System.out.println((result.intact() ? "INTACT" : "BROKEN") + ": " + result.events() + " events ("
                + result.unitEvents() + " of the unit's streams), " + result.links()
                + " links up to checkpoint at " + result.checkpoint()
                + (trusted == null ? " (key taken from the export: compare its keyId with one obtained separately)" : ""));
        result.problems().forEach(p -> System.out.println("  " + p));
        return result.intact() ? 0 : 1;
    }
}
