package org.ntmrecords.query.overview;

import java.time.Instant;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.query.scorecard.CriterionStandingView;
import org.ntmrecords.query.unit.UnitView;

/**
 * A unit's live judgment on one criterion, with its standing under the set: a row of a criterion view.
 *
 * @param district the district the unit lies in, as the hierarchy stands; null when it sits directly under its province
 */
public record CriterionUnitView(UnitView unit, UnitView district, String scorecardId, String criterionCode,
                                Judgment result, int indicatorsMet, int indicatorsTotal, int criteriaMet,
                                int criteriaTotal, Instant lastChangedAt) {

    /** The key the criterion's indicators are read by. */
    public CriterionStandingView.Key criterionKey() {
        return new CriterionStandingView.Key(scorecardId, criterionCode);
    }
}
