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
 */
public record Verdict(Judgment result, JudgmentBasis basis, BigDecimal threshold, String requiredLevel,
                      BigDecimal measured, List<String> valueIdsUsed, String decisionId) {
    public Verdict {
        valueIdsUsed = valueIdsUsed == null ? List.of() : List.copyOf(valueIdsUsed);
    }
}
