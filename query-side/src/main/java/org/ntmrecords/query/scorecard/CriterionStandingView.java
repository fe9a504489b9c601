package org.ntmrecords.query.scorecard;

import java.time.Instant;
import java.util.List;
import org.ntmrecords.events.scorecard.Judgment;

/** One criterion of a unit's standing. */
public record CriterionStandingView(String scorecardId, String code, int position, String name, Judgment result,
                                    int indicatorsMet, int indicatorsTotal, List<String> unmetIndicators,
                                    List<String> notAssessedIndicators, Instant lastChangedAt) {
    public record Key(String scorecardId, String criterionCode) {
    }

    public Key key() {
        return new Key(scorecardId, code);
    }
}
