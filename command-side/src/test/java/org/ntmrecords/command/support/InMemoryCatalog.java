package org.ntmrecords.command.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    public List<CriteriaSetDefinition> versions(String setId) {
        return List.copyOf(sets.getOrDefault(setId, List.of()));
    }
}
