package org.ntmrecords.events.recognition;

import org.ntmrecords.events.scorecard.Judgment;

/**
 * One criterion as a step judged it, next to the computed judgment at that moment ({@code computed}, null when
 * the unit's record under the set had none). They differ: a discrepancy.
 */
public record CriterionAssessment(String criterionCode, Judgment assessed, Judgment computed, String note) {
    public boolean discrepant() {
        return computed != null && assessed != computed;
    }
}
