package org.ntmrecords.command.criteria;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.events.criteria.CriteriaSetAmendedEvent;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.CriteriaSetPublishedEvent;

/**
 * Reads criteria sets from their own event streams. A published version never changes, so versions are
 * cached for the life of the process; the list of versions always reads the stream, which holds one event per version.
 */
public class EventStoreCriteriaCatalog implements CriteriaCatalog {
    private final EventStore eventStore;
    private final Map<String, CriteriaSetDefinition> versions = new ConcurrentHashMap<>();

    public EventStoreCriteriaCatalog(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public List<CriteriaSetDefinition> versions(String setId) {
        if (!Inputs.isLookupSafe(setId)) {
            return List.of();
        }
        List<CriteriaSetDefinition> all = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(setId);
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            CriteriaSetDefinition definition = null;
            if (payload instanceof CriteriaSetPublishedEvent e) {
                definition = e.definition();
            } else if (payload instanceof CriteriaSetAmendedEvent e) {
                definition = e.definition();
            }
            if (definition != null) {
                versions.putIfAbsent(key(setId, definition.version()), definition);
                all.add(definition);
            }
        }
        return List.copyOf(all);
    }

    @Override
    public Optional<CriteriaSetDefinition> version(String setId, int version) {
        if (!Inputs.isLookupSafe(setId)) {
            return Optional.empty();
        }
        CriteriaSetDefinition cached = versions.get(key(setId, version));
        if (cached != null) {
            return Optional.of(cached);
        }
        return versions(setId).stream().filter(d -> d.version() == version).findFirst();
    }

    private static String key(String setId, int version) {
        return setId + "#" + version;
    }
}
