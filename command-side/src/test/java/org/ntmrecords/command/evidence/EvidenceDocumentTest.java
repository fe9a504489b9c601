package org.ntmrecords.command.evidence;

import java.time.LocalDate;
import java.util.Optional;
import org.ntmrecords.events.common.DocumentRef;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.recognition.RecognitionRecords;
import org.ntmrecords.command.support.InMemoryCatalog;
import org.ntmrecords.command.support.InMemoryUnitDirectory;
import org.ntmrecords.command.support.Rejected;
import org.ntmrecords.command.support.TestSets;
import org.ntmrecords.events.evidence.EvidenceAttachedEvent;
import org.ntmrecords.events.evidence.EvidenceTarget;
import org.ntmrecords.events.evidence.EvidenceTarget.Kind;
import org.ntmrecords.events.evidence.EvidenceWithdrawnEvent;
import org.ntmrecords.events.evidence.StoredFile;
import org.ntmrecords.events.unit.UnitKind;

/** A document attaches to something that exists; it is withdrawn with a reason, never edited. */
class EvidenceDocumentTest {
    private static final String ID = "doc-1";
    private static final String STREAM = EvidenceDocument.streamId(ID);
    private static final String CASE = "30049@" + TestSets.SET + "@2024";
    private static final StoredFile FILE = new StoredFile("a".repeat(64), 1234, "application/pdf", "kh.pdf");

    private AggregateTestFixture<EvidenceDocument> fixture;
    private InMemoryUnitDirectory units;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(EvidenceDocument.class);
        units = new InMemoryUnitDirectory()
                .with("872", "Tháp Mười", UnitKind.DISTRICT, "87")
                .with("30049", "Tân Kiều", UnitKind.COMMUNE, "872")
                .with("30061", "Đốc Binh Kiều", UnitKind.COMMUNE, "872");
        fixture.registerInjectableResource(units);
        fixture.registerInjectableResource(new InMemoryCatalog().with(TestSets.communeSet()));
        fixture.registerInjectableResource((RecognitionRecords) caseId -> CASE.equals(caseId)
                ? Optional.of(new RecognitionRecords.RecognitionRecord(CASE, "30049", TestSets.SET, 2024, false, null,
                        null, false, null)) : Optional.empty());
        fixture.registerInjectableResource(TestSets.CLOCK);
    }

    private static EvidenceCommands.Attach attach(EvidenceTarget target, StoredFile file) {
        return new EvidenceCommands.Attach(STREAM, ID, target, TestSets.PLAN, "plan", file, null);
    }

    @Test
    void documentsAttachToUnitsCriteriaIndicatorsAndCases() {
        EvidenceTarget indicator = new EvidenceTarget(Kind.INDICATOR, "30049", TestSets.SET, "1.1", null);
        fixture.givenNoPriorActivity().when(attach(indicator, FILE))
                .expectEvents(new EvidenceAttachedEvent(ID, indicator, TestSets.PLAN, "plan", FILE, null));
        EvidenceTarget criterion = new EvidenceTarget(Kind.CRITERION, "30049", TestSets.SET, "2", null);
        fixture.givenNoPriorActivity().when(attach(criterion, null))
                .expectEvents(new EvidenceAttachedEvent(ID, criterion, TestSets.PLAN, "plan", null, null));
        fixture.givenNoPriorActivity().when(attach(new EvidenceTarget(Kind.CASE, null, null, null, CASE), null))
                .expectEvents(new EvidenceAttachedEvent(ID, new EvidenceTarget(Kind.CASE, "30049", TestSets.SET, null,
                        CASE), TestSets.PLAN, "plan", null, null));
    }

    @Test
    void aTargetThatDoesNotExistOrABadFileIsRefused() {
        fixture.givenNoPriorActivity().when(attach(new EvidenceTarget(Kind.INDICATOR, "30049", TestSets.SET, "1", null), null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNKNOWN_INDICATOR, "target.code"));
        fixture.givenNoPriorActivity().when(attach(new EvidenceTarget(Kind.UNIT, "99999", null, null, null), null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNKNOWN_UNIT, "target.unitCode"));
        fixture.givenNoPriorActivity().when(attach(new EvidenceTarget(Kind.CASE, null, null, null, "x@y@2024"), null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "target.caseId"));
        fixture.givenNoPriorActivity().when(attach(null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "target"));
        fixture.givenNoPriorActivity().when(attach(new EvidenceTarget(Kind.UNIT, "30049", null, null, null),
                        new StoredFile("XYZ", 10, "application/pdf", "a.pdf")))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.FILE_REJECTED, "fileSha256"));
    }

    @Test
    void aDocumentIsWithdrawnOnceWithAReasonUnderItsUnit() {
        EvidenceAttachedEvent attached = new EvidenceAttachedEvent(ID, new EvidenceTarget(Kind.UNIT, "30049", null,
                null, null), TestSets.PLAN, "plan", null, null);
        fixture.given(attached).when(new EvidenceCommands.Withdraw(STREAM, "30049", "đính kèm nhầm"))
                .expectEvents(new EvidenceWithdrawnEvent(ID, "đính kèm nhầm"));
        fixture.given(attached).when(new EvidenceCommands.Withdraw(STREAM, "30049", " "))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "reason"));
        fixture.given(attached).when(new EvidenceCommands.Withdraw(STREAM, "30052", "x"))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "unitCode"));
        fixture.given(attached, new EvidenceWithdrawnEvent(ID, "x"))
                .when(new EvidenceCommands.Withdraw(STREAM, "30049", "again"))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.ALREADY_EXISTS, "documentId"));
    }

    @Test
    void evidenceOfACeasedUnitIsAcceptedOnlyWhenDatedBeforeItCeased() {
        // Tân Kiều ceased on 1 April 2024 (TestSets' today is 30 June 2024)
        units.ceased("30049", LocalDate.of(2024, 4, 1), "30061");
        EvidenceTarget unit = new EvidenceTarget(Kind.UNIT, "30049", null, null, null);
        DocumentRef late = new DocumentRef("20/BC-UBND", LocalDate.of(2024, 5, 2), "UBND xã", "Báo cáo");
        fixture.givenNoPriorActivity().when(new EvidenceCommands.Attach(STREAM, ID, unit, late, "report", null, null))
                .expectNoEvents().expectException(Rejected.saying(RejectionCode.UNIT_CEASED, "document.date",
                        "evidence dated 2024-05-02", "merged into 30061 Đốc Binh Kiều"));
        DocumentRef undated = new DocumentRef("20/BC-UBND", null, "UBND xã", "Báo cáo");
        fixture.givenNoPriorActivity().when(new EvidenceCommands.Attach(STREAM, ID, unit, undated, "report", null, null))
                .expectNoEvents().expectException(Rejected.saying(RejectionCode.UNIT_CEASED, "target",
                        "give the document's date"));
        fixture.givenNoPriorActivity().when(attach(new EvidenceTarget(Kind.CASE, null, null, null, CASE), null))
                .expectEvents(new EvidenceAttachedEvent(ID, new EvidenceTarget(Kind.CASE, "30049", TestSets.SET, null,
                        CASE), TestSets.PLAN, "plan", null, null));
        // the plan of 26 January 2024 was written while Tân Kiều existed: still accepted
        fixture.givenNoPriorActivity().when(attach(unit, null))
                .expectEvents(new EvidenceAttachedEvent(ID, unit, TestSets.PLAN, "plan", null, null));
    }
}
