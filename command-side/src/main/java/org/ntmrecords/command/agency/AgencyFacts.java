package org.ntmrecords.command.agency;

import java.util.Map;
import java.util.Set;

/**
 * An agency and what it is responsible for: per set, the criterion codes and the indicator codes assigned.
 */
public record AgencyFacts(String agencyId, String name, String unitCode, Map<String, Set<String>> criteria,
                          Map<String, Set<String>> indicators) {

    /** Whether the agency answers for the indicator, directly or through its criterion. */
    public boolean isResponsibleFor(String setId, String criterionCode, String indicatorCode) {
        return criteria.getOrDefault(setId, Set.of()).contains(criterionCode)
                || indicators.getOrDefault(setId, Set.of()).contains(indicatorCode);
    }
}
