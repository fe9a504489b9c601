package org.ntmrecords.command.support;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ntmrecords.command.agency.AgencyDirectory;
import org.ntmrecords.command.agency.AgencyFacts;

/** Agencies and what they answer for, for tests. */
public class InMemoryAgencies implements AgencyDirectory {
    private final Map<String, AgencyFacts> agencies = new HashMap<>();

    public InMemoryAgencies with(String id, String unit, String setId, Set<String> criteria, Set<String> indicators) {
        agencies.put(id, new AgencyFacts(id, "Agency " + id, unit, Map.of(setId, new HashSet<>(criteria)),
                Map.of(setId, new HashSet<>(indicators))));
        return this;
    }

    @Override
    public Optional<AgencyFacts> find(String agencyId) {
        return Optional.ofNullable(agencies.get(agencyId));
    }
}
