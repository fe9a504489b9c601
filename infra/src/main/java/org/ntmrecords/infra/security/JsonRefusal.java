package org.ntmrecords.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;

/**
 * A refusal written before GraphQL is reached, in the shape the API gives its errors:
 * {@code {"errors":[{"message":…,"extensions":{"classification":…,"code":…}}]}}, so that a client reads every
 * refusal the same way.
 */
final class JsonRefusal {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonRefusal() {
    }

    static void write(HttpServletResponse response, int status, String classification, String code, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("classification", classification);
        extensions.put("code", code);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", extensions);
        JSON.writeValue(response.getOutputStream(), Map.of("errors", List.of(error)));
    }
}
