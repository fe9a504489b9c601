package org.ntmrecords.command.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.reporting.ReportingCommands.CorrectReportSubmissionCommand;
import org.ntmrecords.command.reporting.ReportingCommands.EstablishReportingDutyCommand;
import org.ntmrecords.command.reporting.ReportingCommands.SubmitReportCommand;
import org.ntmrecords.command.support.InMemoryAgencies;
import org.ntmrecords.command.support.InMemoryUnitDirectory;
import org.ntmrecords.command.support.Rejected;
import org.ntmrecords.command.support.TestSets;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.common.Deadline;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.reporting.ReportFrequency;
import org.ntmrecords.events.reporting.ReportSubmissionCorrectedEvent;
import org.ntmrecords.events.reporting.ReportSubmittedEvent;
import org.ntmrecords.events.reporting.ReportingDutyEstablishedEvent;
import org.ntmrecords.events.reporting.ScheduleRule;
import org.ntmrecords.events.unit.UnitKind;

/** Reporting duties of Tháp Mười as seed 000 states them (Kế hoạch 317/KH-UBND, lines 132 and 134). */
class ReportingDutyTest {
    private static final DocumentRef PLAN = TestSets.PLAN;
    private static final BodyRef OFFICE = new BodyRef("Văn phòng Điều phối xây dựng nông thôn mới huyện", null, "872");
    private static final BodyRef TNMT = new BodyRef("Phòng Tài nguyên và Môi trường huyện", "872-tnmt", null);
    private static final BodyRef KTHT = new BodyRef("Phòng Kinh tế và Hạ tầng huyện", "872-ktht", null);
    // seed 000 line 134, word for word
    private static final String SCHEDULE_TEXT = "Hàng tháng vào ngày 20 của tháng, quý, 6 tháng, 9 tháng vào ngày 10 "
            + "của tháng cuối quý, năm trước ngày 10 tháng 11 của năm";
    private static final List<ScheduleRule> SCHEDULE = List.of(new ScheduleRule(ReportFrequency.MONTHLY, 20, null, false),
            new ScheduleRule(ReportFrequency.QUARTERLY, 10, null, false),
            new ScheduleRule(ReportFrequency.SIX_MONTHS, 10, null, false),
            new ScheduleRule(ReportFrequency.NINE_MONTHS, 10, null, false),
            new ScheduleRule(ReportFrequency.YEARLY, 10, 11, true));
    private static final ReportingDutyEstablishedEvent PERIODIC = new ReportingDutyEstablishedEvent("dinh-ky", "872",
            "Định kỳ báo cáo kết quả thực hiện (nội dung đơn vị phụ trách)", OFFICE, List.of(TNMT, KTHT), SCHEDULE_TEXT,
            SCHEDULE, null, PLAN, "seed 000 line 134");

