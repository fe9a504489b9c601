package org.ntmrecords.command.scorecard;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.listWithAllOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.criteria.ProvinceRegions;
import org.ntmrecords.command.support.InMemoryCatalog;
import org.ntmrecords.command.support.InMemoryUnitDirectory;
import org.ntmrecords.command.support.Rejected;
import org.ntmrecords.command.support.TestSets;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.common.LegalBasis;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.criteria.Region;
import org.ntmrecords.events.criteria.RequirementKind;
import org.ntmrecords.events.scorecard.CriteriaSetVersionAdoptedEvent;
import org.ntmrecords.events.scorecard.CriterionJudgedEvent;
import org.ntmrecords.events.scorecard.IndicatorDecisionRecordedEvent;
import org.ntmrecords.events.scorecard.IndicatorJudgedEvent;
import org.ntmrecords.events.scorecard.IndicatorMarkedNotAssessedEvent;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.IndicatorValueCorrectedEvent;
import org.ntmrecords.events.scorecard.IndicatorValueRecordedEvent;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.JudgmentBasis;
import org.ntmrecords.events.scorecard.Period;
import org.ntmrecords.events.scorecard.ScorecardId;
import org.ntmrecords.events.scorecard.StandingComputedEvent;
import org.ntmrecords.events.scorecard.UnitTrackedEvent;
import org.ntmrecords.events.unit.UnitKind;

class ScorecardTest {
    private static final String SET = TestSets.SET;
    private static final String ID = ScorecardId.of("30049", SET);
    private static final Period JAN = Period.on(LocalDate.of(2024, 1, 26));
    private static final UnitTrackedEvent TRACKED = new UnitTrackedEvent(ID, "30049", SET, 1, "dbscl", null);

    /** As the shipped reference data has them (data/regions/province-regions.csv), for three provinces. */
    private static final ProvinceRegions REGIONS = code -> Optional.ofNullable(Map.of(
            "87", new ProvinceRegions.ProvinceRegion("87", "Đồng Tháp", Region.DBSCL, "catalog"),
            "38", new ProvinceRegions.ProvinceRegion("38", "Thanh Hóa", Region.BTB, "catalog"),
            "24", new ProvinceRegions.ProvinceRegion("24", "Bắc Giang", Region.TDMNPB, "catalog")).get(code));

