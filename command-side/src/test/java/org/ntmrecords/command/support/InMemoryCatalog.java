package org.ntmrecords.command.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ntmrecords.command.criteria.CriteriaCatalog;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;

/** Published criteria set versions, for fixture tests. */
public class InMemoryCatalog implements CriteriaCatalog {
    private final Map<String, List<CriteriaSetDefinition>> sets = new HashMap<>();

    public InMemoryCatalog with(CriteriaSetDefinition definition) {
        sets.computeIfAbsent(definition.id(), id -> new ArrayList<>()).add(definition);
        return this;
    }

    @Override
    public Optional<CriteriaSetDefinition> latest(String setId) {
        List<CriteriaSetDefinition> versions = sets.getOrDefault(setId, List.of());
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    @Override
    public Optional<CriteriaSetDefinition> version(String setId, int version) {
        return sets.getOrDefault(setId, List.of()).stream().filter(d -> d.version() == version).findFirst();
    }
}
