package org.ntmrecords.events.judging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.ntmrecords.events.criteria.Requirement;
import org.ntmrecords.events.criteria.RequirementItem;
import org.ntmrecords.events.criteria.RequirementKind;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.JudgmentBasis;
import org.ntmrecords.events.scorecard.Period;

class ItemsJudgeTest {
    private static final Period Q1 = Period.on(LocalDate.of(2024, 3, 31));

    private static Requirement requirement(String n, int m) {
        return new Requirement(RequirementKind.ITEMS_AT_LEAST, null, n == null ? null : new BigDecimal(n), Map.of(),
                List.of(), null, null, null, false, null, IntStream.rangeClosed(1, m).mapToObj(i ->
                new RequirementItem(String.valueOf(i), "item " + i, false, null)).toList());
    }

    private static ItemsJudge.Assessment assessment(Judgment... states) {
        Map<String, Judgment> byCode = new LinkedHashMap<>();
        for (int i = 0; i < states.length; i++) {
            byCode.put(String.valueOf(i + 1), states[i]);
        }
        return new ItemsJudge.Assessment("a", byCode, Q1, 1);
    }

    @Test
    void atLeastNMetIsMet() {
        Verdict v = ItemsJudge.judge(requirement("2", 3), null,
                assessment(Judgment.MET, Judgment.NOT_MET, Judgment.MET), null);
        assertThat(v.result()).isEqualTo(Judgment.MET);
        assertThat(v.basis()).isEqualTo(JudgmentBasis.COMPUTED);
        assertThat(v.itemsMet()).containsExactly("1", "3");
        assertThat(v.itemsNotMet()).containsExactly("2");
        assertThat(v.measured()).isEqualByComparingTo("2");
    }

    @Test
    void anItemNotAssessedThatCouldStillMakeNLeavesItNotAssessedNotNotMet() {
        Verdict v = ItemsJudge.judge(requirement("4", 4), null,
                assessment(Judgment.MET, Judgment.MET, Judgment.MET, Judgment.NOT_ASSESSED), null);
        assertThat(v.result()).isEqualTo(Judgment.NOT_ASSESSED);
        assertThat(v.basis()).isEqualTo(JudgmentBasis.ITEMS_UNDECIDED);
        assertThat(v.itemsNotAssessed()).containsExactly("4");
    }

    @Test
    void tooFewMetEvenIfEveryItemNotAssessedWereMetIsNotMet() {
        Verdict v = ItemsJudge.judge(requirement("4", 4), null,
                assessment(Judgment.MET, Judgment.NOT_MET, Judgment.NOT_MET, Judgment.NOT_ASSESSED), null);
        assertThat(v.result()).isEqualTo(Judgment.NOT_MET);
        assertThat(v.basis()).isEqualTo(JudgmentBasis.COMPUTED);
    }

    @Test
    void withoutNADecisionJudgesAndUntilOneItIsAwaited() {
        ItemsJudge.Assessment a = assessment(Judgment.MET, Judgment.NOT_ASSESSED);
        Verdict awaiting = ItemsJudge.judge(requirement(null, 2), null, a, null);
        assertThat(awaiting.result()).isEqualTo(Judgment.NOT_ASSESSED);
        assertThat(awaiting.basis()).isEqualTo(JudgmentBasis.AWAITING_DECISION);
        assertThat(awaiting.threshold()).isNull();
        Verdict decided = ItemsJudge.judge(requirement(null, 2), null, a, new Decision("d", Judgment.NOT_MET, Q1, 2));
        assertThat(decided.result()).isEqualTo(Judgment.NOT_MET);
        assertThat(decided.basis()).isEqualTo(JudgmentBasis.HUMAN_DECISION);
        assertThat(decided.itemsMet()).containsExactly("1");
    }

    @Test
    void nothingRecordedIsNoDataWithEveryItemNotAssessed() {
        Verdict v = ItemsJudge.judge(requirement("1", 2), null, null, null);
        assertThat(v.basis()).isEqualTo(JudgmentBasis.NO_DATA);
        assertThat(v.itemsNotAssessed()).containsExactly("1", "2");
    }
}
