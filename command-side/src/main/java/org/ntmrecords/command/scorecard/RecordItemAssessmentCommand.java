package org.ntmrecords.command.scorecard;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.Period;

/**
 * Record an item-by-item assessment of an itemised indicator ({@code ITEMS_AT_LEAST}): the state of every item of
 * its requirement, each exactly once. Everything is checked before anything is recorded, so an assessment is never
 * stored half-way; a correction names the assessment it corrects and why.
 */
public record RecordItemAssessmentCommand(@TargetAggregateIdentifier String scorecardId, String assessmentId,
                                          String indicatorCode, Period period, List<AssessedItem> items,
                                          String assessedBy, List<DocumentRef> evidence,
                                          String correctsAssessmentId, String reason) {
    /** At most this many items in one assessment. */
    public static final int MAX_ITEMS = 200;

    /** One item's state, with an optional note (e.g. where the state comes from). */
    public record AssessedItem(String itemCode, Judgment state, String note) {
    }
}
