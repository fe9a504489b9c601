package org.ntmrecords.events.scorecard;

import java.util.List;
import org.ntmrecords.events.common.DocumentRef;

/**
 * A human decision on whether an indicator is met, as recorded from an assessment document. It judges the
 * indicator where the requirement has no verified threshold, or where no value is recorded.
 *
 * @param decisionId identity of this decision
 * @param result     {@link Judgment#MET} or {@link Judgment#NOT_MET}
 * @param decidedBy  the body whose assessment this is (e.g. {@code UBND huyện Tháp Mười})
 * @param basis      the documents the decision is taken from
 */
public record IndicatorDecisionRecordedEvent(String scorecardId, String unitCode, String setId, String decisionId,
                                             String criterionCode, String indicatorCode, Judgment result,
                                             Period period, String decidedBy, List<DocumentRef> basis,
                                             String note) {
    public IndicatorDecisionRecordedEvent {
        basis = basis == null ? List.of() : List.copyOf(basis);
    }
}
