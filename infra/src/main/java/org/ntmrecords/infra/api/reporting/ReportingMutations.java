package org.ntmrecords.infra.api.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.ntmrecords.command.common.CommandRunner;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.Outcome;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.common.UserError;
import org.ntmrecords.command.reporting.ReportingCommands.CorrectReportSubmissionCommand;
import org.ntmrecords.command.reporting.ReportingCommands.EstablishReportingDutyCommand;
import org.ntmrecords.command.reporting.ReportingCommands.SubmitReportCommand;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.reporting.ReportFrequency;
import org.ntmrecords.events.reporting.ScheduleRule;
import org.ntmrecords.infra.api.GraphQlInputs;
import org.ntmrecords.infra.api.GraphQlInputs.DocumentRefInput;
import org.ntmrecords.infra.api.PayloadReads;
import org.ntmrecords.query.reporting.ReportingReadRepository;
import org.ntmrecords.query.reporting.ReportingReadRepository.DutyView;
import org.ntmrecords.query.reporting.ReportingReadRepository.SubmissionView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL mutations on reporting duties: establish one, record a submission, correct one. Each answers the duty or the
 * submission as the read model holds it once the change is applied, read only when the client asks for it.
 */
@Controller
public class ReportingMutations {
    private final CommandRunner commands;
    private final ReportingReadRepository reporting;
    private final PayloadReads payloads;

    public ReportingMutations(CommandRunner commands, ReportingReadRepository reporting, PayloadReads payloads) {
        this.commands = commands;
        this.reporting = reporting;
        this.payloads = payloads;
    }

    public record BodyRefInput(String name, String agencyId, String unitCode) {
    }

    public record ScheduleRuleInput(ReportFrequency frequency, Integer day, Integer month, Boolean before) {
    }

    public record EstablishReportingDutyInput(String unitCode, String dutyId, String title, BodyRefInput recipient,
                                              List<BodyRefInput> owedBy, String scheduleAsWritten,
                                              List<ScheduleRuleInput> schedule, String dueAsWritten,
                                              LocalDate dueLastDay, DocumentRefInput basis, String source) {
    }

    public record SubmitReportInput(String unitCode, String dutyId, String submissionId, BodyRefInput body,
                                    String period, LocalDate submittedOn, DocumentRefInput document, String note) {
    }

    public record CorrectReportSubmissionInput(String unitCode, String dutyId, String correctsSubmissionId,
                                               String submissionId, BodyRefInput body, String period,
                                               LocalDate submittedOn, DocumentRefInput document, String reason) {
    }

    /** What a duty mutation answers; {@code storeHead}: the store's head before the command. */
    public record ReportingDutyPayload(String unitCode, String dutyId, List<UserError> errors, long storeHead) {
    }

    /** What a submission mutation answers. */
    public record ReportSubmissionPayload(String unitCode, String dutyId, String submissionId, List<UserError> errors,
                                          long storeHead) {
    }

    @SchemaMapping(typeName = "ReportingDutyPayload", field = "duty")
    public DutyView duty(ReportingDutyPayload payload) {
        if (payload.dutyId() == null) {
            return null;
        }
        return payloads.read(payload.storeHead(),
                () -> reporting.find(payload.unitCode(), payload.dutyId()).orElse(null));
    }

    @SchemaMapping(typeName = "ReportSubmissionPayload", field = "submission")
    public SubmissionView submission(ReportSubmissionPayload payload) {
        if (payload.submissionId() == null) {
            return null;
        }
        return payloads.read(payload.storeHead(), () -> reporting.findSubmission(payload.unitCode(),
                payload.dutyId(), payload.submissionId()).orElse(null));
    }

