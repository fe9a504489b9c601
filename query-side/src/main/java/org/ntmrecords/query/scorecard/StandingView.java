package org.ntmrecords.query.scorecard;

import java.time.Instant;
import java.util.List;
import org.ntmrecords.events.scorecard.Judgment;

/** A unit's standing under a criteria set. */
public record StandingView(String scorecardId, String unitCode, String setId, int setVersion, String region,
                           Judgment result, int criteriaMet, int criteriaTotal, List<String> unmetCriteriaCodes,
                           List<String> notAssessedCriteriaCodes, Instant trackedAt, String trackedBy,
                           Instant lastChangedAt) {
}
