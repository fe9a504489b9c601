package org.ntmrecords.command.scorecard;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.scorecard.Breakdown;
import org.ntmrecords.events.scorecard.BreakdownTotal;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.Period;

/**
 * Record a value for an indicator of a tracked unit. {@code valueId} is assigned by the sender.
 * {@code breakdownTotal} is the unit's own figure the breakdown splits, where the source states one.
 */
public record RecordIndicatorValueCommand(@TargetAggregateIdentifier String scorecardId, String valueId,
                                          String indicatorCode, IndicatorValue value, Period period,
                                          String sourceAgency, List<DocumentRef> evidence, String note,
                                          List<Breakdown> breakdown, BreakdownTotal breakdownTotal) {
    /** A value with no stated total for its breakdown. */
    public RecordIndicatorValueCommand(String scorecardId, String valueId, String indicatorCode, IndicatorValue value,
                                       Period period, String sourceAgency, List<DocumentRef> evidence, String note,
                                       List<Breakdown> breakdown) {
        this(scorecardId, valueId, indicatorCode, value, period, sourceAgency, evidence, note, breakdown, null);
    }
}
