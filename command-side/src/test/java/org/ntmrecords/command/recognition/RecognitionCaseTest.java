package org.ntmrecords.command.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.ntmrecords.events.criteria.RecognitionRules;
import org.ntmrecords.events.recognition.BodyComment;
import org.ntmrecords.events.recognition.ConditionJudgment;
import org.ntmrecords.events.scorecard.Judgment;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.support.InMemoryCatalog;
import org.ntmrecords.command.support.InMemoryUnitDirectory;
import org.ntmrecords.command.support.Rejected;
import org.ntmrecords.command.support.TestSets;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.Grade;
import org.ntmrecords.events.criteria.RecognitionRules;
import org.ntmrecords.events.criteria.RecognitionRules.ValidityRule;
import org.ntmrecords.events.criteria.RecognitionRules.SatisfactionRule;
import org.ntmrecords.events.recognition.AppraisalRecordedEvent;
import org.ntmrecords.events.recognition.CriterionAssessment;
import org.ntmrecords.events.recognition.DossierSubmittedEvent;
import org.ntmrecords.events.recognition.RecognitionAnnouncedEvent;
import org.ntmrecords.events.recognition.RecognitionCaseOpenedEvent;
import org.ntmrecords.events.recognition.RecognitionDecidedEvent;
import org.ntmrecords.events.recognition.RecognitionLapsedEvent;
import org.ntmrecords.events.recognition.RevocationRule;
import org.ntmrecords.events.recognition.SatisfactionSurveyRecordedEvent;
import org.ntmrecords.events.recognition.SelfAssessmentRecordedEvent;
import org.ntmrecords.events.recognition.VerificationRecordedEvent;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.unit.UnitKind;

/** Every step of a recognition case, in order and out of it; the numbers exercise the rules only. */
class RecognitionCaseTest {
    static final String CASE = RecognitionCase.caseId("30049", TestSets.SET, 2024);
    private static final String STREAM = RecognitionCase.streamId(CASE);
    static final List<String> CRITERIA = List.of("1", "2", "3", "4", "5");
    static final Instant KNOWN = Instant.parse("2024-06-01T00:00:00Z");
    static final LocalDate DAY = LocalDate.of(2024, 6, 20);

    static final SatisfactionRule COMMUNE_SATISFACTION = new SatisfactionRule(new BigDecimal("80"), null,
            "test configuration");
    static final RecognitionPolicy POLICY = new RecognitionPolicy(COMMUNE_SATISFACTION, new RevocationRule(
            new BigDecimal("0.5"), new BigDecimal("0.3"), Map.of(TestSets.SET, List.of("2")), "test rule"));
    private static final RecognitionCaseOpenedEvent OPENED = new RecognitionCaseOpenedEvent(CASE, "30049",
            UnitKind.COMMUNE, TestSets.SET, 1, Grade.NTM, 2024, CRITERIA, TestSets.PLAN, false, COMMUNE_SATISFACTION, null);
    private static final List<CriterionAssessment> ALL_MET = CRITERIA.stream()
            .map(c -> new CriterionAssessment(c, Judgment.MET, c.equals("4") ? Judgment.NOT_MET : Judgment.MET, null))
            .toList();
    private static final SelfAssessmentRecordedEvent SELF = new SelfAssessmentRecordedEvent(CASE, 1, ALL_MET, KNOWN,
            List.of());
    private static final SatisfactionSurveyRecordedEvent SURVEY = new SatisfactionSurveyRecordedEvent(CASE,
            "Ủy ban MTTQ xã", DAY, new BigDecimal("92.5"), List.of(), List.of(), List.of(), COMMUNE_SATISFACTION,
            List.of());
    private static final DossierSubmittedEvent SUBMITTED = new DossierSubmittedEvent(CASE, 1, List.of());
    private static final VerificationRecordedEvent FORWARDED = new VerificationRecordedEvent(CASE, 1, ALL_MET, true,
            null, List.of());
    private static final AppraisalRecordedEvent PROPOSED = new AppraisalRecordedEvent(CASE, 1, 9, 1, 1, true, null,
            List.of());
    private static final RecognitionDecidedEvent GRANTED = new RecognitionDecidedEvent(CASE, true, "100/QĐ-TEST", DAY,
            "Chủ tịch", "UBND tỉnh", null, List.of(), null, null, List.of(), null);

