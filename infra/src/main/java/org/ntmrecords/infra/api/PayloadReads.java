package org.ntmrecords.infra.api;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The object a mutation changed, for its payload, read from the read tables once they hold the mutation's events, so
 * that a client can update its cache from the answer instead of querying again. {@link MutationConsistencyInterceptor}
 * waits only once the whole answer is built, too late for a field of it: a payload's resolver waits here (bounded by
 * the same {@code ntm.graphql.read-your-writes-timeout}), from the store's head as it stood before the command was
 * sent, and then reads the object with one lookup. Resolved only when the client selects the field.
 */
@Component
public class PayloadReads {
    private final ProjectionCatchUp catchUp;
    private final Duration timeout;

    public PayloadReads(ProjectionCatchUp catchUp,
                        @Value("${ntm.graphql.read-your-writes-timeout:5s}") Duration timeout) {
        this.catchUp = catchUp;
        this.timeout = timeout;
    }

    /** The store's head before a command is sent: the mutation's events lie after it. */
    public long mark() {
        return catchUp.storeHead();
    }

    /**
     * Reads what a mutation changed once this process's read tables hold every event stored after {@code mark} (or
     * the timeout passed: then as they stand).
     */
    public <T> T read(long mark, Supplier<T> lookup) {
        if (!timeout.isZero()) {
            catchUp.awaitEventsAfter(mark, timeout);
        }
        return lookup.get();
    }
}
