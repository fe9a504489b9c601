package org.ntmrecords.command.scorecard;

import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.support.InMemoryCatalog;
import org.ntmrecords.command.support.InMemoryUnitDirectory;
import org.ntmrecords.command.support.TestSets;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.criteria.Grade;
import org.ntmrecords.events.criteria.IndicatorDefinition;
import org.ntmrecords.events.criteria.Requirement;
import org.ntmrecords.events.criteria.RequirementItem;
import org.ntmrecords.events.criteria.RequirementKind;
import org.ntmrecords.events.criteria.SetLevel;
import org.ntmrecords.events.scorecard.IndicatorItemAssessedEvent;
import org.ntmrecords.events.scorecard.IndicatorJudgedEvent;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.JudgmentBasis;
import org.ntmrecords.events.scorecard.Period;
import org.ntmrecords.events.scorecard.ScorecardId;
import org.ntmrecords.events.scorecard.UnitTrackedEvent;
import org.ntmrecords.events.unit.UnitKind;

/** Item-by-item assessments of an itemised indicator: the "at least n of m" rule in three states, and the refusals. */
class ItemAssessmentTest {
    private static final String SET = "test-model";
    private static final String ID = ScorecardId.of("30199", SET);
    private static final Period Q1 = Period.on(LocalDate.of(2024, 3, 31));
    private static final UnitTrackedEvent TRACKED = new UnitTrackedEvent(ID, "30199", SET, 1, "dbscl", null);

    private AggregateTestFixture<Scorecard> fixture;