    @MutationMapping
    public ReportingDutyPayload establishReportingDuty(@Argument EstablishReportingDutyInput input) {
        long head = payloads.mark();
        Outcome<?> outcome = commands.send(() -> new EstablishReportingDutyCommand(duty(input.unitCode(),
                        input.dutyId()), input.dutyId(),
                        input.title(), body("recipient", input.recipient()), bodies(input.owedBy()), input.scheduleAsWritten(),
                        rules(input.schedule()), input.dueAsWritten(), input.dueLastDay(),
                        GraphQlInputs.ref(input.basis()), input.source()),
                id -> unknownDuty(input.unitCode(), input.dutyId()),
                () -> new UserError(RejectionCode.ALREADY_EXISTS, "dutyId",
                        CommandText.of("reporting.alreadyEstablished", input.unitCode(), input.dutyId())));
        return outcome.succeeded()
                ? new ReportingDutyPayload(Inputs.normalize(input.unitCode()), Inputs.normalize(input.dutyId()),
                outcome.errors(), head)
                : new ReportingDutyPayload(null, null, outcome.errors(), head);
    }

    @MutationMapping
    public ReportSubmissionPayload submitReport(@Argument SubmitReportInput input) {
        String id = input.submissionId() == null ? UUID.randomUUID().toString() : input.submissionId();
        return submission(input.unitCode(), input.dutyId(), id, () -> commands.send(
                () -> new SubmitReportCommand(duty(input.unitCode(), input.dutyId()), input.dutyId(), id,
                        body("body", input.body()), input.period(), input.submittedOn(), GraphQlInputs.ref(input.document()),
                        input.note()),
                x -> unknownDuty(input.unitCode(), input.dutyId()), () -> unknownDuty(input.unitCode(),
                        input.dutyId())));
    }

    @MutationMapping
    public ReportSubmissionPayload correctReportSubmission(@Argument CorrectReportSubmissionInput input) {
        String id = input.submissionId() == null ? UUID.randomUUID().toString() : input.submissionId();
        return submission(input.unitCode(), input.dutyId(), id, () -> commands.send(
                () -> new CorrectReportSubmissionCommand(duty(input.unitCode(), input.dutyId()), input.dutyId(), id,
                        input.correctsSubmissionId(), body("body", input.body()), input.period(), input.submittedOn(),
                        GraphQlInputs.ref(input.document()), input.reason()),
                x -> unknownDuty(input.unitCode(), input.dutyId()), () -> unknownDuty(input.unitCode(),
                        input.dutyId())));
    }

    private ReportSubmissionPayload submission(String unitCode, String dutyId, String id,
                                               Supplier<Outcome<?>> send) {
        long head = payloads.mark();
        Outcome<?> outcome = send.get();
        return outcome.succeeded()
                ? new ReportSubmissionPayload(Inputs.normalize(unitCode), Inputs.normalize(dutyId),
                Inputs.normalize(id), outcome.errors(), head)
                : new ReportSubmissionPayload(null, null, null, outcome.errors(), head);
    }

    /** The duty's unit and id checked before they name a stream: a malformed one is an input error, not a lookup. */
    private static String duty(String unitCode, String dutyId) {
        Inputs.requiredCode("dutyId", dutyId);
        return Inputs.requiredCode("unitCode", unitCode);
    }

    /** A body with its agency and unit codes checked before the access rules look them up. */
    private static BodyRef body(String field, BodyRefInput input) {
        if (input == null) {
            return null;
        }
        return new BodyRef(input.name(),
                input.agencyId() == null ? null : Inputs.requiredCode(field + ".agencyId", input.agencyId()),
                input.unitCode() == null ? null : Inputs.requiredCode(field + ".unitCode", input.unitCode()));
    }

    private static List<BodyRef> bodies(List<BodyRefInput> inputs) {
        return inputs == null ? null : inputs.stream().map(b -> body("owedBy", b)).toList();
    }

    private static List<ScheduleRule> rules(List<ScheduleRuleInput> inputs) {
        return inputs == null ? null : inputs.stream().map(r -> r == null ? null : new ScheduleRule(r.frequency(),
                r.day() == null ? 0 : r.day(), r.month(), Boolean.TRUE.equals(r.before()))).toList();
    }

    private static UserError unknownDuty(String unitCode, String dutyId) {
        return new UserError(RejectionCode.UNKNOWN_REPORTING_DUTY, "dutyId",
                CommandText.of("reporting.notEstablished", unitCode, dutyId));
    }
}
