package org.ntmrecords.events.judging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.ntmrecords.events.criteria.Requirement;
import org.ntmrecords.events.criteria.RequirementKind;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.JudgmentBasis;
import org.ntmrecords.events.scorecard.Period;
import org.ntmrecords.events.scorecard.ValueKind;

class IndicatorJudgeTest {
    private static final Period JAN = Period.on(LocalDate.of(2024, 1, 26));
    private static final Period JUN = Period.on(LocalDate.of(2024, 6, 1));

    /** What is recorded for one indicator: entries that count and decisions. */
    private static final class Facts {
        private final List<Entry> entries = new ArrayList<>();
        private final List<Decision> decisions = new ArrayList<>();

        void add(Entry entry) {
            entries.add(entry);
        }

        void decide(Decision decision) {
            decisions.add(decision);
        }

        Verdict judge(Requirement requirement, String region) {
            return IndicatorJudge.judge(requirement, region, Recency.effective(entries), Recency.latest(decisions));
        }
    }

    private static Verdict judge(Requirement requirement, IndicatorValue value) {
        Facts record = new Facts();
        record.add(new Entry("v1", value, JAN, 1));
        return record.judge(requirement, null);
    }

    private static Requirement req(RequirementKind kind, String threshold) {
        return new Requirement(kind, null, threshold == null ? null : new BigDecimal(threshold), Map.of(),
                List.of(), null, null, null, false, null);
    }

    @Nested
    class EveryRequirementKind {
        @Test
        void percentAtLeastComparesTheShareWithTheThreshold() {
            assertThat(judge(req(RequirementKind.PERCENT_AT_LEAST, "85"), IndicatorValue.percentage(new BigDecimal("71.32"))).result())
                    .isEqualTo(Judgment.NOT_MET);
            assertThat(judge(req(RequirementKind.PERCENT_AT_LEAST, "85"), IndicatorValue.percentage(new BigDecimal("85"))).result())
                    .isEqualTo(Judgment.MET);
        }

        @Test
        void percentAtLeastAcceptsARatioAndMeasuresItsShare() {
            Verdict verdict = judge(req(RequirementKind.PERCENT_AT_LEAST, "95"),
                    IndicatorValue.ratio(new BigDecimal("1110"), new BigDecimal("1432")));
            assertThat(verdict.result()).isEqualTo(Judgment.NOT_MET);
            assertThat(verdict.measured()).isEqualByComparingTo("77.514");
            assertThat(verdict.basis()).isEqualTo(JudgmentBasis.COMPUTED);
            assertThat(verdict.valueIdsUsed()).containsExactly("v1");
        }

        @Test
        void percentAtMostIsMetAtOrBelowTheThreshold() {
            assertThat(judge(req(RequirementKind.PERCENT_AT_MOST, "3"), IndicatorValue.percentage(new BigDecimal("3"))).result())
                    .isEqualTo(Judgment.MET);
            assertThat(judge(req(RequirementKind.PERCENT_AT_MOST, "3"), IndicatorValue.percentage(new BigDecimal("3.01"))).result())
                    .isEqualTo(Judgment.NOT_MET);
        }

        @Test
        void ratioAtLeastUsesNumeratorOverDenominator() {
            // 15.2/21.0 km = 72.38%
            assertThat(judge(req(RequirementKind.RATIO_AT_LEAST, "72.4"),
                    IndicatorValue.ratio(new BigDecimal("15.2"), new BigDecimal("21.0"))).result()).isEqualTo(Judgment.NOT_MET);
            assertThat(judge(req(RequirementKind.RATIO_AT_LEAST, "72.38"),
                    IndicatorValue.ratio(new BigDecimal("15.2"), new BigDecimal("21.0"))).result()).isEqualTo(Judgment.MET);
        }

        @Test
        void countAtLeast() {
            assertThat(judge(req(RequirementKind.COUNT_AT_LEAST, "1"), IndicatorValue.count(0)).result()).isEqualTo(Judgment.NOT_MET);
            assertThat(judge(req(RequirementKind.COUNT_AT_LEAST, "1"), IndicatorValue.count(1)).result()).isEqualTo(Judgment.MET);
        }

