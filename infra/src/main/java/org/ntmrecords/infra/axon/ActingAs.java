package org.ntmrecords.infra.axon;

import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Runs work on behalf of a named system task (the demo loader, an import), so that the commands it sends
 * carry that task as actor and share one correlation id.
 */
public final class ActingAs {
    private static final ThreadLocal<Context> CURRENT = new ThreadLocal<>();

    /** A task run: who acts and the correlation id all its commands share. */
    public record Context(Actor actor, String correlationId) {
        public static Context start(Actor actor) {
            return new Context(actor, UUID.randomUUID().toString());
        }
    }

    private ActingAs() {
    }

    public static <T> T call(Actor actor, Callable<T> work) throws Exception {
        return call(Context.start(actor), work);
    }

    /** Runs work as part of an existing task run (e.g. on a worker thread of that task). */
    public static <T> T call(Context context, Callable<T> work) throws Exception {
        Context previous = CURRENT.get();
        CURRENT.set(context);
        try {
            return work.call();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public static Context current() {
        return CURRENT.get();
    }
}
