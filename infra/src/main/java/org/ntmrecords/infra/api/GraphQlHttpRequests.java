package org.ntmrecords.infra.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ntmrecords.command.common.Inputs;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The GraphQL endpoint reads only well-formed requests: a POST of at most {@code max-request-bytes} (413 above it),
 * sent as {@code application/json} in UTF-8 (415 otherwise), whose bytes are valid UTF-8 (no overlong forms, no
 * encoded surrogates), whose text is one JSON object and nothing after it (no trailing data, no repeated keys),
 * with {@code query} a string, {@code operationName} a string or null, {@code variables} and {@code extensions}
 * objects or null, and every string in it well-formed (no lone surrogate escaped as {@code \ud800}). Anything else
 * is answered 400 with a GraphQL error naming what is wrong, before it reaches sign-in or GraphQL; nothing is
 * repaired. The body is then handed on exactly as it arrived.
 */
public class GraphQlHttpRequests extends OncePerRequestFilter {
    private static final Set<String> KNOWN = Set.of("query", "operationName", "variables", "extensions");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    private final int maxBytes;

    public GraphQlHttpRequests(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Why a request is refused: its status, code and message. */
    private record Refusal(int status, String code, org.ntmrecords.events.common.Message message) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!HttpMethod.POST.matches(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        java.util.Locale language = ApiText.language(request.getHeader("Accept-Language"));
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response, tooLarge(), language);
            return;
        }
        Refusal refusal = contentType(request.getContentType());
        if (refusal != null) {
            refuse(response, refusal, language);
            return;
        }
        byte[] body = read(request.getInputStream());
        if (body == null) {
            refuse(response, tooLarge(), language);
            return;
        }
        refusal = check(body);
        if (refusal != null) {
            refuse(response, refusal, language);
            return;
        }
        chain.doFilter(new Body(request, body), response);
    }

    private Refusal tooLarge() {
        return new Refusal(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "REQUEST_TOO_LARGE",
                ApiText.of("request.tooLarge", maxBytes));
    }

    static Refusal contentType(String header) {
        MediaType type;
        try {
            type = header == null ? null : MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            type = null;
        }
        if (type == null || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
            return new Refusal(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    header == null ? ApiText.of("request.mediaTypeNone") : ApiText.of("request.mediaType", "'" + header + "'"));
        }
        if (type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset())) {
            return new Refusal(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    ApiText.of("request.charset", String.valueOf(type.getCharset())));
        }
        return null;
    }

    /** The whole body, or null when it is longer than allowed. */
    private byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + n > maxBytes) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    static Refusal check(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return bad(ApiText.of("request.notUtf8"));
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return bad(ApiText.of("request.notJson", e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            return bad(ApiText.of("request.notObject", root == null ? "-" : root.getNodeType().name().toLowerCase()));
        }
        JsonNode query = root.get("query");
        if (query == null || !query.isTextual()) {
            return bad(ApiText.of("request.query"));
        }
        for (Map.Entry<String, List<String>> rule : Map.of("operationName", List.of("STRING", "NULL"),
                "variables", List.of("OBJECT", "NULL"), "extensions", List.of("OBJECT", "NULL")).entrySet()) {
            JsonNode value = root.get(rule.getKey());
            if (value != null && !rule.getValue().contains(value.getNodeType().name())) {
                return bad(ApiText.of(rule.getValue().contains("STRING") ? "request.notString" : "request.notAnObject",
                        rule.getKey(), value.getNodeType().name().toLowerCase()));
            }
        }
        String malformed = malformedText(root, "");
        if (malformed != null) {
            return new Refusal(HttpServletResponse.SC_BAD_REQUEST, "MALFORMED_TEXT", malformed.endsWith("/(key)")
                    ? ApiText.of("request.malformedKey") : ApiText.of("request.malformedText", malformed));
        }
        return null;
    }

    /** The JSON pointer of the first string or key that is not well-formed Unicode, or null. */
    private static String malformedText(JsonNode node, String path) {
        if (node.isTextual()) {
            return Inputs.isWellFormed(node.textValue()) ? null : path;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!Inputs.isWellFormed(field.getKey())) {
                    return path + "/(key)";
                }
                String found = malformedText(field.getValue(), path + "/" + field.getKey());
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = malformedText(node.get(i), path + "/" + i);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Refusal bad(org.ntmrecords.events.common.Message message) {
        return new Refusal(HttpServletResponse.SC_BAD_REQUEST, "MALFORMED_REQUEST", message);
    }

    private static void refuse(HttpServletResponse response, Refusal refusal, java.util.Locale language) throws IOException {
        response.setStatus(refusal.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        JSON.writeValue(response.getOutputStream(), Map.of("errors", List.of(Map.of("message", refusal.message().in(language),
                "extensions", Map.of("classification", "BAD_REQUEST", "code", refusal.code())))));
    }

    /** The request with its body served again from the bytes already read. */
    private static final class Body extends HttpServletRequestWrapper {
        private final byte[] body;

        Body(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body has been read already");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
