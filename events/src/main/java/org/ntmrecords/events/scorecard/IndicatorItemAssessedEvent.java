package org.ntmrecords.events.scorecard;

import java.util.List;
import org.ntmrecords.events.common.DocumentRef;

/**
 * One item of an itemised indicator ({@code ITEMS_AT_LEAST}) was assessed met, not met or not assessed, as part of
 * an item-by-item assessment: an assessment records one such event for every item of the requirement, in the
 * requirement's order, then the indicator is judged. Never changed: a later assessment of a later (or the same)
 * period counts instead, and a correction is a new assessment naming the one it corrects and why.
 *
 * @param assessmentId         identity of the assessment the item belongs to (shared by all its items)
 * @param itemCode             the item's code within the requirement
 * @param itemName             the item as the requirement names it when assessed (a stand-in name says so)
 * @param state                MET, NOT_MET or NOT_ASSESSED (no data yet: a third state, not a failure)
 * @param period               the business time the assessment describes
 * @param assessedBy           who made the assessment (e.g. the commune's self-assessment), as written
 * @param note                 the item's note, e.g. where its state comes from
 * @param evidence             the documents the assessment rests on
 * @param correctsAssessmentId the earlier assessment this one corrects, if any
 * @param reason               why the earlier assessment is corrected (with {@code correctsAssessmentId})
 */
public record IndicatorItemAssessedEvent(String scorecardId, String unitCode, String setId, String assessmentId,
                                         String criterionCode, String indicatorCode, String itemCode,
                                         String itemName, Judgment state, Period period, String assessedBy,
                                         String note, List<DocumentRef> evidence, String correctsAssessmentId,
                                         String reason) {
    public IndicatorItemAssessedEvent {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
