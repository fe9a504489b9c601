package org.ntmrecords.events.recognition;

import java.math.BigDecimal;
import java.util.List;
import org.ntmrecords.events.criteria.RecognitionRules.ConditionKind;
import org.ntmrecords.events.scorecard.Judgment;

/**
 * A condition of a title (see {@code RecognitionRules.UnitCondition}) as judged from the record at one moment, with
 * what it was judged from: for titles held, the units counted that hold one ({@code held}) and those that do not
 * ({@code lacking}), and their share; for the survey and the debt, what the case recorded ({@code basis}).
 * {@code NOT_ASSESSED} when the record holds nothing to judge it by (no unit to count, no survey, nothing said of debt).
 */
public record ConditionJudgment(String code, String text, ConditionKind kind, Judgment judgment,
                                BigDecimal minPercent, BigDecimal percent, List<String> held, List<String> lacking,
                                String basis) {
    public ConditionJudgment {
        held = held == null ? List.of() : List.copyOf(held);
        lacking = lacking == null ? List.of() : List.copyOf(lacking);
    }
}
