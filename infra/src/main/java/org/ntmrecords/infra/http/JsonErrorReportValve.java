package org.ntmrecords.infra.http;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.ntmrecords.infra.api.ApiText;

/**
 * Tomcat's answer to what fails before the application sees it (a header too large, a malformed request line):
 * a JSON error as the API gives everywhere else, instead of Tomcat's HTML page naming the server. Nothing about
 * the failure beyond its status is told.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                String text = message(status, ApiText.language(request.getHeader("Accept-Language")))
                        .replace("\\", "\\\\").replace("\"", "\\\"");
                writer.write("{\"errors\":[{\"message\":\"" + text + "\",\"extensions\":{\"classification\":\""
                        + (status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST") + "\",\"status\":" + status + "}}]}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is committed: nothing more to tell
        }
    }

    static String message(int status, java.util.Locale language) {
        String key = switch (status) {
            case 400, 404, 405, 413, 414, 431, 503 -> "http." + status;
            default -> status >= 500 ? "http.5xx" : "http.other";
        };
        return ApiText.say(language, key);
    }
}
