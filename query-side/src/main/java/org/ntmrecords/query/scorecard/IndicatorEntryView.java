package org.ntmrecords.query.scorecard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.scorecard.Breakdown;
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
                                 long seq) {
    public record Key(String scorecardId, String entryId) {
    }
}