    private AggregateTestFixture<Scorecard> fixture;
    private InMemoryUnitDirectory units;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Scorecard.class);
        units = new InMemoryUnitDirectory()
                .with("87", "Đồng Tháp", UnitKind.PROVINCE, null)
                .with("872", "Tháp Mười", UnitKind.DISTRICT, "87")
                .with("30049", "Tân Kiều", UnitKind.COMMUNE, "872");
        fixture.registerInjectableResource(units);
        fixture.registerInjectableResource(new InMemoryCatalog().with(TestSets.communeSet())
                .with(TestSets.provincialVariant()));
        fixture.registerInjectableResource(REGIONS);
        fixture.registerInjectableResource(TestSets.CLOCK);
    }

    private static RecordIndicatorValueCommand record(String valueId, String indicator, IndicatorValue value) {
        return new RecordIndicatorValueCommand(ID, valueId, indicator, value, JAN, "UBND huyện Tháp Mười",
                List.of(TestSets.PLAN), "note", List.of());
    }

    private static IndicatorValueRecordedEvent recorded(String valueId, String criterion, String indicator,
                                                        IndicatorValue value) {
        return new IndicatorValueRecordedEvent(ID, "30049", SET, valueId, criterion, indicator, value, JAN,
                "UBND huyện Tháp Mười", List.of(TestSets.PLAN), "note", List.of());
    }

    private static RecordIndicatorValuesCommand batch(RecordIndicatorValueCommand... values) {
        return new RecordIndicatorValuesCommand(ID, "import-1", java.util.Arrays.asList(values));
    }

    @Test
    void aBatchRecordsEveryValueThenJudgesTheIndicatorsTouchedOnce() {
        IndicatorValue low = IndicatorValue.percentage(new BigDecimal("71.32"));
        IndicatorValue high = IndicatorValue.percentage(new BigDecimal("90"));
        IndicatorValue road = IndicatorValue.ratio(new BigDecimal("15.2"), new BigDecimal("21"));
        fixture.given(TRACKED)
                .when(batch(record("v1", "1.1", low), record("v2", "1.1", high), record("v3", "1.3", road)))
                .expectEvents(
                        recorded("v1", "1", "1.1", low),
                        recorded("v2", "1", "1.1", high),
                        recorded("v3", "1", "1.3", road),
                        new IndicatorJudgedEvent(ID, "30049", SET, 1, "dbscl", "1", "1.1", Judgment.MET,
                                JudgmentBasis.COMPUTED, null, new BigDecimal("85"), null, new BigDecimal("90"),
                                List.of("v2"), null, "import-1"),
                        new IndicatorJudgedEvent(ID, "30049", SET, 1, "dbscl", "1", "1.3", Judgment.MET,
                                JudgmentBasis.COMPUTED, null, new BigDecimal("70"), null,
                                new BigDecimal("72.381"), List.of("v3"), null, "import-1"),
                        new CriterionJudgedEvent(ID, "30049", SET, 1, "1", Judgment.NOT_ASSESSED, 2, 3, List.of(),
                                List.of("1.2"), "import-1"),
                        new StandingComputedEvent(ID, "30049", SET, 1, Judgment.NOT_ASSESSED, 0, 5, List.of(),
                                List.of("1", "2", "3", "4", "5"), "import-1"))
                .expectResultMessagePayload(new ValuesOutcome(ID, List.of("v1", "v2", "v3"), List.of(), List.of()));
    }

    @Test
    void aCriterionOrStandingJudgmentIsRecordedOnlyWhenItChanges() {
        IndicatorValue low = IndicatorValue.percentage(new BigDecimal("71.32"));
        IndicatorValue lower = IndicatorValue.percentage(new BigDecimal("60"));
        IndicatorValue high = IndicatorValue.percentage(new BigDecimal("90"));
        // v1 leaves 1.1 not met: criterion 1 and the standing become NOT_MET, recorded by v1
        // v2 leaves 1.1 not met with another value: only the value and the indicator's judgment are recorded, and the
        // outcome names the criterion's and the standing's judgments v1 recorded
        fixture.given(TRACKED)
                .andGivenCommands(record("v1", "1.1", low))
                .when(record("v2", "1.1", lower))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches(p -> p.equals(recorded("v2", "1", "1.1", lower))),
                        matches(p -> p instanceof IndicatorJudgedEvent j && j.result() == Judgment.NOT_MET
                                && j.valueIdsUsed().equals(List.of("v2")) && "v2".equals(j.causeId())),
                        andNoMore())))
                .expectResultMessagePayloadMatching(matches(p -> p instanceof ScorecardOutcome o
                        && o.indicator().causeId().equals("v2")
                        && o.criterion().result() == Judgment.NOT_MET && o.criterion().causeId().equals("v1")
                        && o.standing().result() == Judgment.NOT_MET && o.standing().causeId().equals("v1")));
        // a value that makes 1.1 met changes the criterion's tally: both recorded again
        fixture.given(TRACKED)
                .andGivenCommands(record("v1", "1.1", low))
                .when(record("v2", "1.1", high))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches(p -> p.equals(recorded("v2", "1", "1.1", high))),
                        matches(p -> p instanceof IndicatorJudgedEvent j && j.result() == Judgment.MET),
                        matches(p -> p instanceof CriterionJudgedEvent c && c.result() == Judgment.NOT_ASSESSED
                                && c.causeId().equals("v2")),
                        matches(p -> p instanceof StandingComputedEvent s && s.result() == Judgment.NOT_ASSESSED
                                && s.causeId().equals("v2")),
                        andNoMore())));
    }

    @Test
    void aValueThatFailsItsChecksIsRejectedAloneAndStoresNothing() {
        IndicatorValue high = IndicatorValue.percentage(new BigDecimal("90"));
        fixture.given(TRACKED)
                .when(batch(record("v1", "1.1", high), record("v2", "1.1", IndicatorValue.achieved(true)),
                        record("v1", "1.1", high), record("v4", "9.9", high), null))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches(p -> p.equals(recorded("v1", "1", "1.1", high))),
                        matches(p -> p instanceof IndicatorJudgedEvent j && j.indicatorCode().equals("1.1")),
                        matches(p -> p instanceof CriterionJudgedEvent),
                        matches(p -> p instanceof StandingComputedEvent),
                        andNoMore())))
                .expectResultMessagePayloadMatching(matches(p -> p instanceof ValuesOutcome o
                        && o.scorecardId().equals(ID) && o.recorded().equals(List.of("v1"))
                        && o.alreadyRecorded().isEmpty()
                        && o.rejected().stream().map(r -> r.index() + " " + r.valueId() + " " + r.code() + " "
                        + r.field() + ": " + r.message()).toList().equals(List.of(
                        "1 v2 WRONG_VALUE_KIND value.kind: "
                                + "indicator 1.1 (PERCENT_AT_LEAST) takes [PERCENTAGE, RATIO], not ACHIEVED",
                        "2 v1 ALREADY_EXISTS valueId: value v1 appears twice in the batch",
                        "3 v4 UNKNOWN_INDICATOR indicatorCode: set " + SET + " version 1 has no indicator 9.9",
                        "4 null INVALID_INPUT values: no value given"))
                        // each said in the reader's language too
                        && o.rejected().get(0).message(Message.VIETNAMESE)
                        .equals("Chỉ tiêu 1.1 (PERCENT_AT_LEAST) nhận giá trị loại [PERCENTAGE, RATIO], không nhận ACHIEVED")));
    }

    @Test
    void aDryRunChecksEveryValueAsTheImportWouldAndAppliesNothing() {
        IndicatorValue high = IndicatorValue.percentage(new BigDecimal("90"));
        fixture.given(TRACKED, recorded("v0", "1", "1.1", high))
                .when(new RecordIndicatorValuesCommand(ID, "import-1", List.of(record("v0", "1.1", high),
                        record("v1", "1.1", high), record("v2", "1.1", IndicatorValue.achieved(true))), true))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(matches(p -> p instanceof ValuesOutcome o
                        && o.recorded().equals(List.of("v1")) && o.alreadyRecorded().equals(List.of("v0"))
                        && o.rejected().size() == 1 && o.rejected().get(0).valueId().equals("v2")
                        && o.rejected().get(0).code() == RejectionCode.WRONG_VALUE_KIND));
    }

    @Test
    void aValueRecordedAlreadyIsSkippedSoAFileCanBeImportedAgain() {
        IndicatorValue high = IndicatorValue.percentage(new BigDecimal("90"));
        fixture.given(TRACKED, recorded("v1", "1", "1.1", high))
                .when(batch(record("v1", "1.1", high)))
                .expectNoEvents()
                .expectResultMessagePayload(new ValuesOutcome(ID, List.of(), List.of("v1"), List.of()));
    }

    @Test
    void cannotSendAnEmptyOrOversizedBatch() {
        fixture.given(TRACKED)
                .when(batch())
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_INPUT, "values"));
        RecordIndicatorValueCommand[] many = new RecordIndicatorValueCommand[RecordIndicatorValuesCommand.MAX_VALUES + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = record("v" + i, "1.1", IndicatorValue.percentage(BigDecimal.ONE));
        }
        fixture.given(TRACKED)
                .when(batch(many))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_INPUT, "values"));
    }

    @Test
    void tracksAUnitAgainstTheLatestVersion() {
        fixture.givenNoPriorActivity()
                .when(new TrackUnitCommand("30049", SET, "dbscl", null))
                .expectEvents(TRACKED);
    }

    @Test
    void cannotTrackAnUnknownUnit() {
        fixture.givenNoPriorActivity()
                .when(new TrackUnitCommand("99999", SET, null, null))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.UNKNOWN_UNIT, "unitCode"));
    }

    @Test
    void cannotTrackAgainstAnUnknownSet() {
        fixture.givenNoPriorActivity()
                .when(new TrackUnitCommand("30049", "no-such-set", null, null))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.UNKNOWN_CRITERIA_SET, "setId"));
    }

    @Test
    void cannotTrackADistrictAgainstACommuneSet() {
        fixture.givenNoPriorActivity()
                .when(new TrackUnitCommand("872", SET, null, null))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.UNIT_LEVEL_MISMATCH, "setId"));
    }

    @Test
    void cannotTrackInARegionTheSetDoesNotKnow() {
        fixture.givenNoPriorActivity()
                .when(new TrackUnitCommand("30049", SET, "atlantis", null))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.OUT_OF_RANGE, "region"));
    }

    @Test
    void recordingAValueJudgesTheIndicatorItsCriterionAndTheStandingWithTheirExplanation() {
        IndicatorValue value = IndicatorValue.percentage(new BigDecimal("71.32"));
        fixture.given(TRACKED)
                .when(record("v1", "1.1", value))
                .expectEvents(
                        recorded("v1", "1", "1.1", value),
                        new IndicatorJudgedEvent(ID, "30049", SET, 1, "dbscl", "1", "1.1", Judgment.NOT_MET,
                                JudgmentBasis.COMPUTED, null, new BigDecimal("85"), null, new BigDecimal("71.32"),
                                List.of("v1"), null, "v1"),
                        new CriterionJudgedEvent(ID, "30049", SET, 1, "1", Judgment.NOT_MET, 0, 3, List.of("1.1"),
                                List.of("1.2", "1.3"), "v1"),
                        new StandingComputedEvent(ID, "30049", SET, 1, Judgment.NOT_MET, 0, 5, List.of("1"),
                                List.of("2", "3", "4", "5"), "v1"));
    }

    @Test
    void theStandingCountsCriteriaMet() {
        fixture.given(TRACKED,
                        recorded("a", "2", "2.1", IndicatorValue.count(1)),
                        new CriterionJudgedEvent(ID, "30049", SET, 1, "2", Judgment.NOT_ASSESSED, 1, 2, List.of(),
                                List.of("2.2"), "a"))
                .when(record("b", "2.2", IndicatorValue.amount(new BigDecimal("80"))))
                .expectEventsMatching(payloadsMatching(
                        listWithAllOf(
                                matches(p -> p instanceof StandingComputedEvent s
                                        && s.criteriaMet() == 1 && s.criteriaTotal() == 5
                                        && s.result() == Judgment.NOT_ASSESSED
                                        && s.notAssessedCriteria().equals(List.of("1", "3", "4", "5"))))));
    }

    @Test
    void aRegionalThresholdIsAppliedAndNamedInTheJudgment() {
        UnitTrackedEvent mountain = new UnitTrackedEvent(ID, "30049", SET, 1, "tdmnpb", null);
        fixture.given(mountain)
                .when(record("v1", "5.1", IndicatorValue.percentage(new BigDecimal("65"))))
                .expectEventsMatching(payloadsMatching(
                        listWithAllOf(
                                matches(p -> p instanceof IndicatorJudgedEvent j
                                        && j.result() == Judgment.MET && "tdmnpb".equals(j.region())
                                        && j.threshold().compareTo(new BigDecimal("60")) == 0))));
    }

    @Test
    void cannotRecordAValueOfTheWrongKind() {
        fixture.given(TRACKED)
                .when(record("v1", "1.1", IndicatorValue.count(3)))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.WRONG_VALUE_KIND, "value.kind"));
    }

    @Test
    void cannotRecordAPercentageAbove100OrBelow0() {
        fixture.given(TRACKED)
                .when(record("v1", "1.1", IndicatorValue.percentage(new BigDecimal("100.01"))))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.OUT_OF_RANGE, "value.percentage"));
        fixture.given(TRACKED)
                .when(record("v1", "1.1", IndicatorValue.percentage(new BigDecimal("-1"))))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.OUT_OF_RANGE, "value.percentage"));
    }

    @Test
    void cannotRecordAnImpossibleRatio() {
        fixture.given(TRACKED)
                .when(record("v1", "1.3", IndicatorValue.ratio(new BigDecimal("1433"), new BigDecimal("1432"))))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.IMPOSSIBLE_RATIO, "value.numerator"));
        fixture.given(TRACKED)
                .when(record("v1", "1.3", IndicatorValue.ratio(BigDecimal.ONE, BigDecimal.ZERO)))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.IMPOSSIBLE_RATIO, "value.denominator"));
    }

    @Test
    void cannotRecordMoreSubIndicatorsThanTheSetHas() {
        fixture.given(TRACKED)
                .when(record("v1", "3.3", IndicatorValue.subIndicators(10, 30)))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.OUT_OF_RANGE, "value.of"));
        fixture.given(TRACKED)
                .when(record("v1", "3.3", IndicatorValue.subIndicators(28, 27)))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.IMPOSSIBLE_RATIO, "value.met"));
    }

    @Test
    void cannotRecordALevelNotOnTheScale() {
        fixture.given(TRACKED)
                .when(record("v1", "3.2", IndicatorValue.level("level 9")))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.OUT_OF_RANGE, "value.level"));
    }

    @Test
    void cannotRecordForAFuturePeriod() {
        fixture.given(TRACKED)
                .when(new RecordIndicatorValueCommand(ID, "v1", "1.1", IndicatorValue.percentage(BigDecimal.TEN),
                        Period.on(TestSets.TODAY.plusDays(1)), null, List.of(), null, List.of()))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.FUTURE_DATE, "period.start"));
    }

    @Test
    void cannotRecordAnUnknownIndicator() {
        fixture.given(TRACKED)
                .when(record("v1", "17.7", IndicatorValue.percentage(BigDecimal.TEN)))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.UNKNOWN_INDICATOR, "indicatorCode"));
    }

    @Test
    void cannotReuseAnEntryId() {
        fixture.given(TRACKED, recorded("v1", "1", "1.1", IndicatorValue.percentage(BigDecimal.TEN)))
                .when(record("v1", "1.1", IndicatorValue.percentage(BigDecimal.ONE)))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.ALREADY_EXISTS, "valueId"));
    }

    @Test
    void aCorrectionNamesTheCorrectedValueAndReplacesIt() {
        IndicatorValue wrong = IndicatorValue.percentage(new BigDecimal("71.32"));
        IndicatorValue right = IndicatorValue.ratio(new BigDecimal("900"), new BigDecimal("1000"));
        fixture.given(TRACKED, recorded("v1", "1", "1.1", wrong))
                .when(new CorrectIndicatorValueCommand(ID, "v2", "v1", "1.1", "typo in the report", right, null, null,
                        List.of(), null, List.of()))
                .expectEventsMatching(payloadsMatching(
                        exactSequenceOf(
                                matches(p -> p.equals(
                                        new IndicatorValueCorrectedEvent(ID, "30049", SET, "v2", "v1",
                                                "typo in the report", "1", "1.1", right, JAN, null, List.of(), null,
                                                List.of()))),
                                matches(p -> p instanceof IndicatorJudgedEvent j
                                        && j.result() == Judgment.MET && j.valueIdsUsed().equals(List.of("v2"))
                                        && j.measured().compareTo(new BigDecimal("90")) == 0),
                                matches(p -> p instanceof CriterionJudgedEvent),
                                matches(p -> p instanceof StandingComputedEvent),
                                andNoMore())));
    }

    @Test
    void cannotCorrectAValueTwice() {
        fixture.given(TRACKED, recorded("v1", "1", "1.1", IndicatorValue.percentage(BigDecimal.TEN)),
                        new IndicatorValueCorrectedEvent(ID, "30049", SET, "v2", "v1", "r", "1", "1.1",
                                IndicatorValue.percentage(BigDecimal.ONE), JAN, null, List.of(), null, List.of()))
                .when(new CorrectIndicatorValueCommand(ID, "v3", "v1", "1.1", "again", IndicatorValue.percentage(BigDecimal.ONE),
                        null, null, List.of(), null, List.of()))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.ALREADY_CORRECTED, "correctsValueId"));
    }

    @Test
    void cannotCorrectAnUnknownValueOrWithoutAReason() {
        fixture.given(TRACKED)
                .when(new CorrectIndicatorValueCommand(ID, "v2", "nope", "1.1", "r", IndicatorValue.percentage(BigDecimal.ONE),
                        null, null, List.of(), null, List.of()))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.UNKNOWN_VALUE, "correctsValueId"));
        fixture.given(TRACKED, recorded("v1", "1", "1.1", IndicatorValue.percentage(BigDecimal.TEN)))
                .when(new CorrectIndicatorValueCommand(ID, "v2", "v1", "1.1", " ", IndicatorValue.percentage(BigDecimal.ONE),
                        null, null, List.of(), null, List.of()))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_INPUT, "reason"));
    }

    @Test
    void markingNotAssessedMakesTheIndicatorNotAssessed() {
        fixture.given(TRACKED, recorded("v1", "2", "2.2", IndicatorValue.amount(new BigDecimal("80"))))
                .when(new MarkIndicatorNotAssessedCommand(ID, "m1", "2.2", Period.on(LocalDate.of(2024, 6, 1)),
                        "chưa có đánh giá thu nhập năm 2024", List.of()))
                .expectEventsMatching(payloadsMatching(
                        exactSequenceOf(
                                matches(p -> p instanceof IndicatorMarkedNotAssessedEvent m
                                        && m.reason().equals("chưa có đánh giá thu nhập năm 2024")),
                                matches(p -> p instanceof IndicatorJudgedEvent j
                                        && j.result() == Judgment.NOT_ASSESSED
                                        && j.basis() == JudgmentBasis.MARKED_NOT_ASSESSED),
                                matches(p -> p instanceof CriterionJudgedEvent c
                                        && c.result() == Judgment.NOT_ASSESSED),
                                matches(p -> p instanceof StandingComputedEvent),
                                andNoMore())));
    }

    @Test
    void aDecisionJudgesAnIndicatorWithoutAVerifiedThreshold() {
        fixture.given(TRACKED)
                .when(new RecordIndicatorDecisionCommand(ID, "d1", "4.1", Judgment.MET, JAN, "UBND huyện Tháp Mười",
                        List.of(TestSets.PLAN), "§A.I"))
                .expectEventsMatching(payloadsMatching(
                        exactSequenceOf(
                                matches(p -> p.equals(
                                        new IndicatorDecisionRecordedEvent(ID, "30049", SET, "d1", "4", "4.1",
                                                Judgment.MET, JAN, "UBND huyện Tháp Mười", List.of(TestSets.PLAN), "§A.I"))),
                                matches(p -> p instanceof IndicatorJudgedEvent j
                                        && j.result() == Judgment.MET && j.basis() == JudgmentBasis.HUMAN_DECISION
                                        && "d1".equals(j.decisionId())),
                                matches(p -> p instanceof CriterionJudgedEvent c
                                        && c.result() == Judgment.MET),
                                matches(p -> p instanceof StandingComputedEvent s
                                        && s.criteriaMet() == 1),
                                andNoMore())));
    }

    @Test
    void aDecisionNeedsItsBasisAndIsMetOrNotMet() {
        fixture.given(TRACKED)
                .when(new RecordIndicatorDecisionCommand(ID, "d1", "4.1", Judgment.MET, JAN, "UBND", List.of(), null))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_INPUT, "basis"));
        fixture.given(TRACKED)
                .when(new RecordIndicatorDecisionCommand(ID, "d1", "4.1", Judgment.NOT_ASSESSED, JAN, "UBND",
                        List.of(TestSets.PLAN), null))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_INPUT, "result"));
    }

    @Test
    void theOutcomeReturnedIsWhatWasRecorded() {
        fixture.given(TRACKED)
                .when(record("v1", "2.1", IndicatorValue.count(2)))
                .expectResultMessagePayloadMatching(matches(p -> {
                    ScorecardOutcome outcome = (ScorecardOutcome) p;
                    return outcome.entryId().equals("v1") && outcome.indicator().result() == Judgment.MET
                            && outcome.criterion().result() == Judgment.NOT_ASSESSED
                            && outcome.standing().criteriaMet() == 0;
                }));
    }

    /** Version 2 of the test set: indicator 1.1 raised from 85 % to 90 %, effective from the given date. */
    private static CriteriaSetDefinition raised(LocalDate effectiveFrom) {
        CriteriaSetDefinition v1 = TestSets.communeSet();
        List<CriterionDefinition> criteria = v1.criteria().stream().map(c -> !c.code().equals("1") ? c
                : new CriterionDefinition(c.code(), c.name(), c.group(), c.provenance(), c.indicators().stream()
                        .map(i -> !i.code().equals("1.1") ? i : TestSets.indicator("1.1",
                                TestSets.requirement(RequirementKind.PERCENT_AT_LEAST, "90")))
                        .toList())).toList();
        return new CriteriaSetDefinition(v1.id(), 2, v1.title(), v1.level(), v1.grade(), v1.phase(), AMENDING,
                effectiveFrom, v1.baseSetId(), v1.provinceCode(), v1.provenance(), criteria);
    }

    private static final LegalBasis AMENDING = new LegalBasis("2/QĐ-TEST", LocalDate.of(2024, 5, 20), "Test issuer",
            null);

    private void withVersions(CriteriaSetDefinition... versions) {
        fixture = new AggregateTestFixture<>(Scorecard.class);
        InMemoryCatalog catalog = new InMemoryCatalog().with(TestSets.communeSet());
        for (CriteriaSetDefinition version : versions) {
            catalog.with(version);
        }
        fixture.registerInjectableResource(units);
        fixture.registerInjectableResource(catalog);
        fixture.registerInjectableResource(TestSets.CLOCK);
    }

    @Test
    void adoptingAnAmendmentRejudgesWhatItChangedNamingItAsCause() {
        LocalDate effective = LocalDate.of(2024, 6, 1);
        withVersions(raised(effective));
        IndicatorValue value = IndicatorValue.percentage(new BigDecimal("86"));
        String cause = TestSets.SET + "@v2";
        fixture.given(TRACKED, recorded("v1", "1", "1.1", value))
                .when(new AdoptCriteriaSetVersionCommand(ID, 2))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches(e -> e.equals(new CriteriaSetVersionAdoptedEvent(ID, "30049", SET, 1, 2, effective,
                                AMENDING, List.of("1.1")))),
                        matches(e -> e instanceof IndicatorJudgedEvent j && j.setVersion() == 2
                                && j.indicatorCode().equals("1.1") && j.result() == Judgment.NOT_MET
                                && j.threshold().compareTo(new BigDecimal("90")) == 0
                                && j.measured().compareTo(new BigDecimal("86")) == 0
                                && j.valueIdsUsed().equals(List.of("v1")) && j.causeId().equals(cause)),
                        matches(e -> e instanceof CriterionJudgedEvent c && c.criterionCode().equals("1")
                                && c.causeId().equals(cause)),
                        matches(e -> e instanceof StandingComputedEvent st && st.setVersion() == 2
                                && st.causeId().equals(cause)),
                        andNoMore())));
    }

    @Test
    void adoptingAVersionAlreadyAdoptedDoesNothing() {
        withVersions(raised(LocalDate.of(2024, 6, 1)));
        fixture.given(TRACKED, new CriteriaSetVersionAdoptedEvent(ID, "30049", SET, 1, 2, LocalDate.of(2024, 6, 1),
                        AMENDING, List.of("1.1")))
                .when(new AdoptCriteriaSetVersionCommand(ID, 2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aVersionEffectiveLaterIsNotAdoptedYet() {
        withVersions(raised(LocalDate.of(2024, 7, 1)));
        fixture.given(TRACKED)
                .when(new AdoptCriteriaSetVersionCommand(ID, 2))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.NOT_YET_EFFECTIVE, "version"));
    }

    @Test
    void anUnknownVersionIsRefused() {
        fixture.given(TRACKED)
                .when(new AdoptCriteriaSetVersionCommand(ID, 7))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.UNKNOWN_CRITERIA_SET_VERSION, "version"));
    }

    @Test
    void afterAdoptionNewValuesAreJudgedByTheAdoptedVersion() {
        withVersions(raised(LocalDate.of(2024, 6, 1)));
        IndicatorValue value = IndicatorValue.percentage(new BigDecimal("88"));
        fixture.given(TRACKED, new CriteriaSetVersionAdoptedEvent(ID, "30049", SET, 1, 2, LocalDate.of(2024, 6, 1),
                        AMENDING, List.of("1.1")))
                .when(record("v2", "1.1", value))
                .expectEventsMatching(payloadsMatching(listWithAllOf(
                        matches(e -> e instanceof IndicatorJudgedEvent j && j.setVersion() == 2
                                && j.result() == Judgment.NOT_MET
                                && j.threshold().compareTo(new BigDecimal("90")) == 0))));
    }

    // --- amendments that change the structure: indicators added, removed, split, given another kind ---

    /**
     * Version 2 with a new structure: 1.2 removed, 1.3 split into 1.3a and 1.3b (new codes, no threshold), 3.1 an
     * achieved-or-not indicator become a ratio without a threshold.
     */
    private static CriteriaSetDefinition restructured(LocalDate effectiveFrom) {
        CriteriaSetDefinition v1 = TestSets.communeSet();
        List<CriterionDefinition> criteria = v1.criteria().stream().map(c -> switch (c.code()) {
            case "1" -> new CriterionDefinition("1", c.name(), null, null, List.of(c.indicators().get(0),
                    TestSets.indicator("1.3a", TestSets.requirement(RequirementKind.RATIO_AT_LEAST, null)),
                    TestSets.indicator("1.3b", TestSets.requirement(RequirementKind.RATIO_AT_LEAST, null))));
            case "3" -> new CriterionDefinition("3", c.name(), null, null, List.of(
                    TestSets.indicator("3.1", TestSets.requirement(RequirementKind.RATIO_AT_LEAST, null)),
                    c.indicators().get(1), c.indicators().get(2)));
            default -> c;
        }).toList();
        return new CriteriaSetDefinition(v1.id(), 2, v1.title(), v1.level(), v1.grade(), v1.phase(), AMENDING,
                effectiveFrom, v1.baseSetId(), v1.provinceCode(), v1.provenance(), criteria);
    }

    @Test
    void adoptingARestructuredVersionJudgesEveryIndicatorItAddedOrChangedAndEveryCriterionThatLostOne() {
        LocalDate effective = LocalDate.of(2024, 6, 1);
        withVersions(restructured(effective));
        String cause = TestSets.SET + "@v2";
        IndicatorValue road = IndicatorValue.ratio(new BigDecimal("15.2"), new BigDecimal("21.0"));
        fixture.given(TRACKED, recorded("v1", "1", "1.1", IndicatorValue.percentage(new BigDecimal("86"))),
                        recorded("v2", "1", "1.3", road), recorded("v3", "3", "3.1", IndicatorValue.achieved(true)))
                .when(new AdoptCriteriaSetVersionCommand(ID, 2))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches(e -> e.equals(new CriteriaSetVersionAdoptedEvent(ID, "30049", SET, 1, 2, effective,
                                AMENDING, List.of("1.3a", "1.3b", "3.1"), List.of("1.2", "1.3")))),
                        // the parts of the split start without data: 1.3's 15.2/21.0 is not carried to them
                        matches(e -> e instanceof IndicatorJudgedEvent j && j.indicatorCode().equals("1.3a")
                                && j.result() == Judgment.NOT_ASSESSED && j.basis() == JudgmentBasis.NO_DATA
                                && j.valueIdsUsed().isEmpty() && j.setVersion() == 2 && j.causeId().equals(cause)),
                        matches(e -> e instanceof IndicatorJudgedEvent j && j.indicatorCode().equals("1.3b")
                                && j.basis() == JudgmentBasis.NO_DATA && j.causeId().equals(cause)),
                        matches(e -> e instanceof CriterionJudgedEvent c && c.criterionCode().equals("1")
                                && c.indicatorsTotal() == 3 && c.indicatorsMet() == 1
                                && c.notAssessedIndicators().equals(List.of("1.3a", "1.3b"))
                                && c.causeId().equals(cause)),
                        // an achieved-or-not value is not judged as a ratio: no value of the new kind yet
                        matches(e -> e instanceof IndicatorJudgedEvent j && j.indicatorCode().equals("3.1")
                                && j.result() == Judgment.NOT_ASSESSED && j.basis() == JudgmentBasis.NO_DATA
                                && j.measured() == null && j.causeId().equals(cause)),
                        matches(e -> e instanceof CriterionJudgedEvent c && c.criterionCode().equals("3")
                                && c.causeId().equals(cause)),
                        matches(e -> e instanceof StandingComputedEvent st && st.setVersion() == 2
                                && st.causeId().equals(cause)),
                        andNoMore())));
    }

    @Test
    void aRemovalAloneJudgesItsCriterionAgain() {
        LocalDate effective = LocalDate.of(2024, 6, 1);
        CriteriaSetDefinition v1 = TestSets.communeSet();
        List<CriterionDefinition> criteria = v1.criteria().stream().map(c -> !c.code().equals("1") ? c
                : new CriterionDefinition("1", c.name(), null, null,
                        List.of(c.indicators().get(0), c.indicators().get(2)))).toList();
        withVersions(new CriteriaSetDefinition(v1.id(), 2, v1.title(), v1.level(), v1.grade(), v1.phase(), AMENDING,
                effective, null, null, null, criteria));
        fixture.given(TRACKED, recorded("v1", "1", "1.2", IndicatorValue.percentage(new BigDecimal("9"))))
                .when(new AdoptCriteriaSetVersionCommand(ID, 2))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches(e -> e.equals(new CriteriaSetVersionAdoptedEvent(ID, "30049", SET, 1, 2, effective,
                                AMENDING, List.of(), List.of("1.2")))),
                        // 1.2 was not met (9 % against at most 3 %); without it the criterion is no longer not met
                        matches(e -> e instanceof CriterionJudgedEvent c && c.criterionCode().equals("1")
                                && c.indicatorsTotal() == 2 && c.result() == Judgment.NOT_ASSESSED
                                && c.unmetIndicators().isEmpty()),
                        matches(e -> e instanceof StandingComputedEvent),
                        andNoMore())));
    }

    @Test
    void afterARestructuringTheOldCodesTakeNoValueAndTheNewKindTakesItsOwn() {
        withVersions(restructured(LocalDate.of(2024, 6, 1)));
        CriteriaSetVersionAdoptedEvent adopted = new CriteriaSetVersionAdoptedEvent(ID, "30049", SET, 1, 2,
                LocalDate.of(2024, 6, 1), AMENDING, List.of("1.3a", "1.3b", "3.1"), List.of("1.2", "1.3"));
        fixture.given(TRACKED, adopted)
                .when(record("v9", "1.3", IndicatorValue.ratio(BigDecimal.ONE, BigDecimal.TEN)))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.UNKNOWN_INDICATOR, "indicatorCode"));
        fixture.given(TRACKED, adopted)
                .when(record("v9", "3.1", IndicatorValue.achieved(true)))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.WRONG_VALUE_KIND, "value.kind"));
        fixture.given(TRACKED, adopted)
                .when(record("v9", "3.1", IndicatorValue.ratio(new BigDecimal("15.2"), new BigDecimal("21.0"))))
                .expectEventsMatching(payloadsMatching(listWithAllOf(
                        matches(e -> e instanceof IndicatorJudgedEvent j && j.indicatorCode().equals("3.1")
                                && j.result() == Judgment.NOT_ASSESSED && j.basis() == JudgmentBasis.AWAITING_DECISION
                                && j.measured().compareTo(new BigDecimal("72.381")) == 0))));
    }

    // --- a ceased unit takes no fact about days from its cessation on (Tân Kiều, merged into Đốc Binh Kiều) ---

    private static final LocalDate CEASED_ON = LocalDate.of(2024, 4, 1);
    private static final Period MAY = new Period(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31));
    private static final Period ACROSS = new Period(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 30));
    private static final IndicatorValue TEN = IndicatorValue.percentage(BigDecimal.TEN);

    private void tanKieuCeased() {
        units.with("30061", "Đốc Binh Kiều", UnitKind.COMMUNE, "872").ceased("30049", CEASED_ON, "30061");
    }

    private static RecordIndicatorValueCommand recordFor(String valueId, Period period) {
        return new RecordIndicatorValueCommand(ID, valueId, "1.1", TEN, period, null, List.of(), null, List.of());
    }

    @Test
    void cannotRecordAValueOfACeasedUnitForAPeriodThatDoesNotEndBeforeItCeased() {
        tanKieuCeased();
        fixture.given(TRACKED)
                .when(recordFor("v1", MAY))
                .expectNoEvents()
                .expectException(Rejected.saying(RejectionCode.UNIT_CEASED, "period", "30049 Tân Kiều",
                        "ceased on 2024-04-01", "merged into 30061 Đốc Binh Kiều", "2024-05-01 to 2024-05-31",
                        "Record it for 30061 Đốc Binh Kiều instead", "days before 2024-04-01 are still accepted"));
        fixture.given(TRACKED)
                .when(recordFor("v1", ACROSS))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.UNIT_CEASED, "period"));
        fixture.given(TRACKED)
                .when(recordFor("v1", Period.on(CEASED_ON)))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.UNIT_CEASED, "period"));
    }

    @Test
    void aCeasedUnitStillTakesALateValueAboutDaysBeforeItCeased() {
        tanKieuCeased();
        fixture.given(TRACKED)
                .when(recordFor("v1", new Period(LocalDate.of(2024, 1, 1), CEASED_ON.minusDays(1))))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(listWithAllOf(
                        matches(e -> e instanceof IndicatorValueRecordedEvent v && v.valueId().equals("v1")))));
    }

    @Test
    void aCorrectionCannotMoveAValueOfACeasedUnitPastItsCessation() {
        tanKieuCeased();
        fixture.given(TRACKED, recorded("v1", "1", "1.1", TEN))
                .when(new CorrectIndicatorValueCommand(ID, "v2", "v1", "1.1", "wrong period", TEN, MAY, null,
                        List.of(), null, List.of()))
                .expectNoEvents()
                .expectException(Rejected.saying(RejectionCode.UNIT_CEASED, "period", "correction for 2024-05-01"));
        // a correction that keeps the value's period (January) is a fact about January: accepted
        fixture.given(TRACKED, recorded("v1", "1", "1.1", TEN))
                .when(new CorrectIndicatorValueCommand(ID, "v2", "v1", "1.1", "misread", IndicatorValue.percentage(
                        BigDecimal.ONE), null, null, List.of(), null, List.of()))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(listWithAllOf(
                        matches(e -> e instanceof IndicatorValueCorrectedEvent c && c.period().equals(JAN)))));
    }

    @Test
    void cannotMarkNotAssessedOrDecideForACeasedUnitPastItsCessation() {
        tanKieuCeased();
        fixture.given(TRACKED)
                .when(new MarkIndicatorNotAssessedCommand(ID, "m1", "1.1", MAY, "no data", List.of()))
                .expectNoEvents()
                .expectException(Rejected.saying(RejectionCode.UNIT_CEASED, "period", "not-assessed mark"));
        fixture.given(TRACKED)
                .when(new RecordIndicatorDecisionCommand(ID, "d1", "1.1", Judgment.MET, MAY, "UBND huyện",
                        List.of(TestSets.PLAN), null))
                .expectNoEvents()
                .expectException(Rejected.saying(RejectionCode.UNIT_CEASED, "period", "decision"));
        fixture.given(TRACKED)
                .when(new RecordIndicatorDecisionCommand(ID, "d1", "1.1", Judgment.MET, JAN, "UBND huyện",
                        List.of(TestSets.PLAN), null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aBatchRejectsTheValuesOfACeasedUnitPastItsCessationAloneAndRecordsTheRest() {
        tanKieuCeased();
        fixture.given(TRACKED)
                .when(batch(recordFor("v1", JAN), recordFor("v2", MAY)))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches(p -> p instanceof IndicatorValueRecordedEvent v && v.valueId().equals("v1")),
                        matches(p -> p instanceof IndicatorJudgedEvent),
                        matches(p -> p instanceof CriterionJudgedEvent),
                        matches(p -> p instanceof StandingComputedEvent),
                        andNoMore())))
                .expectResultMessagePayloadMatching(matches(p -> p instanceof ValuesOutcome o
                        && o.recorded().equals(List.of("v1")) && o.rejected().size() == 1
                        && o.rejected().get(0).index() == 1
                        && o.rejected().get(0).code() == RejectionCode.UNIT_CEASED
                        && o.rejected().get(0).message().contains("merged into 30061 Đốc Binh Kiều")));
    }

    @Test
    void aUnitAbolishedWithoutSuccessorSaysSo() {
        units.ceased("30049", CEASED_ON);
        fixture.given(TRACKED)
                .when(recordFor("v1", MAY))
                .expectNoEvents()
                .expectException(Rejected.saying(RejectionCode.UNIT_CEASED, "period",
                        "abolished without a successor", "Facts about days before 2024-04-01 are still accepted"));
    }

    @Test
    void cannotTrackACeasedUnitAndIsToldItsSuccessor() {
        tanKieuCeased();
        fixture.givenNoPriorActivity()
                .when(new TrackUnitCommand("30049", SET, "dbscl", null))
                .expectNoEvents()
                .expectException(Rejected.saying(RejectionCode.UNIT_CEASED, "unitCode",
                        "merged into 30061 Đốc Binh Kiều"));
    }

    // --- a province's variant rates only its province's units; the region agrees with the unit's province ---

    private static final String VARIANT_ID = ScorecardId.of("30049", TestSets.VARIANT);
    /** A test document standing for the decision that lists a commune as special-difficulty. */
    private static final DocumentRef LISTING = new DocumentRef("TEST-ĐBKK/QĐ", LocalDate.of(2021, 6, 4),
            "Test issuer", "Danh sách xã đặc biệt khó khăn (test)");

    private void camNgoc() {
        units.with("38", "Thanh Hóa", UnitKind.PROVINCE, null)
                .with("390", "Cẩm Thủy", UnitKind.DISTRICT, "38")
                .with("15169", "Cẩm Ngọc", UnitKind.COMMUNE, "390");
    }

    @Test
    void aProvincesVariantTracksOnlyUnitsOfThatProvince() {
        camNgoc();
        fixture.givenNoPriorActivity()
                .when(new TrackUnitCommand("15169", TestSets.VARIANT, null, null))
                .expectNoEvents()
                .expectException(Rejected.saying(RejectionCode.OUTSIDE_SET_PROVINCE, "setId",
                        "province 87 Đồng Tháp", "unit 15169 Cẩm Ngọc lies in province 38 Thanh Hóa",
                        "national set " + SET));
        fixture.givenNoPriorActivity()
                .when(new TrackUnitCommand("30049", TestSets.VARIANT, "dbscl", null))
                .expectEvents(new UnitTrackedEvent(VARIANT_ID, "30049", TestSets.VARIANT, 1, "dbscl", null));
    }

    @Test
    void aCommuneMovedUnderANewProvinceStillLiesInTheProvinceItLayInBefore() {
        // 1 July 2025: Đốc Binh Kiều under the new Đồng Tháp (82), its district 872 abolished
        units.with("82", "Đồng Tháp", UnitKind.PROVINCE, null)
                .moved("30061", "Đốc Binh Kiều", UnitKind.COMMUNE, "82", "872");
        fixture.givenNoPriorActivity()
                .when(new TrackUnitCommand("30061", TestSets.VARIANT, "dbscl", null))
                .expectEvents(new UnitTrackedEvent(ScorecardId.of("30061", TestSets.VARIANT), "30061",
                        TestSets.VARIANT, 1, "dbscl", null));
        fixture.givenNoPriorActivity()
                .when(new TrackUnitCommand("30061", TestSets.VARIANT, "btb", null))
                .expectNoEvents()
                .expectException(Rejected.saying(RejectionCode.REGION_MISMATCH, "region", "87 Đồng Tháp",
                        "region dbscl"));
    }

    @Test
    void theRegionGivenMustBeThatOfTheUnitsProvince() {
        fixture.givenNoPriorActivity()
                .when(new TrackUnitCommand("30049", SET, "btb", null))
                .expectNoEvents()
                .expectException(Rejected.saying(RejectionCode.REGION_MISMATCH, "region",
                        "unit 30049 Tân Kiều is not in region btb", "province 87 Đồng Tháp is in region dbscl",
                        "source: catalog"));
        camNgoc();
        fixture.givenNoPriorActivity()
                .when(new TrackUnitCommand("15169", SET, "dbscl", null))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.REGION_MISMATCH, "region"));
        fixture.givenNoPriorActivity()
                .when(new TrackUnitCommand("15169", SET, "btb", null))
                .expectEvents(new UnitTrackedEvent(ScorecardId.of("15169", SET), "15169", SET, 1, "btb", null));
    }

    @Test
    void aSpecialDifficultyCommuneUsesTheNorthernMountainThresholdsOnlyWithTheDecisionListingIt() {
        fixture.givenNoPriorActivity()
                .when(new TrackUnitCommand("30049", SET, "tdmnpb", null))
                .expectNoEvents()
                .expectException(Rejected.saying(RejectionCode.REGION_MISMATCH, "region", "region dbscl",
                        "special-difficulty commune", "regionBasis"));
        fixture.givenNoPriorActivity()
                .when(new TrackUnitCommand("30049", SET, "tdmnpb", null, LISTING))
                .expectEvents(new UnitTrackedEvent(ID, "30049", SET, 1, "tdmnpb", null, LISTING));
        // a basis is for tdmnpb alone, and states a document
        fixture.givenNoPriorActivity()
                .when(new TrackUnitCommand("30049", SET, "dbscl", null, LISTING))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_INPUT, "regionBasis"));
        fixture.givenNoPriorActivity()
                .when(new TrackUnitCommand("30049", SET, null, null, LISTING))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_INPUT, "regionBasis"));
        fixture.givenNoPriorActivity()
                .when(new TrackUnitCommand("30049", SET, "tdmnpb", null, new DocumentRef(" ", null, null, null)))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_INPUT, "regionBasis.number"));
    }

    @Test
    void noRegionIsCheckedForAProvinceTheReferenceDataDoesNotList() {
        units.with("82", "Tiền Giang", UnitKind.PROVINCE, null)
                .with("815", "Cái Bè", UnitKind.DISTRICT, "82")
                .with("28516", "Hậu Mỹ Bắc A", UnitKind.COMMUNE, "815");
        fixture.givenNoPriorActivity()
                .when(new TrackUnitCommand("28516", SET, "tdmnpb", null))
                .expectEvents(new UnitTrackedEvent(ScorecardId.of("28516", SET), "28516", SET, 1, "tdmnpb", null));
    }

    @Test
    void aProvinceCodeKeptByAMergedProvinceSaysNothingOfTheRegionOfCommunesPlacedDirectlyUnderIt() {
        // since 1 July 2025 code 24 (Bắc Giang's) is the new Bắc Ninh's; a commune of the old Bắc Ninh (27) now sits
        // directly under it: Bắc Giang's tdmnpb does not apply to it, and no source gives Bắc Ninh's region
        units.with("24", "Bắc Ninh", UnitKind.PROVINCE, null)
                .with("27", "Bắc Ninh", UnitKind.PROVINCE, null)
                .with("258", "Yên Phong", UnitKind.DISTRICT, "27")
                .moved("09196", "Dũng Liệt", UnitKind.COMMUNE, "24", "258");
        fixture.givenNoPriorActivity()
                .when(new TrackUnitCommand("09196", SET, "dbsh", null))
                .expectEvents(new UnitTrackedEvent(ScorecardId.of("09196", SET), "09196", SET, 1, "dbsh", null));
    }

    // --- a number keeps the scale it was entered with; judging compares values ---

    @Test
    void aValueIsRecordedWithTheScaleItWasEnteredWithAndJudgedByItsValue() {
        IndicatorValue road = IndicatorValue.ratio(new BigDecimal("15.20"), new BigDecimal("21.0"));
        fixture.given(TRACKED)
                .when(record("v1", "1.3", road))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches(e -> e instanceof IndicatorValueRecordedEvent v
                                && v.value().numerator().toString().equals("15.20")
                                && v.value().denominator().toString().equals("21.0")
                                && v.value().display().equals("15.20/21.0 (72.38%)")),
                        matches(e -> e instanceof IndicatorJudgedEvent j && j.result() == Judgment.MET
                                && j.measured().compareTo(new BigDecimal("72.381")) == 0),
                        matches(e -> e instanceof CriterionJudgedEvent),
                        matches(e -> e instanceof StandingComputedEvent),
                        andNoMore())));
        // 85.0% meets "at least 85": compared by value, not by how it is written
        fixture.given(TRACKED)
                .when(record("v1", "1.1", IndicatorValue.percentage(new BigDecimal("85.0"))))
                .expectEventsMatching(payloadsMatching(listWithAllOf(
                        matches(e -> e instanceof IndicatorValueRecordedEvent v
                                && v.value().percentage().toString().equals("85.0")),
                        matches(e -> e instanceof IndicatorJudgedEvent j && j.result() == Judgment.MET))));
    }

    @Test
    void aNumberWrittenWithMoreThanSixDecimalPlacesIsRefusedAndAnExponentIsWrittenOut() {
        fixture.given(TRACKED)
                .when(record("v1", "1.1", IndicatorValue.percentage(new BigDecimal("50.0000000"))))
                .expectNoEvents()
                .expectException(Rejected.saying(RejectionCode.OUT_OF_RANGE, "value.percentage",
                        "50.0000000 has more than 6 decimal places"));
        fixture.given(TRACKED)
                .when(record("v1", "1.1", IndicatorValue.percentage(new BigDecimal("8.6E+1"))))
                .expectEventsMatching(payloadsMatching(listWithAllOf(
                        matches(e -> e instanceof IndicatorValueRecordedEvent v
                                && v.value().percentage().toString().equals("86")))));
    }
}
