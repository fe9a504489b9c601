package org.ntmrecords.command.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.ntmrecords.command.common.DryRun;
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
 *
 * <p>A command looks up its unit and the unit's parents (access, cessation), and reading a stream means its
 * snapshot query, its events query, every event's seal checked and its payload read: about a tenth of a recorded
 * value's time in the command thread (docs/benchmarks/README.md, finding 9). So the facts folded from a stream are
 * kept with the sequence number of its last event, and used again only while the store's last sequence number of
 * that stream is still the same (one index lookup), which holds across processes writing the store. Not kept or
 * used when the current unit of work stages events of that stream (the event store counts them as read) or belongs
 * to a dry run (its transaction is rolled back, so what it reads may never be stored).
 */
public class EventStoreUnitDirectory implements UnitDirectory {
    private static final int MAX_KEPT = 200_000;

    private final EventStore eventStore;
    private final java.util.function.Supplier<List<? extends EventMessage<?>>> staged;
    private final java.util.Map<String, Known> known = new java.util.concurrent.ConcurrentHashMap<>();

    private record Known(long lastSequence, UnitFacts facts) {
    }

    /** Without staged events (every lookup reads the stream): the tests' directory. */
    public EventStoreUnitDirectory(EventStore eventStore) {
        this(eventStore, null);
    }

    /**
     * @param staged the events staged in the current unit of work and its parents, not yet stored; null to keep
     *               nothing between lookups
     */
    public EventStoreUnitDirectory(EventStore eventStore,
                                   java.util.function.Supplier<List<? extends EventMessage<?>>> staged) {
        this.eventStore = eventStore;
        this.staged = staged;
    }

    @Override
    public Optional<UnitFacts> find(String code) {
        if (!Inputs.isLookupSafe(code)) {
            return Optional.empty();
        }
        if (staged == null || DryRun.active() || stages(code)) {
            return Optional.ofNullable(read(code).facts());
        }
        Optional<Long> last = eventStore.lastSequenceNumberFor(code);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Known kept = known.get(code);
        if (kept != null && kept.lastSequence() == last.get()) {
            return Optional.ofNullable(kept.facts());
        }
        Known read = read(code);
        if (read.lastSequence() == last.get()) {
            if (known.size() >= MAX_KEPT) {
                known.clear();
            }
            known.put(code, read);
        }
        return Optional.ofNullable(read.facts());
    }

    private boolean stages(String code) {
        for (EventMessage<?> event : staged.get()) {
            if (event instanceof DomainEventMessage<?> domain && code.equals(domain.getAggregateIdentifier())) {
                return true;
            }
        }
        return false;
    }

    private Known read(String code) {
        UnitFacts facts = null;
        long last = -1;
        DomainEventStream stream = eventStore.readEvents(code);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            facts = fold(facts, message.getPayload());
            last = message.getSequenceNumber();
        }
        return new Known(last, facts);
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
