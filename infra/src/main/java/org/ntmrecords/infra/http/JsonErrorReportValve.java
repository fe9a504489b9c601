package org.ntmrecords.infra.http;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

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
                writer.write("{\"errors\":[{\"message\":\"" + message(status) + "\",\"extensions\":{\"classification\":\""
                        + (status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST") + "\",\"status\":" + status + "}}]}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is committed: nothing more to tell
        }
    }

    static String message(int status) {
        return switch (status) {
            case 400 -> "the request could not be read (malformed, or a header larger than the server accepts)";
            case 404 -> "no such page";
            case 405 -> "method not allowed here";
            case 413 -> "request too large";
            case 414 -> "request address too long";
            case 431 -> "request headers too large";
            case 503 -> "the service is not ready yet";
            default -> status >= 500 ? "the service failed to answer this request" : "the request was refused";
        };
    }
}
