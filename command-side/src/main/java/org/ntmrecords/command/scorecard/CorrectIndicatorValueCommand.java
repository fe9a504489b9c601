package org.ntmrecords.command.scorecard;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.scorecard.Breakdown;
import org.ntmrecords.events.scorecard.BreakdownTotal;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.Period;

/**
 * Correct an earlier entry: a new value ({@code valueId}) that names the entry it corrects and why. The
 * indicator is named too, so that the right to correct can be checked before the record is read; it must be
 * the corrected entry's indicator. The period may be omitted to keep the corrected entry's period.
 */
public record CorrectIndicatorValueCommand(@TargetAggregateIdentifier String scorecardId, String valueId,
                                           String correctsValueId, String indicatorCode, String reason,
                                           IndicatorValue value,
                                           Period period, String sourceAgency, List<DocumentRef> evidence,
                                           String note, List<Breakdown> breakdown, BreakdownTotal breakdownTotal) {
    /** A correction with no stated total for its breakdown. */
    public CorrectIndicatorValueCommand(String scorecardId, String valueId, String correctsValueId,
                                        String indicatorCode, String reason, IndicatorValue value, Period period,
                                        String sourceAgency, List<DocumentRef> evidence, String note,
                                        List<Breakdown> breakdown) {
        this(scorecardId, valueId, correctsValueId, indicatorCode, reason, value, period, sourceAgency, evidence,
                note, breakdown, null);
    }
}
