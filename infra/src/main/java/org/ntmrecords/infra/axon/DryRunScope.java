package org.ntmrecords.infra.axon;

import java.util.concurrent.Callable;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.ntmrecords.command.common.DryRun;

/**
 * Runs work as a dry run ({@link DryRun}): in one unit of work and one database transaction opened for it and rolled
 * back at its end, whatever happens, with every command it sends marked as a dry run's (by
 * {@link CommandMetadataInterceptor}; no client input can set the mark). The work runs on the calling thread, which
 * the unit of work is bound to.
 */
public final class DryRunScope {
    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    private DryRunScope() {
    }

    public static boolean active() {
        return Boolean.TRUE.equals(ACTIVE.get());
    }

    /** Runs the work as a dry run, nothing it sends stored. */
    public static <T> T call(TransactionManager transactions, Callable<T> work) throws Exception {
        if (active()) {
            return work.call();
        }
        DefaultUnitOfWork<?> run = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("dry run"));
        ACTIVE.set(true);
        try {
            run.attachTransaction(transactions);
            DryRun.begin(run);
            return work.call();
        } finally {
            ACTIVE.remove();
            run.rollback();
        }
    }
}
