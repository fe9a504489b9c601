package org.ntmrecords.command.common;

import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;

/**
 * Dry runs: commands handled as any other — the same authorization, the same aggregates, the same checks — inside one
 * unit of work opened for the whole run ({@link #begin}) and rolled back at its end, so that nothing is stored and no
 * process sees anything, while each command sees what the earlier ones of the run did (a plan's rows after the plan).
 * Each command of a dry run (metadata {@link #METADATA_KEY}) is a nested unit of work of the run's: its events are
 * staged in the run's, never appended (the event store appends a nested unit's events only when its root commits). A command that would create a record that exists already is refused as the
 * store would refuse it at append time ({@link AggregateStreamCreationException}). An import's dry run sends its rows
 * so, and is answered by the same rules as the import itself.
 */
public final class DryRun {
    /** The command metadata that marks a command of a dry run. */
    public static final String METADATA_KEY = "ntmDryRun";
    private static final String RUN = DryRun.class.getName() + ".run";
    /** The events of the latest command of a dry run handled on this thread (handled on the sender's thread). */
    private static final ThreadLocal<List<EventMessage<?>>> LATEST = new ThreadLocal<>();

    private DryRun() {
    }

    /** Makes a unit of work the run of a dry run, which its commands are nested in. */
    public static void begin(UnitOfWork<?> run) {
        run.resources().put(RUN, Boolean.TRUE);
    }

    /** Whether the current unit of work belongs to a dry run (its database transaction will be rolled back). */
    public static boolean active() {
        if (!org.axonframework.messaging.unitofwork.CurrentUnitOfWork.isStarted()) {
            return false;
        }
        return org.axonframework.messaging.unitofwork.CurrentUnitOfWork.get().root().getResource(RUN) != null;
    }

    /**
     * The events the latest command of a dry run on this thread would have stored (their payloads' types), cleared
     * as read; empty when it was refused.
     */
    public static List<String> takeStagedTypes() {
        List<EventMessage<?>> events = LATEST.get();
        LATEST.remove();
        return events == null ? List.of() : events.stream().map(e -> e.getPayloadType().getSimpleName()).toList();
    }

    static boolean asked(CommandMessage<?> command) {
        return "true".equals(String.valueOf(command.getMetaData().get(METADATA_KEY)));
    }

    /** Checks each command of a dry run against the store as the append would, and keeps its events for the caller. */
    public static final class Interceptor implements MessageHandlerInterceptor<CommandMessage<?>> {
        private final EventStorageEngine store;
        private final java.util.function.Supplier<List<EventMessage<?>>> staged;

        /**
         * @param store  the storage itself (the event store would count the run's staged events as stored)
         * @param staged the events staged in the current unit of work and its parents, not yet stored (in order)
         */
        public Interceptor(EventStorageEngine store, java.util.function.Supplier<List<EventMessage<?>>> staged) {
            this.store = store;
            this.staged = staged;
        }

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            if (!asked(unitOfWork.getMessage())) {
                return chain.proceed();
            }
            if (unitOfWork.isRoot() || unitOfWork.root().getResource(RUN) == null) {
                // a dry run's command outside its run would be stored: never
                throw new IllegalStateException("a dry run's command outside the dry run's unit of work");
            }
            LATEST.remove();
            int before = staged.get().size();
            Object result = chain.proceed();
            List<EventMessage<?>> all = staged.get();
            List<EventMessage<?>> mine = List.copyOf(all.subList(Math.min(before, all.size()), all.size()));
            for (EventMessage<?> event : mine) {
                // the first event of a new record whose stream exists: the append would fail on it
                if (event instanceof DomainEventMessage<?> domain && domain.getSequenceNumber() == 0
                        && store.lastSequenceNumberFor(domain.getAggregateIdentifier()).isPresent()) {
                    throw new AggregateStreamCreationException("a dry run's record exists already: "
                            + domain.getAggregateIdentifier());
                }
            }
            LATEST.set(mine);
            return result;
        }
    }
}
