package org.ntmrecords.events.scorecard;

import java.util.List;
import org.ntmrecords.events.common.DocumentRef;

/**
 * A recorded value (or not-assessed mark) was corrected. The corrected entry is not changed: this new entry
 * names it ({@code correctsValueId}), says why, and takes its place from now on.
 *
 * @param breakdownTotal the unit's own figure the breakdown splits, as the source states it; null when none is
 *                       stated (additive: events stored before it read with it null)
 */
public record IndicatorValueCorrectedEvent(String scorecardId, String unitCode, String setId, String valueId,
                                           String correctsValueId, String reason, String criterionCode,
                                           String indicatorCode, IndicatorValue value, Period period,
                                           String sourceAgency, List<DocumentRef> evidence, String note,
                                           List<Breakdown> breakdown, BreakdownTotal breakdownTotal) {
    public IndicatorValueCorrectedEvent {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        breakdown = breakdown == null ? List.of() : List.copyOf(breakdown);
    }

    /** A correction with no stated total for its breakdown. */
    public IndicatorValueCorrectedEvent(String scorecardId, String unitCode, String setId, String valueId,
                                        String correctsValueId, String reason, String criterionCode,
                                        String indicatorCode, IndicatorValue value, Period period,
                                        String sourceAgency, List<DocumentRef> evidence, String note,
                                        List<Breakdown> breakdown) {
        this(scorecardId, unitCode, setId, valueId, correctsValueId, reason, criterionCode, indicatorCode, value,
                period, sourceAgency, evidence, note, breakdown, null);
    }
}
