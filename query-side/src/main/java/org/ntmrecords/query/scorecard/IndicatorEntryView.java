package org.ntmrecords.query.scorecard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.scorecard.Breakdown;
import org.ntmrecords.events.scorecard.BreakdownTotal;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.Period;

/**
 * A value, correction or not-assessed mark recorded for an indicator.
 *
 * @param seq record order within the scorecard (its event's sequence number)
 */
public record IndicatorEntryView(String scorecardId, String id, String indicatorCode, String criterionCode,
                                 String type, IndicatorValue value, String display, BigDecimal share,
                                 Period period, String sourceAgency, List<DocumentRef> evidence, String note,
                                 List<Breakdown> breakdown, String correctsEntryId, String correctionReason,
                                 String correctedByEntryId, Instant recordedAt, String recordedBy,
                                 long seq, BreakdownTotal breakdownTotal) {
    public IndicatorEntryView(String scorecardId, String id, String indicatorCode, String criterionCode,
                              String type, IndicatorValue value, String display, BigDecimal share,
                              Period period, String sourceAgency, List<DocumentRef> evidence, String note,
                              List<Breakdown> breakdown, String correctsEntryId, String correctionReason,
                              String correctedByEntryId, Instant recordedAt, String recordedBy, long seq) {
        this(scorecardId, id, indicatorCode, criterionCode, type, value, display, share, period, sourceAgency,
                evidence, note, breakdown, correctsEntryId, correctionReason, correctedByEntryId, recordedAt,
                recordedBy, seq, null);
    }

    public record Key(String scorecardId, String entryId) {
    }

    /**
     * The breakdown checked against the unit's own figure: the sum of the parts, the stated total, and by how much
     * they differ (parts minus total); null when no total is stated.
     */
    public BreakdownCheck breakdownCheck() {
        if (breakdownTotal == null || breakdownTotal.quantity() == null) {
            return null;
        }
        BigDecimal parts = breakdown.stream().map(Breakdown::quantity).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new BreakdownCheck(parts, breakdownTotal.quantity(), breakdownTotal.measure(),
                parts.subtract(breakdownTotal.quantity()));
    }

    /** The parts' sum against the unit's figure; {@code difference} is the parts' sum minus the figure. */
    public record BreakdownCheck(BigDecimal partsTotal, BigDecimal statedTotal, String measure,
                                 BigDecimal difference) {
        public boolean matches() {
            return difference.signum() == 0;
        }
    }
}
