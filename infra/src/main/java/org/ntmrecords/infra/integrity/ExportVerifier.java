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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.api.ApiText;

/**
 * Verifies an exported history without the service or its database: the checkpoint's signature (with the key in
 * the export, or one the auditor obtained separately) over the message built from its fields; the chain from the
 * first exported event to the checkpoint; each event's stored row against the content its link hashes; and that
 * the export holds every event of its unit's streams in that range, from the unit's first (the links name their unit
 * and number its links). Run as {@code java -jar ntm-records.jar verify-export <file> [public-key.pem]}: it prints in
 * Vietnamese unless {@code --lang en}, as the other tasks, its words resolved without Spring ({@link Message#in}).
 */
public final class ExportVerifier {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ExportVerifier() {
    }

    /**
     * What the verification found: the problems (none when the export holds), and how much was checked; the problems
     * and the checkpoint reached in words for a reader ({@link #problems(Locale)}), in English without a language.
     */
    public record Result(List<Message> found, int events, int links, Message checkpoint, int unitEvents) {
        public boolean intact() {
            return found.isEmpty();
        }

        /** The problems in English (logs). */
        public List<String> problems() {
            return problems(Locale.ENGLISH);
        }

        public List<String> problems(Locale locale) {
            return found.stream().map(p -> p.in(locale)).toList();
        }
    }

    private static Result failed(Message problem) {
        return new Result(List.of(problem), 0, 0, null, 0);
    }

    public static Result verify(String exportJson, PublicKey trusted) {
        return verifyWithAny(exportJson, trusted == null ? List.of() : List.of(trusted));
    }

