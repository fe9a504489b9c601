package org.ntmrecords.events.scorecard;

import java.util.List;
import org.ntmrecords.events.common.DocumentRef;

/**
 * A recorded value (or not-assessed mark) was corrected. The corrected entry is not changed: this new entry
 * names it ({@code correctsValueId}), says why, and takes its place from now on.
 */
public record IndicatorValueCorrectedEvent(String scorecardId, String unitCode, String setId, String valueId,
                                           String correctsValueId, String reason, String criterionCode,
                                           String indicatorCode, IndicatorValue value, Period period,
                                           String sourceAgency, List<DocumentRef> evidence, String note,
                                           List<Breakdown> breakdown) {
    public IndicatorValueCorrectedEvent {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        breakdown = breakdown == null ? List.of() : List.copyOf(breakdown);
    }
}
