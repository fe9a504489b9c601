package org.ntmrecords.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.spring.JqwikSpringSupport;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;

/**
 * The raw HTTP surface, as a careless or hostile client reaches it: bodies that are not JSON, not UTF-8, not one
 * object, with broken text or impossible dates; wrong content types; malformed, oversized or forged credentials;
 * requests mutated byte by byte. Sent over a plain socket exactly as written. Every answer must be a JSON error or a
 * typed refusal — never a 5xx, never an HTML page, never an internal error — and nothing may be stored unless the
 * answer says it was.
 */
@JqwikSpringSupport
// a database of its own: the byte-mutated requests that are valid record values for Tân Kiều
@org.springframework.test.context.TestPropertySource(properties = "ntm.test.isolated=raw-http")
class RawHttpBadInputIT extends IntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OFFICER = basic("tankieu.officer", PASSWORD);
    private static final String VALID = """
            {"query":"mutation($i: RecordIndicatorValueInput!) { recordIndicatorValue(input: $i) { entryId errors { code field } } }",\
            "variables":{"i":{"unitCode":"30049","setId":"dongthap-commune-ntm-2021-2025","indicatorCode":"17.7",\
            "value":{"kind":"PERCENTAGE","percentage":80},"period":{"start":"2024-03-15"},\
            "breakdown":[{"subUnit":"Ấp 1","quantity":3}],"breakdownTotal":{"quantity":3,"measure":"hộ"},\
            "note":"Tân Kiều"}}}""";

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + contentType + "): " + body, e);
            }
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one request exactly as given and reads the whole answer. */
    private Answer send(String requestLine, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n").getBytes(StandardCharsets.ISO_8859_1));
            for (Map.Entry<String, String> header : headers.entrySet()) {
                request.write((header.getKey() + ": " + header.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (body != null) {
                request.write(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            request.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                request.write(body);
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] response = in.readAllBytes();
            int headerEnd = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            assertThat(headerEnd).as("an HTTP answer: %s", new String(response, StandardCharsets.UTF_8)).isPositive();
            String head = new String(response, 0, headerEnd, StandardCharsets.ISO_8859_1);
            byte[] payload = java.util.Arrays.copyOfRange(response, headerEnd + 4, response.length);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                payload = unchunk(payload);
            }
            int status = Integer.parseInt(head.substring(9, 12));
            String contentType = head.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring(13).strip()).findFirst().orElse("");
            return new Answer(status, contentType, new String(payload, StandardCharsets.UTF_8));
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, crlf, at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private Answer post(String contentType, String authorization, byte[] body) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return send("POST /graphql HTTP/1.1", headers, body);
    }

    private long head() {
        Long max = jdbc.queryForObject("select coalesce(max(global_index), 0) from event_store.domain_event_entry", Long.class);
        return max == null ? 0 : max;
    }

    /** The property every answer has: a status below 500, a JSON body, no internal error, no stack trace. */
    /** Every body is refused (request errors or the mutation's typed errors), none accepted, nothing stored. */
    private void allRefusedStoringNothing(Map<String, byte[]> bodies, String mutation) throws IOException {
        long before = head();
        for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
            Answer answer = post("application/json", OFFICER, body.getValue());
            wellRefused(answer, body.getKey());
            JsonNode json = answer.json();
            boolean requestErrors = json.path("errors").isArray() && !json.path("errors").isEmpty();
            boolean typedErrors = !json.path("data").path(mutation).path("errors").isEmpty();
            assertThat(requestErrors || typedErrors)
                    .as("%s refused with errors: %s", body.getKey(), answer.body()).isTrue();
            assertThat(json.path("data").path(mutation).path("entryId").isTextual())
                    .as("%s not accepted", body.getKey()).isFalse();
        }
        assertThat(head()).as("nothing stored").isEqualTo(before);
    }

    private static void wellRefused(Answer answer, String what) {
        assertThat(answer.status()).as("status for %s: %s", what, answer.body()).isLessThan(500);
        assertThat(answer.contentType()).as("content type for %s", what).startsWith("application/");
        String body = answer.json().toString();
        assertThat(body).as("for %s", what).doesNotContain("INTERNAL_ERROR", "Exception:", "\tat ", "java.lang", "<html");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void malformedBodiesAreRefusedAsBadRequestsAndStoreNothing() throws IOException {
        awaitProjections();
        String valid = VALID.replace("2024-03-15", "2024-03-16");
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("null", utf8("null"));
        bodies.put("an array", utf8("[" + valid + "]"));
        bodies.put("a number", utf8("1"));
        bodies.put("a string", utf8("\"{ apiVersion }\""));
        bodies.put("empty", new byte[0]);
        bodies.put("an empty object", utf8("{}"));
        bodies.put("a query that is a number", utf8("{\"query\": 1}"));
        bodies.put("variables that are a string", utf8("{\"query\":\"{ apiVersion }\",\"variables\":\"x\"}"));
        bodies.put("an operation name that is a number", utf8("{\"query\":\"{ apiVersion }\",\"operationName\":5}"));
        bodies.put("trailing garbage", utf8(valid + " garbage"));
        bodies.put("two objects", utf8(valid + valid));
        bodies.put("a repeated key", utf8(valid.replace("\"note\":\"Tân Kiều\"", "\"note\":\"a\",\"note\":\"b\"")));
        bodies.put("a comment", utf8("/* c */" + valid));
        bodies.put("NaN", utf8(valid.replace("80", "NaN")));
        bodies.put("deep nesting", utf8("{\"query\":\"{ apiVersion }\",\"variables\":{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}}"));
        bodies.put("an overlong '/'", concat(utf8(valid.substring(0, valid.length() - 6)), new byte[] {(byte) 0xC0, (byte) 0xAF}, utf8("\"}}}")));
        bodies.put("a lone continuation byte", concat(utf8(valid.substring(0, valid.length() - 6)), new byte[] {(byte) 0x80}, utf8("\"}}}")));
        bodies.put("an encoded surrogate", concat(utf8(valid.substring(0, valid.length() - 6)), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, utf8("\"}}}")));
        bodies.put("Latin-1 text", valid.getBytes(StandardCharsets.ISO_8859_1));
        bodies.put("UTF-16", valid.getBytes(StandardCharsets.UTF_16));
        bodies.put("a byte-order mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(valid)));
        bodies.put("an escaped lone surrogate in a variable", utf8(valid.replace("Tân Kiều", "T\\ud800n")));
        bodies.put("an escaped lone surrogate in the document", utf8("{\"query\":\"{ units(search: \\\"\\udc00\\\") { edges { node { code } } } }\"}"));
        bodies.put("an escaped lone surrogate in a key", utf8("{\"query\":\"{ apiVersion }\",\"variables\":{\"\\ud800\":1}}"));
        bodies.put("an impossible date", utf8(valid.replace("2024-03-16", "2024-02-30")));
        bodies.put("a huge number", utf8(valid.replace("80", "1e999999")));
        bodies.put("a number as text", utf8(valid.replace("80", "\"tám mươi\"")));
        bodies.put("an unknown input field", utf8(valid.replace("\"note\"", "\"bogus\":1,\"note\"")));
        bodies.put("a null where required", utf8(valid.replace("\"30049\"", "null")));
        bodies.put("a syntax error", utf8("{\"query\":\"mutation { recordIndicatorValue(\"}"));
        bodies.put("a breakdown total as text", utf8(valid.replace("{\"quantity\":3,\"measure\"",
                "{\"quantity\":\"ba\",\"measure\"")));
        bodies.put("a negative breakdown total", utf8(valid.replace("{\"quantity\":3,\"measure\"",
                "{\"quantity\":-3,\"measure\"")));
        bodies.put("a breakdown part of another commune's village", utf8(valid.replace("\"quantity\":3}]",
                "\"quantity\":3,\"unitCode\":\"15169-dong-lao\"}]")));
        allRefusedStoringNothing(bodies, "recordIndicatorValue");
        // and the valid body itself is accepted: the refusals above are about what was broken in each
        Answer accepted = post("application/json", OFFICER, utf8(valid));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("data").path("recordIndicatorValue").path("entryId").isTextual()).isTrue();
    }

    @Test
    void wrongContentTypesAreRefused() throws IOException {
        for (String type : new String[] {null, "*/*", "text/plain", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1", "garbage;;;", "application/xml"}) {
            Answer answer = post(type, OFFICER, utf8("{\"query\":\"{ apiVersion }\"}"));
            wellRefused(answer, String.valueOf(type));
            assertThat(answer.status()).as("%s", type).isEqualTo(415);
        }
        assertThat(post("application/json; charset=utf-8", OFFICER, utf8("{\"query\":\"{ apiVersion }\"}")).status())
                .isEqualTo(200);
    }

    @Test
    void malformedCredentialsAreRefusedLoggedAndNeverStored() throws IOException {
        String token = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2VjcmV0LXRva2VuLXZhbHVl";
        Map<String, String> authorizations = new LinkedHashMap<>();
        authorizations.put("bad base64", "Basic !!!not-base64!!!");
        authorizations.put("no colon", "Basic " + Base64.getEncoder().encodeToString(utf8("adminnopassword")));
        authorizations.put("a forged bearer token", "Bearer " + token);
        authorizations.put("an unknown scheme", "Digest username=\"admin\"");
        authorizations.put("a 10 KB header", "Basic " + "A".repeat(10_240));
        authorizations.put("a system actor", basic("system:demo-loader", "x"));
        authorizations.put("a line break in the name", "Basic " + Base64.getEncoder().encodeToString(utf8("admin\nx:y")));
        for (Map.Entry<String, String> authorization : authorizations.entrySet()) {
            Answer answer = post("application/json", authorization.getValue(), utf8("{\"query\":\"{ me { username } }\"}"));
            wellRefused(answer, authorization.getKey());
            assertThat(answer.status()).as(authorization.getKey()).isIn(400, 401);
        }
        List<String> logged = jdbc.queryForList("select actor || ' ' || reason || ' ' || array_to_string(refusals, ' ')"
                + " from security.denied_attempt where command = 'SIGN_IN'", String.class);
        assertThat(logged).anyMatch(l -> l.startsWith("(malformed Basic header sha256:"))
                .anyMatch(l -> l.startsWith("(bearer token sha256:"))
                .anyMatch(l -> l.startsWith("(not a user name sha256:"));
        assertThat(String.join("\n", logged)).as("no credential stored").doesNotContain(token)
                .doesNotContain("c2VjcmV0").doesNotContain("system:demo-loader");
    }

    @Test
    void otherMethodsAndAddressesAnswerJson() throws IOException {
        for (String line : new String[] {"PUT /graphql HTTP/1.1", "DELETE /graphql HTTP/1.1", "GET /graphql?query=%ZZ HTTP/1.1",
                "GET /nothing-here HTTP/1.1", "GET /evidence/files/not-a-hash HTTP/1.1", "GET /evidence/files/..%2f..%2fetc HTTP/1.1"}) {
            Answer answer = send(line, Map.of("Authorization", OFFICER), null);
            assertThat(answer.status()).as(line).isLessThan(500);
            assertThat(answer.body()).as(line).doesNotContain("<html", "Exception", "Tomcat");
        }
    }

    /**
     * An item-by-item assessment (Tân Kiều against the model commune's four conditions) broken in the ways a client
     * breaks a list of items: refused as a request error or a typed error, never stored half-way; the valid body is
     * then recorded whole.
     */
    @Test
    void brokenItemAssessmentsAreRefusedAndStoreNothing() throws IOException {
        awaitProjections();
        String model = "commune-model-2021-2025";
        Boolean tracked = jdbc.queryForObject("select exists (select 1 from event_store.domain_event_entry "
                + "where aggregate_identifier = ?)", Boolean.class, "30049@" + model);
        if (!Boolean.TRUE.equals(tracked)) {
            graphQl("tankieu.officer").document("mutation($i: TrackUnitInput!) { trackUnit(input: $i) { errors { code } } }")
                    .variable("i", Map.of("unitCode", "30049", "setId", model)).execute()
                    .path("trackUnit.errors").entityList(Object.class).hasSize(0);
            awaitProjections();
        }
        String items = "[{\"itemCode\":\"1\",\"state\":\"MET\"},{\"itemCode\":\"2\",\"state\":\"NOT_MET\"},"
                + "{\"itemCode\":\"3\",\"state\":\"NOT_MET\"},{\"itemCode\":\"4\",\"state\":\"NOT_ASSESSED\"}]";
        String valid = ("{\"query\":\"mutation($i: RecordItemAssessmentInput!) { recordItemAssessment(input: $i) "
                + "{ entryId errors { code field } } }\",\"variables\":{\"i\":{\"unitCode\":\"30049\",\"setId\":\""
                + model + "\",\"indicatorCode\":\"dieu-kien\",\"period\":{\"start\":\"2024-03-31\"},"
                + "\"items\":ITEMS,\"assessedBy\":\"UBND xã Tân Kiều\"}}}");
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("an unknown item", utf8(valid.replace("ITEMS", items.replace("\"4\"", "\"9\""))));
        bodies.put("an item twice", utf8(valid.replace("ITEMS", items.replace("\"4\"", "\"3\""))));
        bodies.put("an item left out", utf8(valid.replace("ITEMS", items.substring(0, items.lastIndexOf(",{")) + "]")));
        bodies.put("no items", utf8(valid.replace("ITEMS", "[]")));
        bodies.put("items that are not a list", utf8(valid.replace("ITEMS", "{\"itemCode\":\"1\"}")));
        bodies.put("a state that is not one", utf8(valid.replace("ITEMS", items.replace("NOT_ASSESSED", "ĐẠT"))));
        bodies.put("a null state", utf8(valid.replace("ITEMS", items.replace("\"NOT_ASSESSED\"", "null"))));
        bodies.put("a null item", utf8(valid.replace("ITEMS", "[null," + items.substring(1))));
        bodies.put("a control character in an item code", utf8(valid.replace("ITEMS", items.replace("\"1\"", "\"1\\u0000\""))));
        bodies.put("a future period", utf8(valid.replace("ITEMS", items).replace("2024-03-31", "2999-01-01")));
        bodies.put("an impossible date", utf8(valid.replace("ITEMS", items).replace("2024-03-31", "2024-02-30")));
        bodies.put("a reason without a correction", utf8(valid.replace("ITEMS", items)
                .replace("\"assessedBy\"", "\"reason\":\"x\",\"assessedBy\"")));
        bodies.put("a correction of nothing", utf8(valid.replace("ITEMS", items)
                .replace("\"assessedBy\"", "\"correctsAssessmentId\":\"demo-30049-17.7\",\"reason\":\"x\",\"assessedBy\"")));
        bodies.put("too many items", utf8(valid.replace("ITEMS", "[" + String.join(",", java.util.Collections.nCopies(
                300, "{\"itemCode\":\"1\",\"state\":\"MET\"}")) + "]")));
        allRefusedStoringNothing(bodies, "recordItemAssessment");
        Answer accepted = post("application/json", OFFICER, utf8(valid.replace("ITEMS", items)));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("data").path("recordItemAssessment").path("entryId").isTextual())
                .as(accepted.body()).isTrue();
    }

    @Test
    void anIdOfAnotherKindOfRecordIsATypedErrorAndStoresNothing() {
        awaitProjections();
        long before = head();
        String set = "dongthap-commune-ntm-2021-2025";
        Map<String, String> mutations = new LinkedHashMap<>();
        mutations.put("renameUnit", "renameUnit(input: {code: \"" + set + "\", name: \"X\", fullName: \"Xã X\"})");
        mutations.put("changeUnitParent", "changeUnitParent(input: {code: \"" + set + "\", parentCode: \"872\"})");
        mutations.put("amendCriteriaSet", "amendCriteriaSet(input: {setId: \"30049\", legalBasis: {decision: \"1/QĐ\"},"
                + " effectiveFrom: \"2024-01-01\", changes: []})");
        mutations.put("publishCriteriaSet", "publishCriteriaSet(input: {document: \"id: \\\"30049\\\"\"})");
        mutations.put("trackUnit", "trackUnit(input: {unitCode: \"" + set + "\", setId: \"30049\"})");
        mutations.put("withdrawEvidence", "withdrawEvidence(input: {documentId: \"30049\", unitCode: \"30049\", reason: \"x\"})");
        mutations.put("disableAccount", "disableAccount(input: {username: \"30049\", reason: \"x\"})");
        for (Map.Entry<String, String> mutation : mutations.entrySet()) {
            graphQl("admin").document("mutation { " + mutation.getValue() + " { errors { code field message } } }").execute()
                    .path(mutation.getKey() + ".errors[0].code").entity(String.class)
                    .satisfies(code -> assertThat(code).as(mutation.getKey()).isNotBlank().isNotEqualTo("INTERNAL_ERROR"));
        }
        assertThat(head()).isEqualTo(before);
    }

    // ---- requests mutated byte by byte ----

    @Property(tries = 150)
    void aRequestMutatedByteByByteIsAnsweredAndStoresOnlyWhatItSaysItStored(@ForAll("mutated") byte[] body)
            throws IOException {
        awaitProjections();
        long before = head();
        Answer answer = post("application/json", OFFICER, body);
        wellRefused(answer, new String(body, StandardCharsets.UTF_8));
        // accepted when the mutation answered without a typed error (a mutated selection may not ask for the id)
        JsonNode payload = answer.json().path("data").path("recordIndicatorValue");
        boolean accepted = answer.status() == 200 && payload.isObject()
                && (!payload.has("errors") || payload.path("errors").isEmpty());
        if (!accepted) {
            assertThat(head()).as("nothing stored for %s", new String(body, StandardCharsets.UTF_8)).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        byte[] valid = utf8(VALID);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, valid.length - 1);
        Arbitrary<Byte> any = Arbitraries.bytes();
        Arbitrary<byte[]> flipped = position.flatMap(p -> any.map(b -> {
            byte[] copy = valid.clone();
            copy[p] = b;
            return copy;
        }));
        Arbitrary<byte[]> inserted = position.flatMap(p -> Arbitraries.of("\"", "\\", "{", "}", "[", "null", "\\ud800",
                "\u0000", "\u202e", "-", "1e400", ",", ":").map(s -> concat(java.util.Arrays.copyOfRange(valid, 0, p), utf8(s),
                java.util.Arrays.copyOfRange(valid, p, valid.length))));
        Arbitrary<byte[]> cut = position.map(p -> java.util.Arrays.copyOfRange(valid, 0, p));
        Arbitrary<byte[]> deleted = position.flatMap(p -> Arbitraries.integers().between(1, 12).map(n -> {
            List<Byte> bytes = new ArrayList<>();
            for (int i = 0; i < valid.length; i++) {
                if (i < p || i >= p + n) {
                    bytes.add(valid[i]);
                }
            }
            byte[] out = new byte[bytes.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = bytes.get(i);
            }
            return out;
        }));
        return Arbitraries.oneOf(flipped, inserted, cut, deleted);
    }
}