        @Test
        void amountAtLeast() {
            assertThat(judge(req(RequirementKind.AMOUNT_AT_LEAST, "79.2"), IndicatorValue.amount(new BigDecimal("79.19"))).result())
                    .isEqualTo(Judgment.NOT_MET);
            assertThat(judge(req(RequirementKind.AMOUNT_AT_LEAST, "79.2"), IndicatorValue.amount(new BigDecimal("79.2"))).result())
                    .isEqualTo(Judgment.MET);
        }

        @Test
        void achievedIsMetWhenAchieved() {
            assertThat(judge(req(RequirementKind.ACHIEVED, null), IndicatorValue.achieved(true)).result()).isEqualTo(Judgment.MET);
            assertThat(judge(req(RequirementKind.ACHIEVED, null), IndicatorValue.achieved(false)).result()).isEqualTo(Judgment.NOT_MET);
        }

        @Test
        void levelAtLeastComparesPositionsOnTheScale() {
            Requirement requirement = new Requirement(RequirementKind.LEVEL_AT_LEAST, null, null, Map.of(),
                    List.of("1 sao", "2 sao", "3 sao", "4 sao", "5 sao"), "4 sao", null, null, false, null);
            assertThat(judge(requirement, IndicatorValue.level("3 sao")).result()).isEqualTo(Judgment.NOT_MET);
            assertThat(judge(requirement, IndicatorValue.level("4 sao")).result()).isEqualTo(Judgment.MET);
            assertThat(judge(requirement, IndicatorValue.level("5 sao")).result()).isEqualTo(Judgment.MET);
        }

        @Test
        void nOfMCountsSubIndicatorsMet() {
            Requirement requirement = new Requirement(RequirementKind.N_OF_M, null, new BigDecimal("20"), Map.of(),
                    List.of(), null, 27, null, false, null);
            assertThat(judge(requirement, IndicatorValue.subIndicators(10, 27)).result()).isEqualTo(Judgment.NOT_MET);
            assertThat(judge(requirement, IndicatorValue.subIndicators(20, 27)).result()).isEqualTo(Judgment.MET);
        }
    }

    @Nested
    class Regions {
        private final Requirement requirement = new Requirement(RequirementKind.PERCENT_AT_LEAST, null,
                new BigDecimal("80"), Map.of("tdmnpb", new BigDecimal("60")), List.of(), null, null, null, false, null);

        @Test
        void aRegionalThresholdAppliesInItsRegion() {
            Facts record = new Facts();
            record.add(new Entry("v1", IndicatorValue.percentage(new BigDecimal("70")), JAN, 1));
            Verdict inRegion = record.judge(requirement, "tdmnpb");
            assertThat(inRegion.result()).isEqualTo(Judgment.MET);
            assertThat(inRegion.threshold()).isEqualByComparingTo("60");
        }

        @Test
        void theCommonThresholdAppliesElsewhere() {
            Facts record = new Facts();
            record.add(new Entry("v1", IndicatorValue.percentage(new BigDecimal("70")), JAN, 1));
            Verdict elsewhere = record.judge(requirement, "dbscl");
            assertThat(elsewhere.result()).isEqualTo(Judgment.NOT_MET);
            assertThat(elsewhere.threshold()).isEqualByComparingTo("80");
        }
    }

    @Nested
    class ThreeStates {
        @Test
        void nothingRecordedIsNotAssessed() {
            Verdict verdict = new Facts().judge(req(RequirementKind.PERCENT_AT_LEAST, "85"), null);
            assertThat(verdict.result()).isEqualTo(Judgment.NOT_ASSESSED);
            assertThat(verdict.basis()).isEqualTo(JudgmentBasis.NO_DATA);
        }

        @Test
        void aNotAssessedMarkForTheLatestPeriodWins() {
            Facts record = new Facts();
            record.add(new Entry("v1", IndicatorValue.percentage(new BigDecimal("90")), JAN, 1));
            record.add(new Entry("m1", null, JUN, 2));
            Verdict verdict = record.judge(req(RequirementKind.PERCENT_AT_LEAST, "85"), null);
            assertThat(verdict.result()).isEqualTo(Judgment.NOT_ASSESSED);
            assertThat(verdict.basis()).isEqualTo(JudgmentBasis.MARKED_NOT_ASSESSED);
            assertThat(verdict.valueIdsUsed()).containsExactly("m1");
        }

