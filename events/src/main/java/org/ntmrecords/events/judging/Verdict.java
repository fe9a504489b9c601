package org.ntmrecords.events.judging;

import java.math.BigDecimal;
import java.util.List;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.JudgmentBasis;

/**
 * An indicator's judgment and what it rests on.
 *
 * @param threshold     the threshold applied, in the unit's region
 * @param requiredLevel the level required, for level requirements
 * @param measured      the figure compared with the threshold
 * @param valueIdsUsed  the entry the judgment used (at most one)
 * @param decisionId    the human decision used, when the basis is a decision
 * @param itemsMet      for an itemised requirement: the items assessed met (then {@code measured} is their number)
 * @param itemsNotMet   for an itemised requirement: the items assessed not met
 * @param itemsNotAssessed for an itemised requirement: the items not assessed
 */
public record Verdict(Judgment result, JudgmentBasis basis, BigDecimal threshold, String requiredLevel,
                      BigDecimal measured, List<String> valueIdsUsed, String decisionId, List<String> itemsMet,
                      List<String> itemsNotMet, List<String> itemsNotAssessed) {
    public Verdict {
        valueIdsUsed = valueIdsUsed == null ? List.of() : List.copyOf(valueIdsUsed);
        itemsMet = itemsMet == null ? List.of() : List.copyOf(itemsMet);
        itemsNotMet = itemsNotMet == null ? List.of() : List.copyOf(itemsNotMet);
        itemsNotAssessed = itemsNotAssessed == null ? List.of() : List.copyOf(itemsNotAssessed);
    }

    /** A verdict on a requirement without items. */
    public Verdict(Judgment result, JudgmentBasis basis, BigDecimal threshold, String requiredLevel,
                   BigDecimal measured, List<String> valueIdsUsed, String decisionId) {
        this(result, basis, threshold, requiredLevel, measured, valueIdsUsed, decisionId, List.of(), List.of(),
                List.of());
    }
}
