package org.ntmrecords.command.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ntmrecords.command.recognition.RecognitionCaseTest.CASE;
import static org.ntmrecords.command.recognition.RecognitionCaseTest.CRITERIA;
import static org.ntmrecords.command.recognition.RecognitionCaseTest.DAY;
import static org.ntmrecords.command.recognition.RecognitionCaseTest.KNOWN;
import static org.ntmrecords.command.recognition.RecognitionCaseTest.POLICY;

import java.math.BigDecimal;
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
import org.ntmrecords.events.recognition.RevocationCaseOpenedEvent;
import org.ntmrecords.events.recognition.RevocationDecidedEvent;
import org.ntmrecords.events.recognition.RevocationTrigger;
import org.ntmrecords.events.recognition.SatisfactionSurveyRecordedEvent;
import org.ntmrecords.events.recognition.SelfAssessmentRecordedEvent;
import org.ntmrecords.events.recognition.VerificationRecordedEvent;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.unit.UnitKind;

/** A revocation case against a title held now: opened, taken through the steps, decided by the revocation rule. */
class RevocationCaseTest {
    private AggregateTestFixture<RevocationCase> fixture;
    private InMemoryUnitDirectory units;
    private final InMemoryRecognitionRecords records = new InMemoryRecognitionRecords();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RevocationCase.class);
        units = new InMemoryUnitDirectory()
                .with("872", "Tháp Mười", UnitKind.DISTRICT, "87")
                .with("30049", "Tân Kiều", UnitKind.COMMUNE, "872")
                .with("30061", "Đốc Binh Kiều", UnitKind.COMMUNE, "872");
        fixture.registerInjectableResource(units);
        fixture.registerInjectableResource(new InMemoryCatalog().with(TestSets.communeSet()));
        fixture.registerInjectableResource(TestSets.CLOCK);
        fixture.registerInjectableResource(POLICY);
        fixture.registerInjectableResource(records);
        // the steps are taken through CaseSteps, which loads the case the stream names (here: revocation cases)
        fixture.registerAnnotatedCommandHandler(new CaseSteps(null, fixture.getRepository()));
    }

    private static final String REVOCATION = RevocationCase.caseId(CASE, 2025);
    private static final String REVOCATION_STREAM = RecognitionCase.streamId(REVOCATION);
    private static final RevocationTrigger TRIGGERED = POLICY.revocation().evaluate(TestSets.SET, 5,
            List.of("1", "2", "3"));
    private static final RevocationTrigger NOT_TRIGGERED = POLICY.revocation().evaluate(TestSets.SET, 5,
            List.of("4"));
    private static final RevocationCaseOpenedEvent REVOCATION_OPENED = new RevocationCaseOpenedEvent(REVOCATION, CASE,
            "100/QĐ-TEST", "30049", UnitKind.COMMUNE, TestSets.SET, 1, Grade.NTM, 2025, CRITERIA, TRIGGERED, null);

    private void granted() {
        records.with(new RecognitionRecords.RecognitionRecord(CASE, "30049", TestSets.SET, 2024, false, true,
                "100/QĐ-TEST", false, null));
    }

    @Test
    void theRevocationRuleCountsTheShareOfUnmetCriteriaAndTheKeyOnes() {
        assertThat(TRIGGERED.triggered()).isTrue();
        assertThat(TRIGGERED.unmetShare()).isEqualByComparingTo("0.6");
        assertThat(NOT_TRIGGERED.triggered()).isFalse();
        RevocationTrigger key = POLICY.revocation().evaluate(TestSets.SET, 5, List.of("2", "4"));
        assertThat(key.triggered()).isTrue();
        assertThat(key.keyCriteriaUnmet()).containsExactly("2");
        assertThat(POLICY.revocation().evaluate(TestSets.SET, 5, List.of("3", "4")).triggered()).isFalse();
        assertThat(key.provenance()).isEqualTo("test rule");
    }

    @Test
    void aRevocationCaseOpensOnlyAgainstATitleHeldNow() {
        fixture.givenNoPriorActivity()
                .when(new RecognitionCommands.OpenRevocation(REVOCATION_STREAM, CASE, 2025, TRIGGERED, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "recognitionCaseId"));
        records.with(new RecognitionRecords.RecognitionRecord(CASE, "30049", TestSets.SET, 2024, false, false,
                "100/QĐ-TEST", false, null));
        fixture.givenNoPriorActivity()
                .when(new RecognitionCommands.OpenRevocation(REVOCATION_STREAM, CASE, 2025, TRIGGERED, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.OUT_OF_ORDER, "recognitionCaseId"));
        granted();
        fixture.givenNoPriorActivity()
                .when(new RecognitionCommands.OpenRevocation(REVOCATION_STREAM, CASE, 2023, TRIGGERED, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.OUT_OF_RANGE, "year"));
        fixture.givenNoPriorActivity()
                .when(new RecognitionCommands.OpenRevocation(REVOCATION_STREAM, CASE, 2025, null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "trigger"));
        fixture.givenNoPriorActivity()
                .when(new RecognitionCommands.OpenRevocation(REVOCATION_STREAM, CASE, 2025, TRIGGERED, null))
                .expectEvents(REVOCATION_OPENED);
    }

    @Test
    void aRevocationTakesTheSameStepsAndRevokingWithoutATriggerIsAnOverride() {
        granted();
        List<CriterionAssessment> failing = CRITERIA.stream()
                .map(c -> new CriterionAssessment(c, Integer.parseInt(c) <= 3 ? Judgment.NOT_MET : Judgment.MET,
                        null, null)).toList();
        Object[] upToProposal = {REVOCATION_OPENED,
            new SelfAssessmentRecordedEvent(REVOCATION, 1, failing, KNOWN, List.of()),
            new DossierSubmittedEvent(REVOCATION, 1, List.of()),
            new VerificationRecordedEvent(REVOCATION, 1, failing, true, null, List.of()),
            new AppraisalRecordedEvent(REVOCATION, 1, 7, 1, 0, true, null, List.of())};
        RecognitionCommands.Decide revoke = new RecognitionCommands.Decide(REVOCATION_STREAM, true, "9/QĐ", DAY,
                "Chủ tịch", "UBND tỉnh", null, null, null, null, TRIGGERED);
        fixture.given(upToProposal).when(revoke)
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "caseId"));
        SatisfactionSurveyRecordedEvent consulted = new SatisfactionSurveyRecordedEvent(REVOCATION, "MTTQ", DAY,
                new BigDecimal("40"), List.of(), List.of(), List.of(), null, List.of());
        fixture.given(REVOCATION_OPENED).when(new RecognitionCommands.RecordSurvey(REVOCATION_STREAM, "MTTQ", DAY,
                new BigDecimal("40"), null, null, null)).expectEvents(consulted);
        Object[] consultedToProposal = {REVOCATION_OPENED, upToProposal[1], consulted, upToProposal[2],
            upToProposal[3], upToProposal[4]};
        fixture.given(consultedToProposal).when(revoke)
                .expectEvents(new RevocationDecidedEvent(REVOCATION, CASE, true, "9/QĐ", DAY, "Chủ tịch", "UBND tỉnh",
                        null, TRIGGERED, null, null));
        RecognitionCommands.Decide revokeAnyway = new RecognitionCommands.Decide(REVOCATION_STREAM, true, "9/QĐ",
                DAY, "Chủ tịch", "UBND tỉnh", null, null, null, null, NOT_TRIGGERED);
        fixture.given(consultedToProposal).when(revokeAnyway)
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "overrideJustification"));
        fixture.given(consultedToProposal).when(new RecognitionCommands.Decide(REVOCATION_STREAM, false, null, DAY,
                        null, "UBND tỉnh", null, null, null, null, NOT_TRIGGERED))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "reason"));
        fixture.given(consultedToProposal).when(new RecognitionCommands.Decide(REVOCATION_STREAM, true, "9/QĐ", DAY,
                        "Chủ tịch", "UBND tỉnh", null, null, "vi phạm nghiêm trọng", null, NOT_TRIGGERED))
                .expectEvents(new RevocationDecidedEvent(REVOCATION, CASE, true, "9/QĐ", DAY, "Chủ tịch", "UBND tỉnh",
                        null, NOT_TRIGGERED, "vi phạm nghiêm trọng", null));
        fixture.given(consultedToProposal).when(new RecognitionCommands.Decide(REVOCATION_STREAM, true, "9/QĐ", DAY,
                        "Chủ tịch", "UBND tỉnh", null, null, null, null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "trigger"));
    }

    @Test
    void aRevocationIsNotOpenedForAUnitThatHasCeased() {
        units.ceased("30049", LocalDate.of(2024, 6, 1), "30061");
        granted();
        fixture.givenNoPriorActivity()
                .when(new RecognitionCommands.OpenRevocation(REVOCATION_STREAM, CASE, 2025, TRIGGERED, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNIT_CEASED, "recognitionCaseId"));
    }

    @Test
    void aRevocationStreamTellsItselfApartFromARecognitionStream() {
        assertThat(REVOCATION).isEqualTo("30049@" + TestSets.SET + "@2024@R2025");
        assertThat(RecognitionCase.revocationCaseId(CASE, 2025)).isEqualTo(REVOCATION);
        assertThat(REVOCATION_STREAM).isEqualTo("recognition:" + REVOCATION);
        assertThat(RevocationCase.isRevocation(REVOCATION_STREAM)).isTrue();
        assertThat(RevocationCase.isRevocation(REVOCATION)).isTrue();
        assertThat(RevocationCase.isRevocation(RecognitionCase.streamId(CASE))).isFalse();
        assertThat(RevocationCase.isRevocation("recognition:30049@R-set@2024")).isFalse();
        assertThat(RevocationCase.isRevocation(null)).isFalse();
    }
}
