package org.ntmrecords.command.recognition;

import java.time.LocalDate;
import org.ntmrecords.events.common.DocumentRef;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.support.InMemoryCatalog;
import org.ntmrecords.command.support.InMemoryUnitDirectory;
import org.ntmrecords.command.support.Rejected;
import org.ntmrecords.command.support.TestSets;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.RecognitionRules;
import org.ntmrecords.events.criteria.RecognitionRules.LapseEffect;
import org.ntmrecords.events.recognition.StandardCertifiedEvent;
import org.ntmrecords.events.recognition.StandardLapsedEvent;
import org.ntmrecords.events.recognition.StandardRenewedEvent;
import org.ntmrecords.events.unit.UnitKind;

/** A certified standard lapses by deadline unless renewed; the lapse carries what the set says it does. */
class CertificationTest {
    private static final String ID = "cert-1";
    private static final String STREAM = Certification.streamId(ID);
    private static final LocalDate UNTIL = LocalDate.of(2024, 10, 1);
    private static final StandardCertifiedEvent CERTIFIED = new StandardCertifiedEvent(ID, "30049", "Trường THPT",
            "chuẩn quốc gia mức độ 2", UNTIL, TestSets.SET, "3.1", LapseEffect.RECHECK, TestSets.PLAN, null);

    private AggregateTestFixture<Certification> fixture;
    private InMemoryUnitDirectory units;

    @BeforeEach
    void setUp() {
        CriteriaSetDefinition base = TestSets.communeSet();
        fixture = new AggregateTestFixture<>(Certification.class);
        units = new InMemoryUnitDirectory()
                .with("872", "Tháp Mười", UnitKind.DISTRICT, "87")
                .with("30049", "Tân Kiều", UnitKind.COMMUNE, "872")
                .with("30061", "Đốc Binh Kiều", UnitKind.COMMUNE, "872");
        fixture.registerInjectableResource(units);
        fixture.registerInjectableResource(new InMemoryCatalog().with(new CriteriaSetDefinition(base.id(), 1,
                base.title(), base.level(), base.grade(), base.phase(), base.legalBasis(), base.effectiveFrom(), null,
                null, null, base.criteria(), new RecognitionRules(null, null, List.of(
                        new RecognitionRules.LapseRule("3.1", LapseEffect.RECHECK, "test"))))));
        fixture.registerInjectableResource(TestSets.CLOCK);
    }

    private static CertificationCommands.CertifyStandard certify(String indicator, LocalDate until) {
        return new CertificationCommands.CertifyStandard(STREAM, ID, "30049", "Trường THPT", "chuẩn quốc gia mức độ 2",
                until, TestSets.SET, indicator, TestSets.PLAN, null);
    }

    @Test
    void aCertifiedStandardCarriesTheSetsLapseEffectAndADeadline() {
        fixture.givenNoPriorActivity().when(certify("3.1", UNTIL)).expectEvents(CERTIFIED)
                .expectScheduledDeadlineWithName(RecognitionCase.lapseInstant(UNTIL), Certification.LAPSE);
        fixture.givenNoPriorActivity().when(certify("2.1", UNTIL))
                .expectEvents(new StandardCertifiedEvent(ID, "30049", "Trường THPT", "chuẩn quốc gia mức độ 2", UNTIL,
                        TestSets.SET, "2.1", null, TestSets.PLAN, null));
    }

    @Test
    void badCertificatesAreRefused() {
        fixture.givenNoPriorActivity().when(certify("9.9", UNTIL))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNKNOWN_INDICATOR, "indicatorCode"));
        fixture.givenNoPriorActivity().when(certify("3.1", null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "validUntil"));
        fixture.givenNoPriorActivity().when(new CertificationCommands.CertifyStandard(STREAM, ID, "99999", "x", "y",
                        UNTIL, TestSets.SET, "3.1", null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNKNOWN_UNIT, "unitCode"));
    }

    @Test
    void theDeadlineLapsesTheStandard() {
        fixture.givenCommands(certify("3.1", UNTIL))
                .whenTimeAdvancesTo(RecognitionCase.lapseInstant(UNTIL))
                .expectEvents(new StandardLapsedEvent(ID, "30049", "Trường THPT", "chuẩn quốc gia mức độ 2", UNTIL,
                        TestSets.SET, "3.1", LapseEffect.RECHECK));
    }

    @Test
    void aRenewalMovesTheDeadline() {
        LocalDate renewed = UNTIL.plusYears(5);
        fixture.givenCommands(certify("3.1", UNTIL))
                .when(new CertificationCommands.RenewStandard(STREAM, "30049", renewed, null))
                .expectEvents(new StandardRenewedEvent(ID, "30049", renewed, null))
                .expectNoScheduledDeadlineWithName(RecognitionCase.lapseInstant(UNTIL), Certification.LAPSE)
                .expectScheduledDeadlineWithName(RecognitionCase.lapseInstant(renewed), Certification.LAPSE);
        fixture.givenCommands(certify("3.1", UNTIL), new CertificationCommands.RenewStandard(STREAM, "30049", renewed,
                        null))
                .whenTimeAdvancesTo(RecognitionCase.lapseInstant(UNTIL))
                .expectNoEvents();
        fixture.given(CERTIFIED).when(new CertificationCommands.RenewStandard(STREAM, "30049", UNTIL, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "validUntil"));
        fixture.given(CERTIFIED).when(new CertificationCommands.RenewStandard(STREAM, "30052", renewed, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "unitCode"));
    }

    @Test
    void aCeasedUnitsStandardIsCertifiedOrRenewedOnlyByADocumentDatedBeforeItCeased() {
        units.ceased("30049", LocalDate.of(2024, 4, 1), "30061");
        DocumentRef late = new DocumentRef("50/QĐ-SGDĐT", LocalDate.of(2024, 5, 2), "Sở GDĐT", null);
        fixture.givenNoPriorActivity().when(new CertificationCommands.CertifyStandard(STREAM, ID, "30049", "Trường THPT",
                        "chuẩn quốc gia mức độ 2", UNTIL, TestSets.SET, "3.1", late, null))
                .expectNoEvents().expectException(Rejected.saying(RejectionCode.UNIT_CEASED, "document.date",
                        "certification dated 2024-05-02", "30061 Đốc Binh Kiều"));
        fixture.givenNoPriorActivity().when(new CertificationCommands.CertifyStandard(STREAM, ID, "30049", "Trường THPT",
                        "chuẩn quốc gia mức độ 2", UNTIL, TestSets.SET, "3.1", null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNIT_CEASED, "unitCode"));
        // certified by the plan of 26 January 2024, before the cessation: a late record, accepted
        fixture.givenNoPriorActivity().when(certify("3.1", UNTIL)).expectEvents(CERTIFIED);
        fixture.given(CERTIFIED)
                .when(new CertificationCommands.RenewStandard(STREAM, "30049", UNTIL.plusYears(5), late))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNIT_CEASED, "document.date"));
    }
}
