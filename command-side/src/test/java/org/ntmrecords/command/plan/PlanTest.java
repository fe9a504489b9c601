package org.ntmrecords.command.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.support.InMemoryCatalog;
import org.ntmrecords.command.support.InMemoryUnitDirectory;
import org.ntmrecords.command.support.Rejected;
import org.ntmrecords.command.support.TestSets;
import org.ntmrecords.events.EventMetadata;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.common.Deadline;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.common.Money;
import org.ntmrecords.events.plan.FundingSource;
import org.ntmrecords.events.plan.FundingStage;
import org.ntmrecords.events.plan.PlanAim;
import org.ntmrecords.events.plan.PlanAmendedEvent;
import org.ntmrecords.events.plan.PlanFundsRecordedEvent;
import org.ntmrecords.events.plan.PlanIssuedEvent;
import org.ntmrecords.events.plan.PlanItemAddedEvent;
import org.ntmrecords.events.plan.PlanTaskClosedEvent;
import org.ntmrecords.events.plan.PlanTaskCompletedEvent;
import org.ntmrecords.events.plan.PlanTaskProgressNotedEvent;
import org.ntmrecords.events.plan.PlanTaskReopenedEvent;
import org.ntmrecords.events.plan.PlannedFunding;
import org.ntmrecords.events.unit.UnitKind;

/**
 * A plan is issued for a registered unit, amended by new versions, holds annex rows with one task per unit each;
 * tasks are done by a judgment (once per judgment), closed and reopened by decisions; money is recorded per item.
 * Figures from seed 000 (Kế hoạch 317/KH-UBND, Phụ lục 6 row 4.2 = indicator 7.4) in the test set's shape.
 */
class PlanTest {
    private static final String ID = "872-2024-317";
    private static final String STREAM = Plan.streamId(ID);
    private static final BodyRef UBND = new BodyRef("Ủy ban nhân dân huyện Tháp Mười", null, "872");
    private static final BodyRef TNMT = new BodyRef("Phòng Tài nguyên và Môi trường huyện", "872-tnmt", null);
    private static final BodyRef ORGS = new BodyRef("Các tổ chức chính trị- xã hội huyện", null, null);
    private static final LocalDate DATE = LocalDate.of(2024, 1, 26);
    private static final List<PlanAim> AIMS = List.of(new PlanAim(TestSets.SET, "huyện NTM nâng cao năm 2024"));