        @Test
        void aValueForALaterPeriodReplacesANotAssessedMark() {
            Facts record = new Facts();
            record.add(new Entry("m1", null, JAN, 1));
            record.add(new Entry("v1", IndicatorValue.percentage(new BigDecimal("90")), JUN, 2));
            assertThat(record.judge(req(RequirementKind.PERCENT_AT_LEAST, "85"), null).result())
                    .isEqualTo(Judgment.MET);
        }

        @Test
        void aValueForAnEarlierPeriodRecordedLaterDoesNotReplaceTheLatest() {
            Facts record = new Facts();
            record.add(new Entry("v-jun", IndicatorValue.percentage(new BigDecimal("90")), JUN, 1));
            record.add(new Entry("v-jan", IndicatorValue.percentage(new BigDecimal("10")), JAN, 2));
            Verdict verdict = record.judge(req(RequirementKind.PERCENT_AT_LEAST, "85"), null);
            assertThat(verdict.result()).isEqualTo(Judgment.MET);
            assertThat(verdict.valueIdsUsed()).containsExactly("v-jun");
        }
    }

    @Nested
    class HumanDecisions {
        @Test
        void withoutAVerifiedThresholdAValueAwaitsADecision() {
            Verdict verdict = judge(req(RequirementKind.PERCENT_AT_LEAST, null),
                    IndicatorValue.percentage(new BigDecimal("99")));
            assertThat(verdict.result()).isEqualTo(Judgment.NOT_ASSESSED);
            assertThat(verdict.basis()).isEqualTo(JudgmentBasis.AWAITING_DECISION);
        }

        @Test
        void withoutAVerifiedThresholdTheRecordedDecisionJudges() {
            Facts record = new Facts();
            record.add(new Entry("v1", IndicatorValue.percentage(new BigDecimal("99")), JAN, 1));
            record.decide(new Decision("d1", Judgment.NOT_MET, JAN, 2));
            Verdict verdict = record.judge(req(RequirementKind.PERCENT_AT_LEAST, null), null);
            assertThat(verdict.result()).isEqualTo(Judgment.NOT_MET);
            assertThat(verdict.basis()).isEqualTo(JudgmentBasis.HUMAN_DECISION);
            assertThat(verdict.decisionId()).isEqualTo("d1");
            assertThat(verdict.measured()).isEqualByComparingTo("99");
        }

        @Test
        void aRequirementFlaggedForHumanDecisionIsNotComputedEvenWithAThreshold() {
            Requirement compound = new Requirement(RequirementKind.PERCENT_AT_LEAST, null, new BigDecimal("100"),
                    Map.of(), List.of(), null, null, null, true, "two clauses");
            Verdict verdict = judge(compound, IndicatorValue.percentage(new BigDecimal("100")));
            assertThat(verdict.basis()).isEqualTo(JudgmentBasis.AWAITING_DECISION);
        }

        @Test
        void withoutAValueTheDecisionJudgesEvenAComputableRequirement() {
            Facts record = new Facts();
            record.decide(new Decision("d1", Judgment.MET, JAN, 1));
            Verdict verdict = record.judge(req(RequirementKind.PERCENT_AT_LEAST, "85"), null);
            assertThat(verdict.result()).isEqualTo(Judgment.MET);
            assertThat(verdict.basis()).isEqualTo(JudgmentBasis.HUMAN_DECISION);
        }

        @Test
        void aComputedJudgmentTakesPrecedenceOverADecisionWhenAValueExists() {
            Facts record = new Facts();
            record.decide(new Decision("d1", Judgment.MET, JAN, 1));
            record.add(new Entry("v1", IndicatorValue.percentage(new BigDecimal("71.32")), JAN, 2));
            Verdict verdict = record.judge(req(RequirementKind.PERCENT_AT_LEAST, "85"), null);
            assertThat(verdict.result()).isEqualTo(Judgment.NOT_MET);
            assertThat(verdict.basis()).isEqualTo(JudgmentBasis.COMPUTED);
        }

