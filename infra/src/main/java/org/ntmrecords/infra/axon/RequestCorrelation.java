package org.ntmrecords.infra.axon;

import java.util.Optional;

/** The correlation id of the request the current thread serves, set by the GraphQL layer. */
public final class RequestCorrelation {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestCorrelation() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static void set(String correlationId) {
        CURRENT.set(correlationId);
    }

    public static void clear() {
        CURRENT.remove();
    }
}