    private AggregateTestFixture<RecognitionCase> fixture;
    private InMemoryUnitDirectory units;
    private final InMemoryRecognitionRecords records = new InMemoryRecognitionRecords();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RecognitionCase.class);
        units = new InMemoryUnitDirectory()
                .with("872", "Tháp Mười", UnitKind.DISTRICT, "87")
                .with("30049", "Tân Kiều", UnitKind.COMMUNE, "872")
                .with("30061", "Đốc Binh Kiều", UnitKind.COMMUNE, "872");
        fixture.registerInjectableResource(units);
        fixture.registerInjectableResource(new InMemoryCatalog().with(TestSets.communeSet()).with(validitySet()));
        fixture.registerInjectableResource(TestSets.CLOCK);
        fixture.registerInjectableResource(POLICY);
        fixture.registerInjectableResource(records);
        // the steps are taken through CaseSteps, which loads the case the stream names (here: recognition cases)
        fixture.registerAnnotatedCommandHandler(new CaseSteps(fixture.getRepository(), null));
    }

    private static RecognitionCommands.Decide grant(List<String> unmet, String justification, String supersedes,
                                                    String number) {
        return new RecognitionCommands.Decide(STREAM, true, number, DAY, "Chủ tịch", "UBND tỉnh", null, unmet,
                justification, supersedes, null);
    }

    @Test
    void aCaseOpensForAUnitASetAndAYearWithTheSetsCriteria() {
        fixture.givenNoPriorActivity()
                .when(new RecognitionCommands.OpenCase(STREAM, "30049", TestSets.SET, 2024, TestSets.PLAN, false))
                .expectEvents(OPENED);
    }

    @Test
    void aCaseNeedsARegisteredUnitThatTheSetRatesAndAPlausibleYear() {
        fixture.givenNoPriorActivity()
                .when(new RecognitionCommands.OpenCase(RecognitionCase.streamId("99999@x@2024"), "99999", TestSets.SET, 2024, null, false))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNKNOWN_UNIT, "unitCode"));
        fixture.givenNoPriorActivity()
                .when(new RecognitionCommands.OpenCase(RecognitionCase.streamId("872@" + TestSets.SET + "@2024"), "872",
                        TestSets.SET, 2024, null, false))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNIT_LEVEL_MISMATCH, "setId"));
        fixture.givenNoPriorActivity()
                .when(new RecognitionCommands.OpenCase(RecognitionCase.streamId("30049@" + TestSets.SET + "@1990"), "30049",
                        TestSets.SET, 1990, null, false))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.OUT_OF_RANGE, "year"));
    }

    @Test
    void theStepsFollowEachOtherToAnAnnouncedRecognition() {
        fixture.given(OPENED)
                .when(new RecognitionCommands.SelfAssess(STREAM, ALL_MET, KNOWN, null)).expectEvents(SELF);
        fixture.given(OPENED, SELF)
                .when(new RecognitionCommands.SubmitDossier(STREAM, null)).expectEvents(SUBMITTED);
        fixture.given(OPENED, SELF, SUBMITTED)
                .when(new RecognitionCommands.Verify(STREAM, ALL_MET, true, null, null)).expectEvents(FORWARDED);
        fixture.given(OPENED, SELF, SUBMITTED, FORWARDED)
                .when(new RecognitionCommands.Appraise(STREAM, 9, 1, 1, true, null, null)).expectEvents(PROPOSED);
        fixture.given(OPENED, SELF, SURVEY, SUBMITTED, FORWARDED, PROPOSED)
                .when(grant(List.of(), null, null, "100/QĐ-TEST")).expectEvents(GRANTED);
        fixture.given(OPENED, SELF, SURVEY, SUBMITTED, FORWARDED, PROPOSED, GRANTED)
                .when(new RecognitionCommands.Announce(STREAM, DAY, "Hội trường UBND xã"))
                .expectEvents(new RecognitionAnnouncedEvent(CASE, DAY, "Hội trường UBND xã"));
    }

    @Test
    void stepsOutOfOrderAreRefused() {
        fixture.given(OPENED).when(new RecognitionCommands.SubmitDossier(STREAM, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.OUT_OF_ORDER, "caseId"));
        fixture.given(OPENED, SELF).when(new RecognitionCommands.Verify(STREAM, ALL_MET, true, null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.OUT_OF_ORDER, "caseId"));
        fixture.given(OPENED, SELF, SUBMITTED).when(new RecognitionCommands.Appraise(STREAM, 9, 1, 1, true, null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.OUT_OF_ORDER, "caseId"));
        fixture.given(OPENED, SELF, SURVEY, SUBMITTED, FORWARDED).when(grant(List.of(), null, null, "1/QĐ"))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.OUT_OF_ORDER, "caseId"));
        fixture.given(OPENED, SELF, SURVEY, SUBMITTED, FORWARDED, PROPOSED)
                .when(new RecognitionCommands.Announce(STREAM, DAY, "UBND xã"))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.OUT_OF_ORDER, "caseId"));
    }

    @Test
    void noDecisionBeforeTheSurvey() {
        fixture.given(OPENED, SELF, SUBMITTED, FORWARDED, PROPOSED).when(grant(List.of(), null, null, "1/QĐ"))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "caseId"));
    }

    @Test
    void aReturnedDossierOpensANewRoundAndEveryRoundIsKept() {
        VerificationRecordedEvent returned = new VerificationRecordedEvent(CASE, 1, ALL_MET, false,
                "bổ sung hồ sơ tiêu chí 4", List.of());
        fixture.given(OPENED, SELF, SUBMITTED)
                .when(new RecognitionCommands.Verify(STREAM, ALL_MET, false, "bổ sung hồ sơ tiêu chí 4", null))
                .expectEvents(returned);
        fixture.given(OPENED, SELF, SUBMITTED, returned)
                .when(new RecognitionCommands.SelfAssess(STREAM, ALL_MET, KNOWN, null))
                .expectEvents(new SelfAssessmentRecordedEvent(CASE, 2, ALL_MET, KNOWN, List.of()));
        fixture.given(OPENED, SELF, SUBMITTED, returned, new SelfAssessmentRecordedEvent(CASE, 2, ALL_MET, KNOWN, List.of()))
                .when(new RecognitionCommands.SubmitDossier(STREAM, null))
                .expectEvents(new DossierSubmittedEvent(CASE, 2, List.of()));
        fixture.given(OPENED, SELF, SUBMITTED)
                .when(new RecognitionCommands.Verify(STREAM, ALL_MET, false, null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "comments"));
        fixture.given(OPENED, SELF, SUBMITTED, FORWARDED)
                .when(new RecognitionCommands.Appraise(STREAM, 2, 8, 1, true, null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "propose"));
    }

    @Test
    void everyCriterionIsAssessedOnceAsMetOrNotMet() {
        fixture.given(OPENED).when(new RecognitionCommands.SelfAssess(STREAM, ALL_MET.subList(0, 4), KNOWN, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "assessments"));
        fixture.given(OPENED).when(new RecognitionCommands.SelfAssess(STREAM, List.of(ALL_MET.get(0), ALL_MET.get(0),
                        ALL_MET.get(1), ALL_MET.get(2), ALL_MET.get(3)), KNOWN, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "assessments[1].criterionCode"));
        fixture.given(OPENED).when(new RecognitionCommands.SelfAssess(STREAM, List.of(
                        new CriterionAssessment("19", Judgment.MET, null, null)), KNOWN, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNKNOWN_INDICATOR, "assessments[0].criterionCode"));
        fixture.given(OPENED).when(new RecognitionCommands.SelfAssess(STREAM, CRITERIA.stream()
                        .map(c -> new CriterionAssessment(c, Judgment.NOT_ASSESSED, null, null)).toList(), KNOWN, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "assessments[0].assessed"));
    }

    @Test
    void surveyRatesArePercentages() {
        fixture.given(OPENED).when(new RecognitionCommands.RecordSurvey(STREAM, "MTTQ", DAY, new BigDecimal("101"),
                        null, null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.OUT_OF_RANGE, "overallRate"));
        fixture.given(OPENED).when(new RecognitionCommands.RecordSurvey(STREAM, "MTTQ", DAY, new BigDecimal("95"),
                        List.of(new SatisfactionSurveyRecordedEvent.Rate("Giao thông", new BigDecimal("-1"))), null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.OUT_OF_RANGE, "contentRates[0].rate"));
        fixture.given(OPENED).when(new RecognitionCommands.RecordSurvey(STREAM, "MTTQ", LocalDate.of(2099, 1, 1),
                        new BigDecimal("95"), null, null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.FUTURE_DATE, "date"));
    }

    @Test
    void grantingAgainstUnmetCriteriaNeedsAnOverrideThatIsKept() {
        fixture.given(OPENED, SELF, SURVEY, SUBMITTED, FORWARDED, PROPOSED).when(grant(List.of("4"), null, null, "1/QĐ"))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "overrideJustification"));
        fixture.given(OPENED, SELF, SURVEY, SUBMITTED, FORWARDED, PROPOSED)
                .when(grant(List.of("4"), "tiêu chí 4 đạt theo biên bản kiểm tra thực địa", null, "1/QĐ"))
                .expectEvents(new RecognitionDecidedEvent(CASE, true, "1/QĐ", DAY, "Chủ tịch", "UBND tỉnh", null,
                        List.of("4"), "tiêu chí 4 đạt theo biên bản kiểm tra thực địa", null, List.of(), null));
    }

    @Test
    void aRefusalGivesItsReasonAndADecisionIsSupersededNeverEdited() {
        fixture.given(OPENED, SELF, SURVEY, SUBMITTED, FORWARDED, PROPOSED)
                .when(new RecognitionCommands.Decide(STREAM, false, "2/QĐ", DAY, null, "UBND tỉnh", null, null, null, null,
                        null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "reason"));
        fixture.given(OPENED, SELF, SURVEY, SUBMITTED, FORWARDED, PROPOSED, GRANTED)
                .when(grant(List.of(), null, null, "101/QĐ-TEST"))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.ALREADY_EXISTS, "supersedes"));
        fixture.given(OPENED, SELF, SURVEY, SUBMITTED, FORWARDED, PROPOSED, GRANTED)
                .when(new RecognitionCommands.Decide(STREAM, true, "101/QĐ-TEST", DAY, "Chủ tịch", "UBND tỉnh",
                        "sửa tên đơn vị trong quyết định", List.of(), null, "100/QĐ-TEST", null))
                .expectEvents(new RecognitionDecidedEvent(CASE, true, "101/QĐ-TEST", DAY, "Chủ tịch", "UBND tỉnh",
                        "sửa tên đơn vị trong quyết định", List.of(), null, "100/QĐ-TEST", List.of(), null));
        // a decision whose number the source does not give is recorded as such
        fixture.given(OPENED, SELF, SURVEY, SUBMITTED, FORWARDED, PROPOSED)
                .when(grant(List.of(), null, null, null))
                .expectEvents(new RecognitionDecidedEvent(CASE, true, null, DAY, "Chủ tịch", "UBND tỉnh", null,
                        List.of(), null, null, List.of(), null));
    }

    @Test
    void grantingAfterASurveyBelowTheThresholdIsAnOverrideThatIsKept() {
        SatisfactionSurveyRecordedEvent low = new SatisfactionSurveyRecordedEvent(CASE, "Ủy ban MTTQ xã", DAY,
                new BigDecimal("75"), List.of(), List.of(), List.of(), COMMUNE_SATISFACTION,
                List.of("overall 75% below 80%"));
        fixture.given(OPENED).when(new RecognitionCommands.RecordSurvey(STREAM, "Ủy ban MTTQ xã", DAY,
                new BigDecimal("75"), null, null, null)).expectEvents(low);
        fixture.given(OPENED, SELF, low, SUBMITTED, FORWARDED, PROPOSED).when(grant(List.of(), null, null, "1/QĐ"))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "overrideJustification"));
        fixture.given(OPENED, SELF, low, SUBMITTED, FORWARDED, PROPOSED)
                .when(grant(List.of(), "khảo sát bổ sung đạt", null, "1/QĐ"))
                .expectEvents(new RecognitionDecidedEvent(CASE, true, "1/QĐ", DAY, "Chủ tịch", "UBND tỉnh", null,
                        List.of(), "khảo sát bổ sung đạt", null, List.of("overall 75% below 80%"), null));
    }

    @Test
    void aDistrictSurveyNeedsEveryCommuneAboveItsThreshold() {
        SatisfactionRule district = new SatisfactionRule(new BigDecimal("90"), new BigDecimal("80"), "set");
        assertThat(RecognitionCase.shortfalls(district, new BigDecimal("91"), List.of(
                new SatisfactionSurveyRecordedEvent.Rate("30049", new BigDecimal("79.5")),
                new SatisfactionSurveyRecordedEvent.Rate("30052", new BigDecimal("80")))))
                .containsExactly("30049 79.5% below 80%");
        assertThat(RecognitionCase.shortfalls(district, new BigDecimal("89.9"), List.of()))
                .containsExactly("overall 89.9% below 90%", "no rate per commune given (each needs 80%)");
        assertThat(RecognitionCase.shortfalls(null, BigDecimal.ZERO, List.of())).isEmpty();
    }

    private static final String VALID_SET = "test-valid-set";
    private static final String VALID_CASE = RecognitionCase.caseId("30049", VALID_SET, 2024);
    private static final String VALID_STREAM = RecognitionCase.streamId(VALID_CASE);

    private static CriteriaSetDefinition validitySet() {
        CriteriaSetDefinition base = TestSets.communeSet();
        return new CriteriaSetDefinition(VALID_SET, 1, "Title valid 2 years, 5 when renewed", base.level(),
                base.grade(), base.phase(), base.legalBasis(), base.effectiveFrom(), null, null, null, base.criteria(),
                new RecognitionRules(null, new ValidityRule(2, 5, "test"), List.of()));
    }

    private AggregateTestFixture<RecognitionCase> withValiditySet() {
        return fixture;
    }

    private static Object[] validCaseUpToProposal(boolean renewal) {
        return new Object[] {
            new RecognitionCaseOpenedEvent(VALID_CASE, "30049", UnitKind.COMMUNE, VALID_SET, 1, Grade.NTM, 2024,
                    CRITERIA, null, renewal, COMMUNE_SATISFACTION, new ValidityRule(2, 5, "test")),
            new SelfAssessmentRecordedEvent(VALID_CASE, 1, ALL_MET, KNOWN, List.of()),
            new SatisfactionSurveyRecordedEvent(VALID_CASE, "MTTQ", DAY, new BigDecimal("95"), List.of(), List.of(),
                    List.of(), COMMUNE_SATISFACTION, List.of()),
            new DossierSubmittedEvent(VALID_CASE, 1, List.of()),
            new VerificationRecordedEvent(VALID_CASE, 1, ALL_MET, true, null, List.of()),
            new AppraisalRecordedEvent(VALID_CASE, 1, 9, 0, 0, true, null, List.of())};
    }

    private static RecognitionCommands.Decide grantValid(String number, LocalDate date, String supersedes) {
        return new RecognitionCommands.Decide(VALID_STREAM, true, number, date, "Chủ tịch", "UBND tỉnh", null,
                List.of(), null, supersedes, null);
    }

    @Test
    void aTitleWithAValidityPeriodCarriesItsLastDayAndADeadline() {
        LocalDate lastDay = DAY.plusYears(2).minusDays(1);
        withValiditySet().given(validCaseUpToProposal(false)).when(grantValid("5/QĐ", DAY, null))
                .expectEvents(new RecognitionDecidedEvent(VALID_CASE, true, "5/QĐ", DAY, "Chủ tịch", "UBND tỉnh",
                        null, List.of(), null, null, List.of(), lastDay))
                .expectScheduledDeadlineWithName(RecognitionCase.lapseInstant(lastDay), RecognitionCase.LAPSE);
        // a re-recognition holds five years
        withValiditySet().given(validCaseUpToProposal(true)).when(grantValid("5/QĐ", DAY, null))
                .expectScheduledDeadlineWithName(RecognitionCase.lapseInstant(DAY.plusYears(5).minusDays(1)),
                        RecognitionCase.LAPSE);
        withValiditySet().given(validCaseUpToProposal(false)).when(grantValid("5/QĐ", null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "decisionDate"));
    }

    @Test
    void theDeadlineLapsesTheTitle() {
        LocalDate lastDay = DAY.plusYears(2).minusDays(1);
        withValiditySet().given(validCaseUpToProposal(false)).andGivenCommands(grantValid("5/QĐ", DAY, null))
                .whenTimeAdvancesTo(RecognitionCase.lapseInstant(lastDay))
                .expectTriggeredDeadlinesWithName(RecognitionCase.LAPSE)
                .expectEvents(new RecognitionLapsedEvent(VALID_CASE, "30049", "5/QĐ", lastDay));
    }

    @Test
    void aSupersedingDecisionReplacesTheDeadline() {
        LocalDate later = DAY.plusDays(10);
        LocalDate lastDay = later.plusYears(2).minusDays(1);
        withValiditySet().given(validCaseUpToProposal(false)).andGivenCommands(grantValid("5/QĐ", DAY, null))
                .when(grantValid("6/QĐ", later, "5/QĐ"))
                .expectNoScheduledDeadlineWithName(RecognitionCase.lapseInstant(DAY.plusYears(2).minusDays(1)),
                        RecognitionCase.LAPSE)
                .expectScheduledDeadlineWithName(RecognitionCase.lapseInstant(lastDay), RecognitionCase.LAPSE);
        // a refusal superseding the grant leaves nothing to lapse
        withValiditySet().given(validCaseUpToProposal(false)).andGivenCommands(grantValid("5/QĐ", DAY, null),
                        new RecognitionCommands.Decide(VALID_STREAM, false, "7/QĐ", later, null, "UBND tỉnh",
                                "quyết định cấp sai", null, null, "5/QĐ", null))
                .whenTimeAdvancesTo(RecognitionCase.lapseInstant(lastDay))
                .expectNoEvents();
    }

    @Test
    void aCeasedUnitsCaseTakesNoStepDatedFromItsCessationOn() {
        // Tân Kiều ceased on 1 June 2024; DAY is 20 June, TestSets' today 30 June
        units.ceased("30049", LocalDate.of(2024, 6, 1), "30061");
        LocalDate before = LocalDate.of(2024, 5, 20);
        fixture.givenNoPriorActivity()
                .when(new RecognitionCommands.OpenCase(STREAM, "30049", TestSets.SET, 2024, TestSets.PLAN, false))
                .expectNoEvents().expectException(Rejected.saying(RejectionCode.UNIT_CEASED, "unitCode",
                        "recognition case opened on 2024-06-30", "merged into 30061 Đốc Binh Kiều"));
        fixture.given(OPENED).when(new RecognitionCommands.SelfAssess(STREAM, ALL_MET, KNOWN, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNIT_CEASED, "caseId"));
        fixture.given(OPENED, SELF).when(new RecognitionCommands.SubmitDossier(STREAM, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNIT_CEASED, "caseId"));
        fixture.given(OPENED, SELF, SUBMITTED).when(new RecognitionCommands.Verify(STREAM, ALL_MET, true, null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNIT_CEASED, "caseId"));
        fixture.given(OPENED, SELF, SUBMITTED, FORWARDED)
                .when(new RecognitionCommands.Appraise(STREAM, 9, 1, 1, true, null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNIT_CEASED, "caseId"));
        fixture.given(OPENED, SELF, SUBMITTED)
                .when(new RecognitionCommands.RecordSurvey(STREAM, "Ủy ban MTTQ xã", DAY, new BigDecimal("92.5"),
                        List.of(), List.of(), List.of()))
                .expectNoEvents().expectException(Rejected.saying(RejectionCode.UNIT_CEASED, "date",
                        "survey dated 2024-06-20"));
        fixture.given(OPENED, SELF, SUBMITTED)
                .when(new RecognitionCommands.RecordSurvey(STREAM, "Ủy ban MTTQ xã", before, new BigDecimal("92.5"),
                        List.of(), List.of(), List.of()))
                .expectSuccessfulHandlerExecution();
        fixture.given(OPENED, SELF, SURVEY, SUBMITTED, FORWARDED, PROPOSED)
                .when(grant(List.of(), null, null, "100/QĐ-TEST"))
                .expectNoEvents().expectException(Rejected.saying(RejectionCode.UNIT_CEASED, "decisionDate",
                        "decision dated 2024-06-20"));
        fixture.given(OPENED, SELF, SURVEY, SUBMITTED, FORWARDED, PROPOSED)
                .when(new RecognitionCommands.Decide(STREAM, true, "99/QĐ-TEST", before, "Chủ tịch", "UBND tỉnh",
                        null, List.of(), null, null, null))
                .expectSuccessfulHandlerExecution();
        fixture.given(OPENED, SELF, SURVEY, SUBMITTED, FORWARDED, PROPOSED, GRANTED)
                .when(new RecognitionCommands.Announce(STREAM, DAY, "Hội trường UBND xã"))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNIT_CEASED, "date"));
    }

    @Test
    void aDecisionFromBeforeTheRecordWasKeptIsRecordedForACeasedUnitOnlyIfItPrecedesTheCessation() {
        units.ceased("30049", LocalDate.of(2024, 6, 1), "30061");
        String stream2019 = RecognitionCase.streamId(RecognitionCase.caseId("30049", TestSets.SET, 2019));
        fixture.givenNoPriorActivity()
                .when(new RecognitionCommands.RecordPriorDecision(stream2019, "30049", TestSets.SET, Grade.NTM, 2019,
                        "1000/QĐ-UBND", LocalDate.of(2019, 12, 30), "UBND tỉnh", TestSets.PLAN, null))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(new RecognitionCommands.RecordPriorDecision(stream2019, "30049", TestSets.SET, Grade.NTM, 2019,
                        "1000/QĐ-UBND", DAY, "UBND tỉnh", TestSets.PLAN, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNIT_CEASED, "decisionDate"));
    }

    @Test
    void eachBodyCommentsOnceWithABodyAndAComment() {
        fixture.given(OPENED, SELF, SUBMITTED, FORWARDED)
                .when(new RecognitionCommands.Appraise(STREAM, 0, 5, 0, false, "hoàn thiện hồ sơ", null, List.of(
                        new BodyComment("Bộ Xây dựng", "bổ sung minh chứng"), new BodyComment("Bộ Xây dựng", "lần hai"))))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "bodyComments[1].body"));
        fixture.given(OPENED, SELF, SUBMITTED, FORWARDED)
                .when(new RecognitionCommands.Appraise(STREAM, 0, 5, 0, false, "hoàn thiện hồ sơ", null, List.of(
                        new BodyComment("Bộ Xây dựng", " "))))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "bodyComments[0].comment"));
        fixture.given(OPENED, SELF, SUBMITTED, FORWARDED)
                .when(new RecognitionCommands.Appraise(STREAM, 0, 5, 0, false, "hoàn thiện hồ sơ", null,
                        java.util.Collections.nCopies(101, new BodyComment("Bộ", "ý kiến"))))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "bodyComments"));
        fixture.given(OPENED, SELF, SUBMITTED, FORWARDED)
                .when(new RecognitionCommands.Appraise(STREAM, 0, 5, 0, false, "hoàn thiện hồ sơ", null, List.of(
                        new BodyComment("Bộ Xây dựng", "bổ sung minh chứng tiêu chí 1"))))
                .expectEvents(new AppraisalRecordedEvent(CASE, 1, 0, 5, 0, false, "hoàn thiện hồ sơ", List.of(),
                        List.of(new BodyComment("Bộ Xây dựng", "bổ sung minh chứng tiêu chí 1"))));
    }

    @Test
    void grantingWhileATitlesConditionIsNotMetNeedsAnOverrideThatIsKept() {
        List<ConditionJudgment> conditions = List.of(
                new ConditionJudgment("1", "100% xã đạt chuẩn", RecognitionRules.ConditionKind.TITLES_HELD,
                        Judgment.NOT_MET, java.math.BigDecimal.valueOf(100), java.math.BigDecimal.valueOf(50),
                        List.of("30049"), List.of("30052"), "1/2"),
                new ConditionJudgment("5", "Không có nợ đọng", RecognitionRules.ConditionKind.NO_CONSTRUCTION_DEBT,
                        Judgment.MET, null, null, List.of(), List.of(), "no debt"));
        fixture.given(OPENED, SELF, SURVEY, SUBMITTED, FORWARDED, PROPOSED)
                .when(new RecognitionCommands.Decide(STREAM, true, "1/QĐ", DAY, "Chủ tịch", "UBND tỉnh", null,
                        List.of(), null, null, null, conditions))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "overrideJustification"));
        fixture.given(OPENED, SELF, SURVEY, SUBMITTED, FORWARDED, PROPOSED)
                .when(new RecognitionCommands.Decide(STREAM, true, "1/QĐ", DAY, "Chủ tịch", "UBND tỉnh", null,
                        List.of(), "xã còn lại đã có quyết định", null, null, conditions))
                .expectEvents(new RecognitionDecidedEvent(CASE, true, "1/QĐ", DAY, "Chủ tịch", "UBND tỉnh", null,
                        List.of(), "xã còn lại đã có quyết định", null, List.of(), null, conditions));
        // every condition met: no override needed, the judgments kept all the same
        List<ConditionJudgment> met = List.of(conditions.get(1));
        fixture.given(OPENED, SELF, SURVEY, SUBMITTED, FORWARDED, PROPOSED)
                .when(new RecognitionCommands.Decide(STREAM, true, "1/QĐ", DAY, "Chủ tịch", "UBND tỉnh", null,
                        List.of(), null, null, null, met))
                .expectEvents(new RecognitionDecidedEvent(CASE, true, "1/QĐ", DAY, "Chủ tịch", "UBND tỉnh", null,
                        List.of(), null, null, List.of(), null, met));
    }
}