    static CriteriaSetDefinition set() {
        List<RequirementItem> conditions = IntStream.rangeClosed(1, 4).mapToObj(i -> new RequirementItem(
                String.valueOf(i), "điều kiện " + i, true, "test")).toList();
        List<RequirementItem> unnamed = IntStream.rangeClosed(1, 27).mapToObj(i -> new RequirementItem(
                String.valueOf(i), "chỉ tiêu " + i + " (không nêu tên trong nguồn)", false, "test")).toList();
        return new CriteriaSetDefinition(SET, 1, "Test model commune", SetLevel.COMMUNE, Grade.MODEL, "2021-2025",
                TestSets.BASIS, LocalDate.of(2022, 1, 1), null, null, null, List.of(
                new CriterionDefinition("dk", "Điều kiện", null, null, List.of(new IndicatorDefinition("dk",
                        "4 điều kiện", new Requirement(RequirementKind.ITEMS_AT_LEAST, null, new BigDecimal("4"),
                        Map.of(), List.of(), null, null, null, false, null, conditions), null))),
                new CriterionDefinition("ltm", "Làng thông minh", null, null, List.of(new IndicatorDefinition("ltm",
                        "27 chỉ tiêu", new Requirement(RequirementKind.ITEMS_AT_LEAST, null, null, Map.of(), List.of(),
                        null, null, null, false, null, unnamed), null))),
                new CriterionDefinition("v", "Value", null, null, List.of(TestSets.indicator("v.1",
                        TestSets.requirement(RequirementKind.PERCENT_AT_LEAST, "85"))))));
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Scorecard.class);
        fixture.registerInjectableResource(new InMemoryUnitDirectory()
                .with("87", "Đồng Tháp", UnitKind.PROVINCE, null)
                .with("875", "Lấp Vò", UnitKind.DISTRICT, "87")
                .with("30199", "Định Yên", UnitKind.COMMUNE, "875"));
        fixture.registerInjectableResource(new InMemoryCatalog().with(set()));
        fixture.registerInjectableResource(TestSets.CLOCK);
    }

    private static RecordItemAssessmentCommand assess(String id, String indicator, Period period, String... states) {
        List<RecordItemAssessmentCommand.AssessedItem> items = new ArrayList<>();
        for (int i = 0; i < states.length; i++) {
            items.add(new RecordItemAssessmentCommand.AssessedItem(String.valueOf(i + 1), Judgment.valueOf(states[i]),
                    null));
        }
        return new RecordItemAssessmentCommand(ID, id, indicator, period, items, "UBND xã", List.of(), null, null);
    }

    private static IndicatorItemAssessedEvent item(String id, String code, Judgment state) {
        return new IndicatorItemAssessedEvent(ID, "30199", SET, id, "dk", "dk", code, "điều kiện " + code, state, Q1,
                "UBND xã", null, List.of(), null, null);
    }

    @Test
    void threeMetAndOneNotAssessedIsNotAssessedBecauseTheFourthCouldStillMakeFour() {
        fixture.given(TRACKED)
                .when(assess("a1", "dk", Q1, "MET", "MET", "MET", "NOT_ASSESSED"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        Matchers.deepEquals(item("a1", "1", Judgment.MET)),
                        Matchers.deepEquals(item("a1", "2", Judgment.MET)),
                        Matchers.deepEquals(item("a1", "3", Judgment.MET)),
                        Matchers.deepEquals(item("a1", "4", Judgment.NOT_ASSESSED)),
                        Matchers.deepEquals(new IndicatorJudgedEvent(ID, "30199", SET, 1, "dbscl", "dk", "dk",
                                Judgment.NOT_ASSESSED, JudgmentBasis.ITEMS_UNDECIDED, null, new BigDecimal("4"), null,
                                new BigDecimal("3"), List.of("a1"), null, "a1", List.of("1", "2", "3"), List.of(),
                                List.of("4"))),
                        matches(p -> true), matches(p -> true))));
    }

    @Test
    void fewerMetThanNEvenWithEveryItemNotAssessedMetIsNotMet() {
        fixture.given(TRACKED)
                .when(assess("a1", "dk", Q1, "MET", "NOT_MET", "NOT_MET", "NOT_ASSESSED"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(matches(p -> true), matches(p -> true),
                        matches(p -> true), matches(p -> true),
                        matches(p -> p instanceof IndicatorJudgedEvent j && j.result() == Judgment.NOT_MET
                                && j.basis() == JudgmentBasis.COMPUTED && j.itemsNotMet().equals(List.of("2", "3"))),
                        matches(p -> true), matches(p -> true))));
    }

    @Test
    void aCorrectionIsANewAssessmentThatReplacesTheOneItCorrects() {
        fixture.given(TRACKED, item("a1", "1", Judgment.MET), item("a1", "2", Judgment.NOT_MET),
                        item("a1", "3", Judgment.NOT_MET), item("a1", "4", Judgment.NOT_MET))
                .when(new RecordItemAssessmentCommand(ID, "a2", "dk", Period.on(LocalDate.of(2024, 1, 1)),
                        IntStream.rangeClosed(1, 4).mapToObj(i -> new RecordItemAssessmentCommand.AssessedItem(
                                String.valueOf(i), Judgment.MET, null)).toList(), null, List.of(), "a1", "nhập nhầm"))
                // an earlier period, but the corrected assessment no longer counts
                .expectEventsMatching(payloadsMatching(Matchers.listWithAnyOf(
                        matches(p -> p instanceof IndicatorJudgedEvent j && j.result() == Judgment.MET
                                && j.valueIdsUsed().equals(List.of("a2"))))));
    }

    @Test
    void withoutAStatedNTheCountCannotJudgeItAndADecisionIsAwaited() {
        List<RecordItemAssessmentCommand.AssessedItem> items = IntStream.rangeClosed(1, 27).mapToObj(i ->
                new RecordItemAssessmentCommand.AssessedItem(String.valueOf(i),
                        i <= 18 ? Judgment.MET : i <= 25 ? Judgment.NOT_MET : Judgment.NOT_ASSESSED, null)).toList();
        fixture.given(TRACKED)
                .when(new RecordItemAssessmentCommand(ID, "sv", "ltm", Q1, items, null, List.of(), null, null))
                .expectEventsMatching(payloadsMatching(Matchers.listWithAnyOf(
                        matches(p -> p instanceof IndicatorJudgedEvent j && j.result() == Judgment.NOT_ASSESSED
                                && j.basis() == JudgmentBasis.AWAITING_DECISION && j.threshold() == null
                                && j.measured().intValue() == 18 && j.itemsNotMet().size() == 7
                                && j.itemsNotAssessed().equals(List.of("26", "27"))))));
    }

    @Test
    void cannotAssessAnUnknownItemATwiceAssessedItemOrLeaveOneOut() {
        fixture.given(TRACKED)
                .when(new RecordItemAssessmentCommand(ID, "x", "dk", Q1, List.of(
                        new RecordItemAssessmentCommand.AssessedItem("1", Judgment.MET, null),
                        new RecordItemAssessmentCommand.AssessedItem("7", Judgment.MET, null)), null, null, null, null))
                .expectNoEvents()
                .expectException(Matchers.matches(e -> e instanceof CommandRejectedException r
                        && r.code() == RejectionCode.UNKNOWN_ITEM && r.field().equals("items[1].itemCode")));
        fixture.given(TRACKED)
                .when(new RecordItemAssessmentCommand(ID, "x", "dk", Q1, List.of(
                        new RecordItemAssessmentCommand.AssessedItem("1", Judgment.MET, null),
                        new RecordItemAssessmentCommand.AssessedItem("1", Judgment.NOT_MET, null)), null, null, null,
                        null))
                .expectNoEvents()
                .expectException(Matchers.matches(e -> e instanceof CommandRejectedException r
                        && r.code() == RejectionCode.DUPLICATE_ITEM));
        fixture.given(TRACKED)
                .when(assess("x", "dk", Q1, "MET", "MET", "MET"))
                .expectNoEvents()
                .expectException(Matchers.matches(e -> e instanceof CommandRejectedException r
                        && r.code() == RejectionCode.WRONG_ITEM_COUNT && r.field().equals("items")));
        fixture.given(TRACKED)
                .when(assess("x", "v.1", Q1, "MET"))
                .expectNoEvents()
                .expectException(Matchers.matches(e -> e instanceof CommandRejectedException r
                        && r.code() == RejectionCode.WRONG_VALUE_KIND));
    }

    @Test
    void cannotCorrectAnAssessmentTwice() {
        fixture.given(TRACKED, item("a1", "1", Judgment.MET), item("a1", "2", Judgment.MET),
                        item("a1", "3", Judgment.MET), item("a1", "4", Judgment.MET),
                        new IndicatorItemAssessedEvent(ID, "30199", SET, "a2", "dk", "dk", "1", "điều kiện 1",
                                Judgment.MET, Q1, null, null, List.of(), "a1", "r"))
                .when(new RecordItemAssessmentCommand(ID, "a3", "dk", Q1, IntStream.rangeClosed(1, 4).mapToObj(i ->
                        new RecordItemAssessmentCommand.AssessedItem(String.valueOf(i), Judgment.MET, null)).toList(),
                        null, List.of(), "a1", "again"))
                .expectNoEvents()
                .expectException(Matchers.matches(e -> e instanceof CommandRejectedException r
                        && r.code() == RejectionCode.ALREADY_CORRECTED));
    }

    @Test
    void cannotMarkAnItemisedIndicatorNotAssessedAsAWhole() {
        fixture.given(TRACKED)
                .when(new MarkIndicatorNotAssessedCommand(ID, "m", "dk", Q1, "chưa đánh giá", List.of()))
                .expectNoEvents()
                .expectException(Matchers.matches(e -> e instanceof CommandRejectedException r
                        && r.code() == RejectionCode.WRONG_VALUE_KIND));
    }
}
