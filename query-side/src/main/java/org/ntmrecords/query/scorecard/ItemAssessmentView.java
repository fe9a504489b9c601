package org.ntmrecords.query.scorecard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.JudgmentBasis;
import org.ntmrecords.events.scorecard.Period;

/**
 * The item-by-item assessment that counts for an itemised indicator, its items in the requirement's order, with the
 * indicator's latest judgment.
 *
 * @param threshold n in the unit's region, or null when the source states none
 */
public record ItemAssessmentView(String unitCode, String setId, String indicatorCode, String assessmentId,
                                 Period period, String assessedBy, Instant recordedAt, String recordedBy,
                                 String correctsAssessmentId, String reason, List<DocumentRef> evidence,
                                 List<Item> items, BigDecimal threshold, Judgment result, JudgmentBasis basis) {

    /** One item and its state. */
    public record Item(String code, String name, Judgment state, String note) {
    }

    public int itemsTotal() {
        return items.size();
    }

    public int met() {
        return count(Judgment.MET);
    }

    public int notMet() {
        return count(Judgment.NOT_MET);
    }

    public int notAssessed() {
        return count(Judgment.NOT_ASSESSED);
    }

    private int count(Judgment state) {
        return (int) items.stream().filter(i -> i.state() == state).count();
    }
}
