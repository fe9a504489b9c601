package org.ntmrecords.events.scorecard;

import java.util.List;
import org.ntmrecords.events.common.DocumentRef;

/**
 * An indicator was marked as not assessed for a period (e.g. "chưa có đánh giá thu nhập năm 2023"):
 * no data yet, which is a third state, not a failure.
 *
 * @param valueId identity of this entry in the indicator's history; a later correction may name it
 */
public record IndicatorMarkedNotAssessedEvent(String scorecardId, String unitCode, String setId, String valueId,
                                              String criterionCode, String indicatorCode, Period period,
                                              String reason, List<DocumentRef> evidence) {
    public IndicatorMarkedNotAssessedEvent {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
