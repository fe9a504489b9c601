package org.ntmrecords.command.agency;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.events.agency.AgencyRegisteredEvent;
import org.ntmrecords.events.agency.ResponsibilityAssignedEvent;
import org.ntmrecords.events.agency.ResponsibilityWithdrawnEvent;

/** Folds an agency's own (short) event stream; never reads the query side. */
public class EventStoreAgencyDirectory implements AgencyDirectory {
    private final EventStore eventStore;

    public EventStoreAgencyDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<AgencyFacts> find(String agencyId) {
        if (!Inputs.isLookupSafe(agencyId)) {
            return Optional.empty();
        }
        DomainEventStream stream = eventStore.readEvents(Agency.streamId(agencyId));
        AgencyRegisteredEvent registered = null;
        Map<String, Set<String>> criteria = new HashMap<>();
        Map<String, Set<String>> indicators = new HashMap<>();
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof AgencyRegisteredEvent e) {
                registered = e;
            } else if (payload instanceof ResponsibilityAssignedEvent e) {
                criteria.computeIfAbsent(e.setId(), s -> new HashSet<>()).addAll(e.criterionCodes());
                indicators.computeIfAbsent(e.setId(), s -> new HashSet<>()).addAll(e.indicatorCodes());
            } else if (payload instanceof ResponsibilityWithdrawnEvent e) {
                criteria.getOrDefault(e.setId(), new HashSet<>()).removeAll(e.criterionCodes());
                indicators.getOrDefault(e.setId(), new HashSet<>()).removeAll(e.indicatorCodes());
            }
        }
        if (registered == null) {
            return Optional.empty();
        }
        return Optional.of(new AgencyFacts(registered.agencyId(), registered.name(), registered.unitCode(),
                criteria, indicators));
    }
}
