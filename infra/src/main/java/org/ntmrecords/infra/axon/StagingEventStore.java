package org.ntmrecords.infra.axon;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, which also tells the events staged in the current unit of work and its parents, not
 * yet stored: what a dry run's command would store ({@link org.ntmrecords.command.common.DryRun}).
 */
public class StagingEventStore extends EmbeddedEventStore {
    StagingEventStore(Builder builder) {
        super(builder);
    }

    /** The events staged for storing in the current unit of work and its parents, in order; none without one. */
    public List<EventMessage<?>> staged() {
        return queuedMessages();
    }
}
