package org.ntmrecords.query.scorecard;

import java.math.BigDecimal;
import java.time.Instant;
import org.ntmrecords.events.criteria.Requirement;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.JudgmentBasis;

/**
 * One indicator of a unit's standing: its requirement, the latest judgment and what it rested on.
 *
 * @param threshold the threshold applied by the latest judgment, or the one that applies in the unit's region
 *                  when nothing is judged yet
 */
public record IndicatorStandingView(String scorecardId, String code, String criterionCode, int position,
                                    String text, Requirement requirement, Judgment result, JudgmentBasis basis,
                                    BigDecimal threshold, String requiredLevel, BigDecimal measured, String region,
                                    int setVersion, String latestEntryId, String decisionId,
                                    Instant lastChangedAt) {

    /** Whether the requirement is judged by recorded decisions rather than computed. */
    public boolean judgedByDecision() {
        return !requirement.computableIn(region);
    }
}