    /**
     * Verifies an export against the public keys an auditor trusts (the store's key generations, published with
     * {@code integrityKeyGenerations}): its checkpoint must be signed by one of them. None given: the key the export
     * carries.
     */
    public static Result verifyWithAny(String exportJson, List<PublicKey> trusted) {
        JsonNode doc;
        try {
            doc = JSON.readTree(exportJson);
        } catch (IOException e) {
            return failed(ApiText.of("integrity.export.notJson", e instanceof com.fasterxml.jackson.core
                    .JsonProcessingException json ? json.getOriginalMessage() : String.valueOf(e.getMessage())));
        }
        if (doc == null || !HistoryExport.FORMAT.equals(doc.path("format").asText())) {
            return failed(ApiText.of("integrity.export.notExport", HistoryExport.FORMAT));
        }
        try {
            return verifyDocument(doc, trusted);
        } catch (HashChain.NotACheckpoint e) {
            return failed(ApiText.of("integrity.export.malformed", e.text()));
        } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
            // a key, hash or encoded value that does not read, a field missing or of another kind: no Java names
            return failed(ApiText.of("integrity.export.malformed", ApiText.of("integrity.export.unreadableField")));
        }
    }

    private static Result verifyDocument(JsonNode doc, List<PublicKey> trustedKeys) {
        List<Message> problems = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        Base64.Decoder base64 = Base64.getDecoder();
        String unitCode = doc.path("unitCode").asText();
        // 1. the checkpoint: its fields are what its signature covers, signed by the key it names (of those trusted)
        HashChain.Checkpoint cp = HashChain.Checkpoint.parse(doc.path("checkpoint").toString());
        PublicKey key = trustedKeys.isEmpty() ? IntegrityKeys.publicKey(doc.path("publicKey").path("pem").asText())
                : trustedKeys.stream().filter(k -> IntegrityKeys.keyId(k).equals(cp.keyId())).findFirst()
                .orElse(trustedKeys.get(0));
        String keyId = IntegrityKeys.keyId(key);
        if (!keyId.equals(cp.keyId())) {
            problems.add(ApiText.of("integrity.export.otherKey", cp.keyId(), keyId));
        }
        if (!cp.message().equals(doc.path("checkpoint").path("message").asText())) {
            problems.add(ApiText.of("integrity.export.message"));
        }
        if (!IntegrityKeys.verify(key, cp.message().getBytes(StandardCharsets.UTF_8), cp.signature())) {
            problems.add(ApiText.of("integrity.export.signature", keyId));
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
                problems.add(ApiText.of("integrity.export.linkOrder", String.valueOf(seq),
                        String.valueOf(expectedSeq)));
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
            problems.add(ApiText.of("integrity.export.chainEnd"));
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
                    problems.add(ApiText.of("integrity.export.canonical", String.valueOf(seq)));
                }
                content = hex.formatHex(Hashes.sha256(canonical.getBytes(StandardCharsets.UTF_8)));
            } else {
                content = hex.formatHex(row.contentHash());
            }
            if (link == null || !content.equals(link.path("contentHash").asText())) {
                problems.add(ApiText.of("integrity.export.eventMismatch", String.valueOf(seq),
                        String.valueOf(row.globalIndex())));
            }
            if (!readableMatches(event.path("payload"), row.payload())
                    || !readableMatches(event.path("metaData"), row.metaData())) {
                problems.add(ApiText.of("integrity.export.readable", String.valueOf(seq)));
            }
            exported.put(seq, true);
        }

        // 4. complete: every link of the unit's streams, numbered from the unit's first
        if (!unitLinks.isEmpty()) {
            long expectedKeySeq = 1;
            for (Map.Entry<Long, Long> unitLink : unitLinks.entrySet()) {
                if (unitLink.getKey() != expectedKeySeq) {
                    problems.add(ApiText.of("integrity.export.unitLinkMissing", String.valueOf(expectedKeySeq),
                            String.valueOf(unitLink.getKey())));
                    expectedKeySeq = unitLink.getKey();
                }
                if (!exported.containsKey(unitLink.getValue())) {
                    problems.add(ApiText.of("integrity.export.unitEventMissing", String.valueOf(unitLink.getValue()),
                            unitCode));
                }
                expectedKeySeq++;
            }
        }
        return new Result(problems, events, links, ApiText.of("integrity.export.checkpoint", String.valueOf(cp.seq()),
                String.valueOf(cp.globalIndex()), cp.signedAt().toString()), unitLinks.size());
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

    /** Command-line entry: prints the result in Vietnamese; exit code 0 when the export holds. */
    public static int run(List<String> args) throws IOException {
        return run(args, Message.VIETNAMESE);
    }

    /** Command-line entry: prints the result in a language; exit code 0 when the export holds. */
    public static int run(List<String> args, Locale language) throws IOException {
        if (args.isEmpty()) {
            System.err.println(ApiText.say(language, "integrity.export.usage"));
            return 2;
        }
        List<PublicKey> trusted = new ArrayList<>();
        for (String file : args.subList(1, args.size())) {
            try {
                trusted.add(IntegrityKeys.publicKey(Files.readString(Path.of(file))));
            } catch (IllegalArgumentException e) {
                System.err.println(ApiText.say(language, "integrity.export.notAKey", file));
                return 2;
            }
        }
        Result result = verifyWithAny(Files.readString(Path.of(args.get(0))), trusted);
        System.out.println(summary(result, trusted.isEmpty()).in(language));
        result.problems(language).forEach(p -> System.out.println("  " + p));
        return result.intact() ? 0 : 1;
    }

    /** The first line the task prints: intact or broken, what was checked, up to which checkpoint. */
    static Message summary(Result result, boolean keyFromExport) {
        Message state = ApiText.of(result.intact() ? "integrity.export.intact" : "integrity.export.broken");
        Object checkpoint = result.checkpoint() == null ? ApiText.of("integrity.export.noCheckpoint")
                : result.checkpoint();
        return ApiText.of(keyFromExport ? "integrity.export.summaryKeyFromExport" : "integrity.export.summary", state,
                String.valueOf(result.events()), String.valueOf(result.unitEvents()), String.valueOf(result.links()),
                checkpoint);
    }
}
