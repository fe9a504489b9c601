package org.ntmrecords.events.scorecard;

import java.util.List;
import org.ntmrecords.events.common.DocumentRef;

/**
 * A value was recorded for an indicator of a tracked unit.
 *
 * @param valueId      identity of this value; corrections name it
 * @param period       the business time the value describes
 * @param sourceAgency the agency the figure comes from (e.g. the statistics office for income)
 * @param evidence     the documents that support it (hồ sơ minh chứng)
 * @param breakdown    optional split of the value by sub-unit
 * @param breakdownTotal the unit's own figure the breakdown splits, as the source states it; null when none is
 *                       stated (additive: events stored before it read with it null)
 */
public record IndicatorValueRecordedEvent(String scorecardId, String unitCode, String setId, String valueId,
                                          String criterionCode, String indicatorCode, IndicatorValue value,
                                          Period period, String sourceAgency, List<DocumentRef> evidence,
                                          String note, List<Breakdown> breakdown,
                                          BreakdownTotal breakdownTotal) {
    public IndicatorValueRecordedEvent {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        breakdown = breakdown == null ? List.of() : List.copyOf(breakdown);
    }

    /** A value with no stated total for its breakdown. */
    public IndicatorValueRecordedEvent(String scorecardId, String unitCode, String setId, String valueId,
                                       String criterionCode, String indicatorCode, IndicatorValue value,
                                       Period period, String sourceAgency, List<DocumentRef> evidence,
                                       String note, List<Breakdown> breakdown) {
        this(scorecardId, unitCode, setId, valueId, criterionCode, indicatorCode, value, period, sourceAgency,
                evidence, note, breakdown, null);
    }
}