    private AggregateTestFixture<ReportingDuty> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReportingDuty.class);
        InMemoryUnitDirectory units = new InMemoryUnitDirectory()
                .with("87", "Đồng Tháp", UnitKind.PROVINCE, null)
                .with("872", "Tháp Mười", UnitKind.DISTRICT, "87");
        InMemoryAgencies agencies = new InMemoryAgencies();
        agencies.with("872-tnmt", "872", TestSets.SET, Set.of(), Set.of());
        agencies.with("872-ktht", "872", TestSets.SET, Set.of(), Set.of());
        fixture.registerInjectableResource(units);
        fixture.registerInjectableResource(agencies);
        fixture.registerInjectableResource(TestSets.CLOCK);
    }

    private static EstablishReportingDutyCommand periodic(List<BodyRef> owedBy, List<ScheduleRule> schedule,
                                                          String dueAsWritten) {
        return new EstablishReportingDutyCommand("872", "dinh-ky",
                "Định kỳ báo cáo kết quả thực hiện (nội dung đơn vị phụ trách)", OFFICE, owedBy, SCHEDULE_TEXT, schedule,
                dueAsWritten, null, PLAN, "seed 000 line 134");
    }

    private static SubmitReportCommand submit(String id, BodyRef body, String period, LocalDate on) {
        return new SubmitReportCommand("872", "dinh-ky", id, body, period, on, new DocumentRef("12/BC-TNMT", on, null,
                null), null);
    }

    @Test
    void establishesTheScheduleOfSeed000() {
        fixture.givenNoPriorActivity().when(periodic(List.of(TNMT, KTHT), SCHEDULE, null)).expectEvents(PERIODIC);
    }

    @Test
    void establishesAOneOffDutyWithItsDeadlineRead() {
        // seed 000 line 132: mẫu số 10 … gửi về Văn Phòng Điều phối huyện đến ngày 10/7/2024
        fixture.givenNoPriorActivity()
                .when(new EstablishReportingDutyCommand("872", "mau-10", "Báo cáo kết quả huyện NTM nâng cao (mẫu số 10)",
                        OFFICE, List.of(TNMT), null, null, "đến ngày 10/7/2024", null, PLAN, "seed 000 line 132"))
                .expectEvents(new ReportingDutyEstablishedEvent("mau-10", "872",
                        "Báo cáo kết quả huyện NTM nâng cao (mẫu số 10)", OFFICE, List.of(TNMT), null, List.of(),
                        new Deadline("đến ngày 10/7/2024", LocalDate.of(2024, 7, 10)), PLAN, "seed 000 line 132"));
    }

    @Test
    void cannotEstablishWithoutBodiesWithABodyTwiceOrUnknownOrWithBadRules() {
        fixture.givenNoPriorActivity().when(periodic(List.of(), SCHEDULE, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "owedBy"));
        fixture.givenNoPriorActivity().when(periodic(List.of(TNMT, TNMT), SCHEDULE, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "owedBy"));
        fixture.givenNoPriorActivity().when(periodic(List.of(new BodyRef("Phòng X", "872-x", null)), SCHEDULE, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNKNOWN_AGENCY, "owedBy.agencyId"));
        fixture.givenNoPriorActivity().when(periodic(List.of(TNMT), SCHEDULE, "Tháng 6/2024"))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "dueAsWritten"));
        fixture.givenNoPriorActivity().when(periodic(List.of(TNMT),
                        List.of(new ScheduleRule(ReportFrequency.MONTHLY, 32, null, false)), null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.OUT_OF_RANGE, "schedule.day"));
        fixture.givenNoPriorActivity().when(periodic(List.of(TNMT),
                        List.of(new ScheduleRule(ReportFrequency.YEARLY, 10, null, true)), null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "schedule.month"));
        fixture.givenNoPriorActivity().when(new EstablishReportingDutyCommand("999", "d", "t", OFFICE, List.of(TNMT),
                        null, null, null, null, null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNKNOWN_UNIT, "unitCode"));
        fixture.givenNoPriorActivity().when(new EstablishReportingDutyCommand("872", "d", "t", OFFICE, List.of(TNMT),
                        null, null, "sớm nhất có thể", null, null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "due.lastDay"));
    }

    @Test
    void recordsASubmissionForAScheduledPeriod() {
        LocalDate on = LocalDate.of(2024, 3, 12);
        fixture.given(PERIODIC).when(submit("s1", TNMT, "2024-Q1", on))
                .expectEvents(new ReportSubmittedEvent("dinh-ky", "872", "s1", TNMT, "2024-Q1", on,
                        new DocumentRef("12/BC-TNMT", on, null, null), null));
    }

    @Test
    void cannotRecordASubmissionOfABodyThatDoesNotOweItOrForAPeriodOffTheSchedule() {
        LocalDate on = LocalDate.of(2024, 3, 12);
        fixture.given(PERIODIC).when(submit("s1", new BodyRef("Phòng Y tế", null, null), "2024-Q1", on))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "body"));
        fixture.given(PERIODIC).when(submit("s1", TNMT, "2024-W12", on))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_PERIOD, "period"));
        fixture.given(PERIODIC).when(submit("s1", TNMT, null, on))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_PERIOD, "period"));
        fixture.given(PERIODIC).when(submit("s1", TNMT, "2024-Q2", on))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_PERIOD, "submittedOn"));
        fixture.given(PERIODIC).when(submit("s1", TNMT, "2024-Q1", LocalDate.of(2099, 1, 1)))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.FUTURE_DATE, "submittedOn"));
        fixture.given(PERIODIC).when(submit("s1", TNMT, "2024-Q1", null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "submittedOn"));
        fixture.given(PERIODIC, new ReportSubmittedEvent("dinh-ky", "872", "s1", TNMT, "2024-Q1", on, null, null))
                .when(submit("s1", TNMT, "2024-Q1", on))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.ALREADY_EXISTS, "submissionId"));
    }

    @Test
    void correctsASubmissionOnceNamingItAndWhy() {
        LocalDate on = LocalDate.of(2024, 3, 12);
        LocalDate later = LocalDate.of(2024, 3, 14);
        ReportSubmittedEvent first = new ReportSubmittedEvent("dinh-ky", "872", "s1", TNMT, "2024-Q1", on, null, null);
        CorrectReportSubmissionCommand correction = new CorrectReportSubmissionCommand("872", "dinh-ky", "s2", "s1",
                TNMT, "2024-Q1", later, null, "ngày nhận ghi nhầm");
        fixture.given(PERIODIC, first).when(correction)
                .expectEvents(new ReportSubmissionCorrectedEvent("dinh-ky", "872", "s2", "s1", TNMT, "2024-Q1", later,
                        null, "ngày nhận ghi nhầm"));
        fixture.given(PERIODIC, first, new ReportSubmissionCorrectedEvent("dinh-ky", "872", "s2", "s1", TNMT,
                        "2024-Q1", later, null, "r"))
                .when(new CorrectReportSubmissionCommand("872", "dinh-ky", "s3", "s1", TNMT, "2024-Q1", later, null, "r"))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.ALREADY_CORRECTED, "correctsSubmissionId"));
        fixture.given(PERIODIC).when(correction)
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNKNOWN_SUBMISSION, "correctsSubmissionId"));
        fixture.given(PERIODIC, first).when(new CorrectReportSubmissionCommand("872", "dinh-ky", "s2", "s1", TNMT,
                        "2024-Q1", later, null, " "))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "reason"));
    }
}
