package org.ntmrecords.command.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.events.unit.Successor;
import org.ntmrecords.events.unit.UnitCeasedEvent;
import org.ntmrecords.events.unit.UnitParentChangedEvent;
import org.ntmrecords.events.unit.UnitRegisteredEvent;
import org.ntmrecords.events.unit.UnitReorganizedEvent;
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
            facts = fold(facts, message.getPayload());
        }
        return Optional.ofNullable(facts);
    }

    /** The facts after one more event of the unit's stream. */
    static UnitFacts fold(UnitFacts facts, Object payload) {
        if (payload instanceof UnitRegisteredEvent e) {
            return new UnitFacts(e.code(), e.name(), e.kind(), e.parentCode());
        }
        if (facts == null) {
            return null;
        }
        if (payload instanceof UnitRenamedEvent e) {
            return new UnitFacts(facts.code(), e.name(), facts.kind(), facts.parentCode(), facts.formerParentCodes(),
                    facts.ceasedOn(), facts.successorCodes());
        } else if (payload instanceof UnitParentChangedEvent e) {
            return new UnitFacts(facts.code(), facts.name(), facts.kind(), e.parentCode(),
                    former(facts, e.parentCode()), facts.ceasedOn(), facts.successorCodes());
        } else if (payload instanceof UnitReorganizedEvent e) {
            return new UnitFacts(facts.code(), e.name(), e.kind(), e.parentCode(), former(facts, e.parentCode()),
                    facts.ceasedOn(), facts.successorCodes());
        } else if (payload instanceof UnitCeasedEvent e) {
            return new UnitFacts(facts.code(), facts.name(), facts.kind(), facts.parentCode(),
                    facts.formerParentCodes(), e.effectiveFrom(), e.successors().stream().map(Successor::code).toList());
        }
        return facts;
    }

    private static List<String> former(UnitFacts facts, String newParent) {
        List<String> former = new ArrayList<>(facts.formerParentCodes());
        if (facts.parentCode() != null && !facts.parentCode().equals(newParent)
                && !former.contains(facts.parentCode())) {
            former.add(facts.parentCode());
        }
        return former;
    }
}
