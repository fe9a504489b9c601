package org.ntmrecords.infra.axon;

import java.util.Optional;
import org.slf4j.MDC;

/**
 * The request the current thread serves: its correlation id and the address of the client that sent it, set by
 * the HTTP layer (and carried to the threads that serve the request). The correlation id is also in the logging
 * context ({@value #LOG_KEY}), so every log line written for the request names it.
 */
public final class RequestCorrelation {
    /**
     * A request as the service saw it arrive.
     *
     * @param correlationId the id every event it causes carries (may come from the client)
     * @param clientAddress where it came from
     * @param requestId     unique to this request, whatever the client sent
     */
    public record Request(String correlationId, String clientAddress, String requestId) {
    }

    /** The logging context's key of the correlation id. */
    public static final String LOG_KEY = "correlationId";

    private static final ThreadLocal<Request> CURRENT = new ThreadLocal<>();

    private RequestCorrelation() {
    }

    public static Optional<String> current() {
        return request().map(Request::correlationId);
    }

    /** The client's address (the remote address, or what the configured proxy headers say). */
    public static Optional<String> clientAddress() {
        return request().map(Request::clientAddress);
    }

    public static Optional<Request> request() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static void set(String correlationId) {
        set(new Request(correlationId, null, correlationId));
    }

    public static void set(Request request) {
        CURRENT.set(request);
        if (request == null || request.correlationId() == null) {
            MDC.remove(LOG_KEY);
        } else {
            MDC.put(LOG_KEY, request.correlationId());
        }
    }

    public static void clear() {
        CURRENT.remove();
        MDC.remove(LOG_KEY);
    }
}
