package org.ntmrecords.command.recognition;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.support.InMemoryCatalog;
import org.ntmrecords.command.support.InMemoryUnitDirectory;
import org.ntmrecords.command.support.Rejected;
import org.ntmrecords.command.support.TestSets;
import org.ntmrecords.events.criteria.Grade;
import org.ntmrecords.events.recognition.AppraisalRecordedEvent;
import org.ntmrecords.events.recognition.CriterionAssessment;
import org.ntmrecords.events.recognition.DossierSubmittedEvent;
import org.ntmrecords.events.recognition.RecognitionAnnouncedEvent;
import org.ntmrecords.events.recognition.RecognitionCaseOpenedEvent;
import org.ntmrecords.events.recognition.RecognitionDecidedEvent;
import org.ntmrecords.events.recognition.SatisfactionSurveyRecordedEvent;
import org.ntmrecords.events.recognition.SelfAssessmentRecordedEvent;
import org.ntmrecords.events.recognition.VerificationRecordedEvent;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.unit.UnitKind;

/** Every step of a recognition case, in order and out of it; the numbers exercise the rules only. */
class RecognitionCaseTest {
    private static final String CASE = RecognitionCase.caseId("30049", TestSets.SET, 2024);
    private static final String STREAM = RecognitionCase.streamId(CASE);
    private static final List<String> CRITERIA = List.of("1", "2", "3", "4", "5");
    private static final Instant KNOWN = Instant.parse("2024-06-01T00:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2024, 6, 20);

    private static final RecognitionCaseOpenedEvent OPENED = new RecognitionCaseOpenedEvent(CASE, "30049",
            UnitKind.COMMUNE, TestSets.SET, 1, Grade.NTM, 2024, CRITERIA, TestSets.PLAN);
    private static final List<CriterionAssessment> ALL_MET = CRITERIA.stream()
            .map(c -> new CriterionAssessment(c, Judgment.MET, c.equals("4") ? Judgment.NOT_MET : Judgment.MET, null))
            .toList();
    private static final SelfAssessmentRecordedEvent SELF = new SelfAssessmentRecordedEvent(CASE, 1, ALL_MET, KNOWN,
            List.of());
    private static final SatisfactionSurveyRecordedEvent SURVEY = new SatisfactionSurveyRecordedEvent(CASE,
            "Ủy ban MTTQ xã", DAY, new BigDecimal("92.5"), List.of(), List.of(), List.of());
    private static final DossierSubmittedEvent SUBMITTED = new DossierSubmittedEvent(CASE, 1, List.of());
    private static final VerificationRecordedEvent FORWARDED = new VerificationRecordedEvent(CASE, 1, ALL_MET, true,
            null, List.of());
    private static final AppraisalRecordedEvent PROPOSED = new AppraisalRecordedEvent(CASE, 1, 9, 1, 1, true, null,
            List.of());
    private static final RecognitionDecidedEvent GRANTED = new RecognitionDecidedEvent(CASE, true, "100/QĐ-TEST", DAY,
            "Chủ tịch", "UBND tỉnh", null, List.of(), null, null);

    private AggregateTestFixture<RecognitionCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RecognitionCase.class);
        fixture.registerInjectableResource(new InMemoryUnitDirectory()
                .with("872", "Tháp Mười", UnitKind.DISTRICT, "87")
                .with("30049", "Tân Kiều", UnitKind.COMMUNE, "872"));
        fixture.registerInjectableResource(new InMemoryCatalog().with(TestSets.communeSet()));
        fixture.registerInjectableResource(TestSets.CLOCK);
    }

    private static RecognitionCommands.Decide grant(List<String> unmet, String justification, String supersedes,
                                                    String number) {
        return new RecognitionCommands.Decide(STREAM, true, number, DAY, "Chủ tịch", "UBND tỉnh", null, unmet,
                justification, supersedes);
    }

    @Test
    void aCaseOpensForAUnitASetAndAYearWithTheSetsCriteria() {
        fixture.givenNoPriorActivity()
                .when(new RecognitionCommands.OpenCase(STREAM, "30049", TestSets.SET, 2024, TestSets.PLAN))
                .expectEvents(OPENED);
    }

    @Test
    void aCaseNeedsARegisteredUnitThatTheSetRatesAndAPlausibleYear() {
        fixture.givenNoPriorActivity()
                .when(new RecognitionCommands.OpenCase(RecognitionCase.streamId("99999@x@2024"), "99999", TestSets.SET, 2024, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNKNOWN_UNIT, "unitCode"));
        fixture.givenNoPriorActivity()
                .when(new RecognitionCommands.OpenCase(RecognitionCase.streamId("872@" + TestSets.SET + "@2024"), "872",
                        TestSets.SET, 2024, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNIT_LEVEL_MISMATCH, "setId"));
        fixture.givenNoPriorActivity()
                .when(new RecognitionCommands.OpenCase(RecognitionCase.streamId("30049@" + TestSets.SET + "@1990"), "30049",
                        TestSets.SET, 1990, null))
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
                        List.of("4"), "tiêu chí 4 đạt theo biên bản kiểm tra thực địa", null));
    }

    @Test
    void aRefusalGivesItsReasonAndADecisionIsSupersededNeverEdited() {
        fixture.given(OPENED, SELF, SURVEY, SUBMITTED, FORWARDED, PROPOSED)
                .when(new RecognitionCommands.Decide(STREAM, false, "2/QĐ", DAY, null, "UBND tỉnh", null, null, null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "reason"));
        fixture.given(OPENED, SELF, SURVEY, SUBMITTED, FORWARDED, PROPOSED, GRANTED)
                .when(grant(List.of(), null, null, "101/QĐ-TEST"))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.ALREADY_EXISTS, "supersedes"));
        fixture.given(OPENED, SELF, SURVEY, SUBMITTED, FORWARDED, PROPOSED, GRANTED)
                .when(new RecognitionCommands.Decide(STREAM, true, "101/QĐ-TEST", DAY, "Chủ tịch", "UBND tỉnh",
                        "sửa tên đơn vị trong quyết định", List.of(), null, "100/QĐ-TEST"))
                .expectEvents(new RecognitionDecidedEvent(CASE, true, "101/QĐ-TEST", DAY, "Chủ tịch", "UBND tỉnh",
                        "sửa tên đơn vị trong quyết định", List.of(), null, "100/QĐ-TEST"));
        // a decision whose number the source does not give is recorded as such
        fixture.given(OPENED, SELF, SURVEY, SUBMITTED, FORWARDED, PROPOSED)
                .when(grant(List.of(), null, null, null))
                .expectEvents(new RecognitionDecidedEvent(CASE, true, null, DAY, "Chủ tịch", "UBND tỉnh", null,
                        List.of(), null, null));
    }
}
