package org.ntmrecords.command.unit;

import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.events.unit.UnitParentChangedEvent;
import org.ntmrecords.events.unit.UnitRegisteredEvent;
import org.ntmrecords.events.unit.UnitRenamedEvent;

/**
 * Reads a unit's own event stream (a handful of events per unit) from the event store; never the query side,
 * so a check is as current as the write it guards.
 */
public class EventStoreUnitDirectory implements UnitDirectory {
    private final EventStore eventStore;

    public EventStoreUnitDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<UnitFacts> find(String code) {
        if (!Inputs.isLookupSafe(code)) {
            return Optional.empty();
        }
        UnitFacts facts = null;
        DomainEventStream stream = eventStore.readEvents(code);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object payload = message.getPayload();
            if (payload instanceof UnitRegisteredEvent e) {
                facts = new UnitFacts(e.code(), e.name(), e.kind(), e.parentCode());
            } else if (payload instanceof UnitRenamedEvent e && facts != null) {
                facts = new UnitFacts(facts.code(), e.name(), facts.kind(), facts.parentCode());
            } else if (payload instanceof UnitParentChangedEvent e && facts != null) {
                facts = new UnitFacts(facts.code(), facts.name(), facts.kind(), e.parentCode());
            }
        }
        return Optional.ofNullable(facts);
    }
}