        @Test
        void theLatestDecisionByPeriodCounts() {
            Facts record = new Facts();
            record.decide(new Decision("d-jun", Judgment.MET, JUN, 1));
            record.decide(new Decision("d-jan", Judgment.NOT_MET, JAN, 2));
            assertThat(record.judge(req(RequirementKind.ACHIEVED, null), null).decisionId())
                    .isEqualTo("d-jun");
        }
    }

    @Nested
    class AKindWithoutAThreshold {
        @Test
        void aRatioIsTakenMeasuredAndAwaitsADecisionShownToOneDecimalHalfUp() {
            Verdict roads = judge(req(RequirementKind.RATIO_AT_LEAST, null),
                    IndicatorValue.ratio(new BigDecimal("15.2"), new BigDecimal("21.0")));
            assertThat(roads.result()).isEqualTo(Judgment.NOT_ASSESSED);
            assertThat(roads.basis()).isEqualTo(JudgmentBasis.AWAITING_DECISION);
            assertThat(roads.threshold()).isNull();
            assertThat(roads.measured()).isEqualByComparingTo("72.381");
            assertThat(IndicatorJudge.shownFigure(RequirementKind.RATIO_AT_LEAST, roads.measured()))
                    .isEqualTo(new BigDecimal("72.4"));
            // half-up at the second decimal: 72.35 shows 72.4, 72.349 shows 72.3
            assertThat(IndicatorJudge.shownFigure(RequirementKind.PERCENT_AT_LEAST, new BigDecimal("72.35")))
                    .isEqualTo(new BigDecimal("72.4"));
            assertThat(IndicatorJudge.shownFigure(RequirementKind.PERCENT_AT_LEAST, new BigDecimal("72.349")))
                    .isEqualTo(new BigDecimal("72.3"));
        }

        @Test
        void aValueOfAKindTheRequirementCannotJudgeCountsAsNoDataAndADecisionStillDecides() {
            // an amendment made 3.1 a ratio; the effective entry is still the yes/no recorded before
            Facts record = new Facts();
            record.add(new Entry("v1", IndicatorValue.achieved(true), JAN, 1));
            Verdict verdict = record.judge(req(RequirementKind.RATIO_AT_LEAST, "70"), null);
            assertThat(verdict.result()).isEqualTo(Judgment.NOT_ASSESSED);
            assertThat(verdict.basis()).isEqualTo(JudgmentBasis.NO_DATA);
            assertThat(verdict.measured()).isNull();
            assertThat(verdict.valueIdsUsed()).isEmpty();
            record.decide(new Decision("d1", Judgment.MET, JAN, 2));
            Verdict decided = record.judge(req(RequirementKind.RATIO_AT_LEAST, null), null);
            assertThat(decided.basis()).isEqualTo(JudgmentBasis.HUMAN_DECISION);
            assertThat(decided.measured()).isNull();
            // a share requirement judges a percentage or a ratio alike
            assertThat(IndicatorJudge.judges(RequirementKind.RATIO_AT_LEAST, ValueKind.PERCENTAGE)).isTrue();
            assertThat(IndicatorJudge.judges(RequirementKind.ACHIEVED, ValueKind.RATIO)).isFalse();
        }

        @Test
        void aFigureThatIsNoShareIsShownAsMeasuredAndNothingMeasuredShowsNothing() {
            assertThat(IndicatorJudge.shownFigure(RequirementKind.AMOUNT_AT_LEAST, new BigDecimal("56.15")))
                    .isEqualTo(new BigDecimal("56.15"));
            assertThat(IndicatorJudge.shownFigure(RequirementKind.COUNT_AT_LEAST, null)).isNull();
            assertThat(IndicatorJudge.measuresShare(RequirementKind.N_OF_M)).isFalse();
            assertThat(IndicatorJudge.measuresShare(RequirementKind.RATIO_AT_LEAST)).isTrue();
        }
    }
}
