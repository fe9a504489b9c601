package org.ntmrecords.query.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.reporting.ReportFrequency;
import org.ntmrecords.events.reporting.ReportingPeriods;
import org.ntmrecords.events.reporting.ScheduleRule;
import org.ntmrecords.query.reporting.Compliance.Received;
import org.ntmrecords.query.reporting.Compliance.Status;

/** Compliance computed from a duty's bodies and its submissions, without a database. */
class ComplianceTest {
    private static final BodyRef TNMT = new BodyRef("Phòng Tài nguyên và Môi trường", "872-tnmt", null);
    private static final BodyRef KTHT = new BodyRef("Phòng Kinh tế và Hạ tầng", "872-ktht", null);
    private static final BodyRef TANKIEU = new BodyRef("UBND xã Tân Kiều", null, "30049");
    private static final LocalDate DUE = LocalDate.of(2024, 3, 10);

    @Test
    void onTimeLateMissingAndNotYetDue() {
        List<Received> received = List.of(new Received("a", "agency:872-tnmt", LocalDate.of(2024, 3, 10)),
                new Received("b", "agency:872-ktht", LocalDate.of(2024, 3, 14)),
                // received after the as-of day: not counted yet
                new Received("c", "unit:30049", LocalDate.of(2024, 4, 2)));
        Compliance.Result result = Compliance.of(List.of(TNMT, KTHT, TANKIEU), DUE, LocalDate.of(2024, 3, 31),
                received);
        assertThat(result.bodies()).extracting(Compliance.BodyStanding::status)
                .containsExactly(Status.ON_TIME, Status.LATE, Status.MISSING);
        assertThat(result.bodies().get(1).daysLate()).isEqualTo(4);
        assertThat(result.bodies().get(2).daysLate()).isEqualTo(21);
        assertThat(result.reported()).isEqualTo(2);
        assertThat(result.owed()).isEqualTo(3);

        Compliance.Result early = Compliance.of(List.of(TNMT, KTHT), DUE, LocalDate.of(2024, 3, 5), received);
        assertThat(early.bodies()).extracting(Compliance.BodyStanding::status)
                .containsExactly(Status.NOT_YET_DUE, Status.NOT_YET_DUE);
    }

    @Test
    void theFirstSubmissionInForceCounts() {
        List<Received> received = List.of(new Received("late", "agency:872-tnmt", LocalDate.of(2024, 3, 20)),
                new Received("early", "agency:872-tnmt", LocalDate.of(2024, 3, 9)));
        Compliance.Result result = Compliance.of(List.of(TNMT), DUE, LocalDate.of(2024, 3, 31), received);
        assertThat(result.bodies().get(0).status()).isEqualTo(Status.ON_TIME);
        assertThat(result.bodies().get(0).submissionId()).isEqualTo("early");
    }

    @Test
    void withNoDayStatedNothingReceivedByTheAsOfDayIsMissing() {
        // seed 001 line 73: as of the end of 04/4/2024, 5 of 7 bodies had reported
        Compliance.Result result = Compliance.of(List.of(TNMT, KTHT), null, LocalDate.of(2024, 4, 4),
                List.of(new Received("a", "agency:872-ktht", LocalDate.of(2024, 4, 4))));
        assertThat(result.bodies()).extracting(Compliance.BodyStanding::status)
                .containsExactly(Status.MISSING, Status.ON_TIME);
        assertThat(result.bodies().get(0).daysLate()).isNull();
    }

    @Test
    void dueDaysOfTheScheduleOfSeed000() {
        // seed 000 line 134: monthly on the 20th; quarter, 6 and 9 months on the 10th of the last month; year before 10/11
        List<ScheduleRule> schedule = List.of(new ScheduleRule(ReportFrequency.MONTHLY, 20, null, false),
                new ScheduleRule(ReportFrequency.QUARTERLY, 10, null, false),
                new ScheduleRule(ReportFrequency.SIX_MONTHS, 10, null, false),
                new ScheduleRule(ReportFrequency.NINE_MONTHS, 10, null, false),
                new ScheduleRule(ReportFrequency.YEARLY, 10, 11, true));
        assertThat(due(schedule, "2024-02")).isEqualTo(LocalDate.of(2024, 2, 20));
        assertThat(due(schedule, "2024-Q1")).isEqualTo(LocalDate.of(2024, 3, 10));
        assertThat(due(schedule, "2024-Q4")).isEqualTo(LocalDate.of(2024, 12, 10));
        assertThat(due(schedule, "2024-H1")).isEqualTo(LocalDate.of(2024, 6, 10));
        assertThat(due(schedule, "2024-M9")).isEqualTo(LocalDate.of(2024, 9, 10));
        assertThat(due(schedule, "2024")).isEqualTo(LocalDate.of(2024, 11, 9));
        assertThat(ReportingPeriods.ruleFor(schedule, "2024-W1")).isEmpty();
        assertThat(ReportingPeriods.ruleFor(List.of(schedule.get(0)), "2024-Q1")).isEmpty();
        assertThat(ReportingPeriods.dueDate(new ScheduleRule(ReportFrequency.MONTHLY, 31, null, false), "2024-02"))
                .isEqualTo(LocalDate.of(2024, 2, 29));
    }

    private static LocalDate due(List<ScheduleRule> schedule, String period) {
        return ReportingPeriods.dueDate(ReportingPeriods.ruleFor(schedule, period).orElseThrow(), period);
    }
}
