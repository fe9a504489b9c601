package org.ntmrecords.command.scorecard;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.scorecard.Breakdown;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.Period;

/**
 * Correct an earlier entry: a new value ({@code valueId}) that names the entry it corrects and why. The
 * period may be omitted to keep the corrected entry's period.
 */
public record CorrectIndicatorValueCommand(@TargetAggregateIdentifier String scorecardId, String valueId,
                                           String correctsValueId, String reason, IndicatorValue value,
                                           Period period, String sourceAgency, List<DocumentRef> evidence,
                                           String note, List<Breakdown> breakdown) {
}
