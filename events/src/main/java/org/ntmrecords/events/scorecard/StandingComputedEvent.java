package org.ntmrecords.events.scorecard;

import java.util.List;

/**
 * A unit's overall standing under a set, recomputed after a change: criteria met out of total, and which
 * are unmet or not assessed.
 */
public record StandingComputedEvent(String scorecardId, String unitCode, String setId, int setVersion,
                                    Judgment result, int criteriaMet, int criteriaTotal,
                                    List<String> unmetCriteria, List<String> notAssessedCriteria,
                                    String causeId) {
    public StandingComputedEvent {
        unmetCriteria = List.copyOf(unmetCriteria);
        notAssessedCriteria = List.copyOf(notAssessedCriteria);
    }
}
