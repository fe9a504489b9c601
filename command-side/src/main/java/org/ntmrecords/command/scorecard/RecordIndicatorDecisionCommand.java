package org.ntmrecords.command.scorecard;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.Period;

/**
 * Record a human decision that an indicator is met or not met, taken from an assessment document. It
 * judges indicators without a verified threshold, and indicators for which no value is recorded.
 */
public record RecordIndicatorDecisionCommand(@TargetAggregateIdentifier String scorecardId, String decisionId,
                                             String indicatorCode, Judgment result, Period period,
                                             String decidedBy, List<DocumentRef> basis, String note) {
}
