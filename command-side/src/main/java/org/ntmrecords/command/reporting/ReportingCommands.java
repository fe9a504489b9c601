package org.ntmrecords.command.reporting;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.reporting.ScheduleRule;

/** The commands of reporting duties: establish one, record a submission, correct a recorded submission. */
public final class ReportingCommands {
    private ReportingCommands() {
    }

    /**
     * Establish a duty of {@code unitCode} (the recipient's unit): scheduled ({@code schedule} non-empty, with
     * {@code scheduleAsWritten}), or one-off with its deadline as written ({@code dueAsWritten}, and its last day when
     * the rules cannot read it), or one-off with no day stated.
     */
    public record EstablishReportingDutyCommand(String unitCode, String dutyId, String title, BodyRef recipient,
                                                List<BodyRef> owedBy, String scheduleAsWritten,
                                                List<ScheduleRule> schedule, String dueAsWritten,
                                                LocalDate dueLastDay, DocumentRef basis, String source) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ReportingDuty.streamId(unitCode, dutyId);
        }
    }

    /** Record that {@code body} submitted the duty's report for {@code period} on {@code submittedOn}. */
    public record SubmitReportCommand(String unitCode, String dutyId, String submissionId, BodyRef body,
                                      String period, LocalDate submittedOn, DocumentRef document, String note) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ReportingDuty.streamId(unitCode, dutyId);
        }
    }

    /** Replace a recorded submission by a corrected one, saying why; the first stays in the record. */
    public record CorrectReportSubmissionCommand(String unitCode, String dutyId, String submissionId,
                                                 String correctsSubmissionId, BodyRef body, String period,
                                                 LocalDate submittedOn, DocumentRef document, String reason) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ReportingDuty.streamId(unitCode, dutyId);
        }
    }
}
