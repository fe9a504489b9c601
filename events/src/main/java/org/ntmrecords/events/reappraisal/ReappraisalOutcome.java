package org.ntmrecords.events.reappraisal;

import java.util.List;
import org.ntmrecords.events.scorecard.Judgment;

/**
 * One unit's result in a reappraisal next to its official computed judgment at the same date and instant.
 *
 * @param differences criteria judged differently (official null when the official set has no such criterion)
 */
public record ReappraisalOutcome(String unitCode, Judgment officialResult, int officialCriteriaMet, Judgment result,
                                 int criteriaMet, int criteriaTotal, List<String> unmetCriteria,
                                 List<String> notAssessedCriteria, List<CriterionOutcome> differences) {
    public ReappraisalOutcome {
        unmetCriteria = unmetCriteria == null ? List.of() : List.copyOf(unmetCriteria);
        notAssessedCriteria = notAssessedCriteria == null ? List.of() : List.copyOf(notAssessedCriteria);
        differences = differences == null ? List.of() : List.copyOf(differences);
    }

    /** A criterion judged differently: officially, and in the reappraisal. */
    public record CriterionOutcome(String criterionCode, Judgment official, Judgment reappraised) {
    }
}