    private AggregateTestFixture<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
        fixture.registerInjectableResource(new InMemoryUnitDirectory()
                .with("872", "Tháp Mười", UnitKind.DISTRICT, "87")
                .with("30049", "Tân Kiều", UnitKind.COMMUNE, "872")
                .with("30301", "Elsewhere", UnitKind.COMMUNE, "875"));
        fixture.registerInjectableResource(new InMemoryCatalog().with(TestSets.communeSet()));
        fixture.registerInjectableResource(TestSets.CLOCK);
    }

    private static PlanCommands.Issue issue(LocalDate date) {
        return new PlanCommands.Issue(STREAM, ID, "872", "317/KH-UBND", "316/KH-UBND", date, UBND, 2024,
                "Xây dựng huyện Tháp Mười đạt chuẩn nông thôn mới nâng cao năm 2024", AIMS, List.of(), null);
    }

    private static PlanIssuedEvent issued() {
        return new PlanIssuedEvent(ID, "872", "317/KH-UBND", "316/KH-UBND", DATE, UBND, 2024,
                "Xây dựng huyện Tháp Mười đạt chuẩn nông thôn mới nâng cao năm 2024", AIMS, List.of(), null);
    }

    private static PlanCommands.AddItem item(List<String> units, String deadline) {
        return new PlanCommands.AddItem(STREAM, "872", "e-4-2", "4.2", TestSets.SET, null, "1.1", "7.4 phân loại",
                units, "≥ 70%", "Chưa đạt 64,8/70%", List.of(), null, "Tiếp tục tuyên truyền vận động", TNMT,
                List.of(ORGS), deadline, null, new Money(new BigDecimal("970000000"), "970 triệu"),
                List.of(new PlannedFunding(FundingSource.RESIDENTS, "nhân dân", new Money(new BigDecimal("970000000"),
                        "970 triệu"))));
    }

    private static PlanItemAddedEvent added() {
        return new PlanItemAddedEvent(ID, "872", "e-4-2", 1, "4.2", TestSets.SET, "1", "1.1", "7.4 phân loại",
                List.of("872", "30049"), "≥ 70%", "Chưa đạt 64,8/70%", List.of(), null,
                "Tiếp tục tuyên truyền vận động", TNMT, List.of(ORGS),
                new Deadline("Tháng 6/2024", LocalDate.of(2024, 6, 30)),
                new Money(new BigDecimal("970000000"), "970 triệu"),
                List.of(new PlannedFunding(FundingSource.RESIDENTS, "nhân dân",
                        new Money(new BigDecimal("970000000"), "970 triệu"))));
    }

    @Test
    void aPlanIsIssuedWithBothNumbersAsWrittenAndNotDatedInTheFuture() {
        fixture.givenNoPriorActivity().when(issue(DATE)).expectEvents(issued());
        fixture.givenNoPriorActivity().when(issue(LocalDate.of(2024, 7, 1)))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.FUTURE_DATE, "date"));
        fixture.givenNoPriorActivity().when(new PlanCommands.Issue(STREAM, ID, "99999", "1/KH", null, DATE, UBND,
                        2024, "x", null, null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNKNOWN_UNIT, "unitCode"));
        fixture.givenNoPriorActivity().when(new PlanCommands.Issue(STREAM, ID, "872", "1/KH", null, DATE, UBND,
                        null, "x", null, null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.OUT_OF_RANGE, "year"));
        fixture.givenNoPriorActivity().when(new PlanCommands.Issue(STREAM, ID, "872", "1/KH", null, DATE,
                        new BodyRef(" ", null, null), 2024, "x", null, null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "issuer.name"));
    }

    @Test
    void aPlanWhoseSourceLeavesTheDayBlankKeepsItsDateLineAsWritten() {
        // seed 004 line 5: "Cẩm Ngọc, ngày tháng 8 năm 2023"
        fixture.givenNoPriorActivity().when(new PlanCommands.Issue(STREAM, ID, "872", "/ KH- UBND", null, null, UBND,
                        2023, "x", null, null, "ngày tháng 8 năm 2023"))
                .expectEvents(new PlanIssuedEvent(ID, "872", "/ KH- UBND", null, null, UBND, 2023, "x", List.of(),
                        List.of(), "ngày tháng 8 năm 2023"));
        fixture.givenNoPriorActivity().when(new PlanCommands.Issue(STREAM, ID, "872", "/ KH- UBND", null, null, UBND,
                        2023, "x", null, null, " "))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "date"));
    }

    @Test
    void anAmendmentIsANewVersionKeepingWhatItDoesNotChange() {
        DocumentRef doc = new DocumentRef("50/KH-UBND", LocalDate.of(2024, 3, 1), "UBND huyện Tháp Mười", null);
        fixture.given(issued()).when(new PlanCommands.Amend(STREAM, "872", LocalDate.of(2024, 3, 1), "thêm mục 8.9",
                        "rà soát quý I", doc, null, null, null))
                .expectEvents(new PlanAmendedEvent(ID, "872", 2, LocalDate.of(2024, 3, 1), "thêm mục 8.9",
                        "rà soát quý I", doc, issued().title(), AIMS, List.of()));
        fixture.given(issued()).when(new PlanCommands.Amend(STREAM, "872", LocalDate.of(2024, 3, 1), "x", " ", null,
                        null, null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "reason"));
        fixture.given(issued()).when(new PlanCommands.Amend(STREAM, "30049", LocalDate.of(2024, 3, 1), "x", "y",
                        null, null, null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "unitCode"));
    }

    @Test
    void anItemReadsItsDeadlineAndConcernsOnlyUnitsUnderThePlansUnit() {
        fixture.given(issued()).when(item(List.of("872", "30049"), "Tháng 6/2024")).expectEvents(added());
        fixture.given(issued()).when(item(List.of("30301"), "Tháng 6/2024"))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_PARENT, "unitCodes[0]"));
        fixture.given(issued()).when(item(List.of("872"), "sớm nhất có thể"))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "deadline.lastDay"));
        fixture.given(issued(), added()).when(item(List.of("872"), "Tháng 6/2024"))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.ALREADY_EXISTS, "itemId"));
        PlanCommands.AddItem wrongIndicator = new PlanCommands.AddItem(STREAM, "872", "x", null, TestSets.SET, null,
                "9.9", "x", List.of("872"), null, null, null, null, null, TNMT, null, "Tháng 6/2024", null, null,
                null);
        fixture.given(issued()).when(wrongIndicator)
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNKNOWN_INDICATOR, "indicatorCode"));
        PlanCommands.AddItem fractionalMoney = new PlanCommands.AddItem(STREAM, "872", "x", null, null, null, null,
                "x", List.of("872"), null, null, null, null, null, TNMT, null, "Tháng 6/2024", null,
                new Money(new BigDecimal("0.5"), "nửa đồng"), null);
        fixture.given(issued()).when(fractionalMoney)
                .expectNoEvents().expectException(Rejected.with(RejectionCode.OUT_OF_RANGE, "cost.vnd"));
    }

    @Test
    void theLeadAgencyNotesProgressAnotherAgencyMayNot() {
        PlanCommands.NoteProgress note = new PlanCommands.NoteProgress(STREAM, "872", "e-4-2", "872", "n1",
                LocalDate.of(2024, 4, 10), TNMT, "Đã tổ chức tuyên truyền tại 12 xã", List.of(), List.of("doc-1"));
        fixture.given(issued(), added())
                .when(note, MetaData.with(EventMetadata.ACTOR_ROLE, "DISTRICT_AGENCY")
                        .and(EventMetadata.ACTOR_AGENCY, "872-tnmt"))
                .expectEvents(new PlanTaskProgressNotedEvent(ID, "e-4-2", "872", "n1", LocalDate.of(2024, 4, 10),
                        TNMT, "Đã tổ chức tuyên truyền tại 12 xã", List.of(), List.of("doc-1")));
        fixture.given(issued(), added())
                .when(note, MetaData.with(EventMetadata.ACTOR_ROLE, "DISTRICT_AGENCY")
                        .and(EventMetadata.ACTOR_AGENCY, "872-yte"))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.NOT_ALLOWED, "itemId"));
        fixture.given(issued(), added())
                .when(new PlanCommands.NoteProgress(STREAM, "872", "e-4-2", "30061", "n1", LocalDate.of(2024, 4, 10),
                        TNMT, "x", null, null), MetaData.with(EventMetadata.ACTOR_ROLE, "DISTRICT_COORDINATION_OFFICE"))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "taskUnitCode"));
    }

    @Test
    void aJudgmentCompletesAnOpenTaskOnceAndNamesItself() {
        PlanCommands.CompleteByJudgment complete = new PlanCommands.CompleteByJudgment(STREAM, "e-4-2", "30049",
                "judged-1", "30049@" + TestSets.SET);
        PlanTaskCompletedEvent completed = new PlanTaskCompletedEvent(ID, "e-4-2", "30049", TestSets.SET, "1.1",
                "judged-1", "30049@" + TestSets.SET);
        fixture.given(issued(), added()).when(complete).expectEvents(completed);
        // idempotent: a replayed process sends it again, nothing new is recorded
        fixture.given(issued(), added(), completed).when(complete).expectNoEvents().expectSuccessfulHandlerExecution();
        // a task closed by a decision stays closed
        PlanTaskClosedEvent closed = new PlanTaskClosedEvent(ID, "e-4-2", "30049", LocalDate.of(2024, 5, 1), "x",
                null);
        fixture.given(issued(), added(), closed).when(complete).expectNoEvents();
        // reopened, the same judgment does not complete it again; a later one does
        PlanTaskReopenedEvent reopened = new PlanTaskReopenedEvent(ID, "e-4-2", "30049", LocalDate.of(2024, 5, 2),
                "y", null);
        fixture.given(issued(), added(), completed, reopened).when(complete).expectNoEvents();
        fixture.given(issued(), added(), completed, reopened).when(new PlanCommands.CompleteByJudgment(STREAM,
                        "e-4-2", "30049", "judged-2", "30049@" + TestSets.SET))
                .expectEvents(new PlanTaskCompletedEvent(ID, "e-4-2", "30049", TestSets.SET, "1.1", "judged-2",
                        "30049@" + TestSets.SET));
    }

    @Test
    void aTaskIsClosedAndReopenedByDecisionsWithReasons() {
        PlanCommands.CloseTask close = new PlanCommands.CloseTask(STREAM, "872", "e-4-2", "872",
                LocalDate.of(2024, 5, 1), "Chỉ tiêu không còn áp dụng", null);
        PlanTaskClosedEvent closed = new PlanTaskClosedEvent(ID, "e-4-2", "872", LocalDate.of(2024, 5, 1),
                "Chỉ tiêu không còn áp dụng", null);
        fixture.given(issued(), added()).when(close).expectEvents(closed);
        fixture.given(issued(), added(), closed).when(close)
                .expectNoEvents().expectException(Rejected.with(RejectionCode.NO_CHANGE, "itemId"));
        fixture.given(issued(), added(), closed).when(new PlanCommands.ReopenTask(STREAM, "872", "e-4-2", "872",
                        LocalDate.of(2024, 5, 2), "Rà soát lại", null))
                .expectEvents(new PlanTaskReopenedEvent(ID, "e-4-2", "872", LocalDate.of(2024, 5, 2), "Rà soát lại",
                        null));
        fixture.given(issued(), added()).when(new PlanCommands.ReopenTask(STREAM, "872", "e-4-2", "872",
                        LocalDate.of(2024, 5, 2), "x", null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.NO_CHANGE, "itemId"));
        fixture.given(issued(), added()).when(new PlanCommands.CloseTask(STREAM, "872", "e-4-2", "872",
                        LocalDate.of(2024, 5, 1), "", null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "reason"));
    }

    @Test
    void moneyIsRecordedPerItemExactlyOnce() {
        Money mobilised = new Money(new BigDecimal("300000000"), "300 triệu");
        PlanCommands.RecordFunds funds = new PlanCommands.RecordFunds(STREAM, "872", "e-4-2", "f1",
                FundingSource.RESIDENTS, "nhân dân", FundingStage.MOBILISED, mobilised, LocalDate.of(2023, 8, 1), UBND,
                null, "đạt 30.92 % so với KH", null);
        PlanFundsRecordedEvent recorded = new PlanFundsRecordedEvent(ID, "e-4-2", "f1", FundingSource.RESIDENTS,
                "nhân dân", FundingStage.MOBILISED, mobilised, LocalDate.of(2023, 8, 1), UBND, null,
                "đạt 30.92 % so với KH", null);
        fixture.given(issued(), added()).when(funds).expectEvents(recorded);
        fixture.given(issued(), added(), recorded).when(funds)
                .expectNoEvents().expectException(Rejected.with(RejectionCode.ALREADY_EXISTS, "fundsId"));
        fixture.given(issued(), added()).when(new PlanCommands.RecordFunds(STREAM, "872", "e-9", "f1",
                        FundingSource.RESIDENTS, null, FundingStage.MOBILISED, mobilised, LocalDate.of(2023, 8, 1),
                        UBND, null, null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "itemId"));
        fixture.given(issued(), added()).when(new PlanCommands.RecordFunds(STREAM, "872", "e-4-2", "f1",
                        FundingSource.RESIDENTS, null, FundingStage.MOBILISED,
                        new Money(new BigDecimal("-1"), null), LocalDate.of(2023, 8, 1), UBND, null, null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.OUT_OF_RANGE, "amount.vnd"));
    }
}
