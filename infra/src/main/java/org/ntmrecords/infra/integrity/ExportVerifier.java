package org.ntmrecords.infra.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * Verifies an exported history without the service or its database: the checkpoint's signature (with the key in
 * the export, or one the auditor obtained separately), the chain from the first exported event to the
 * checkpoint, and each event's canonical form against its content hash. Run as
 * {@code java -jar ntm-records.jar verify-export <file> [public-key.pem]}.
 */
public final class ExportVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportVerifier() {
    }

    /** What the verification found: the problems (none when the export holds), and how much was checked. */
    public record Result(List<String> problems, int events, int links, String checkpoint) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    public static Result verify(String exportJson, PublicKey trusted) {
        List<String> problems = new ArrayList<>();
        JsonNode doc;
        try {
            doc = JSON.readTree(exportJson);
        } catch (IOException e) {
            return new Result(List.of("not a JSON document: " + e.getMessage()), 0, 0, null);
        }
        if (!HistoryExport.FORMAT.equals(doc.path("format").asText())) {
            return new Result(List.of("not an " + HistoryExport.FORMAT + " document"), 0, 0, null);
        }
        HexFormat hex = HexFormat.of();
        PublicKey key = trusted != null ? trusted : IntegrityKeys.publicKey(doc.path("publicKey").path("pem").asText());
        JsonNode cp = doc.path("checkpoint");
        String keyId = IntegrityKeys.keyId(key);
        if (!keyId.equals(cp.path("keyId").asText())) {
            problems.add("the checkpoint was signed by key " + cp.path("keyId").asText() + ", not by " + keyId);
        }
        byte[] chainHash = hex.parseHex(cp.path("chainHash").asText());
        String message = HashChain.Checkpoint.message(cp.path("seq").asLong(), cp.path("globalIndex").asLong(),
                chainHash, java.time.Instant.parse(cp.path("signedAt").asText()), cp.path("keyId").asText());
        if (!message.equals(cp.path("message").asText())) {
            problems.add("the checkpoint message does not state its fields");
        }
        if (!IntegrityKeys.verify(key, message.getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(cp.path("signature").asText()))) {
            problems.add("the checkpoint's signature does not verify with key " + keyId);
        }

        Map<Long, String> contentAt = new HashMap<>();
        byte[] hash = hex.parseHex(doc.path("chainStart").path("previousHash").asText());
        long expectedSeq = doc.path("chainStart").path("seq").asLong();
        int links = 0;
        for (JsonNode link : doc.path("links")) {
            long seq = link.path("seq").asLong();
            if (seq != expectedSeq) {
                problems.add("link " + seq + " where link " + expectedSeq + " was expected");
            }
            byte[] content = hex.parseHex(link.path("contentHash").asText());
            hash = Hashes.link(hash, content);
            contentAt.put(seq, link.path("contentHash").asText());
            expectedSeq = seq + 1;
            links++;
        }
        if (expectedSeq - 1 != cp.path("seq").asLong() || !MessageDigest.isEqual(hash, chainHash)) {
            problems.add("the links do not lead to the checkpoint's chain hash");
        }
        int events = 0;
        for (JsonNode event : doc.path("events")) {
            events++;
            long seq = event.path("seq").asLong();
            String canonical = event.path("canonical").asText();
            String content = hex.formatHex(Hashes.sha256(canonical.getBytes(StandardCharsets.UTF_8)));
            if (!content.equals(event.path("contentHash").asText()) || !content.equals(contentAt.get(seq))) {
                problems.add("event at link " + seq + " (position " + event.path("globalIndex").asLong()
                        + ") does not match the chain");
            }
            try {
                if (JSON.readTree(canonical).path("globalIndex").asLong() != event.path("globalIndex").asLong()) {
                    problems.add("event at link " + seq + " states another position than its own");
                }
            } catch (IOException e) {
                problems.add("event at link " + seq + " is not canonical JSON");
            }
        }
        return new Result(problems, events, links, "link " + cp.path("seq").asLong() + " (position "
                + cp.path("globalIndex").asLong() + ") signed " + cp.path("signedAt").asText());
    }

    /** Command-line entry: prints the result; exit code 0 when the export holds. */
    public static int run(List<String> args) throws IOException {
        if (args.isEmpty() || args.size() > 2) {
            System.err.println("usage: verify-export <export.json> [public-key.pem]");
            return 2;
        }
        PublicKey trusted = args.size() == 2 ? IntegrityKeys.publicKey(Files.readString(Path.of(args.get(1)))) : null;
        Result result = verify(Files.readString(Path.of(args.get(0))), trusted);
        System.out.println((result.intact() ? "INTACT" : "BROKEN") + ": " + result.events() + " events, "
                + result.links() + " links up to checkpoint at " + result.checkpoint()
                + (trusted == null ? " (key taken from the export: compare its keyId with one obtained separately)" : ""));
        result.problems().forEach(p -> System.out.println("  " + p));
        return result.intact() ? 0 : 1;
    }
}
