package org.ntmrecords.command.reporting;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ntmrecords.command.agency.AgencyDirectory;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Deadlines;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.reporting.ReportingCommands.CorrectReportSubmissionCommand;
import org.ntmrecords.command.reporting.ReportingCommands.EstablishReportingDutyCommand;
import org.ntmrecords.command.reporting.ReportingCommands.SubmitReportCommand;
import org.ntmrecords.command.unit.UnitDirectory;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.common.Deadline;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.reporting.Bodies;
import org.ntmrecords.events.reporting.ReportFrequency;
import org.ntmrecords.events.reporting.ReportSubmissionCorrectedEvent;
import org.ntmrecords.events.reporting.ReportSubmittedEvent;
import org.ntmrecords.events.reporting.ReportingDutyEstablishedEvent;
import org.ntmrecords.events.reporting.ReportingPeriods;
import org.ntmrecords.events.reporting.ScheduleRule;

/**
 * A reporting duty (chế độ báo cáo) of a unit: who owes it, to whom, when; and the submissions recorded against it.
 * A submission names a body that owes the duty and, for a scheduled duty, a period its schedule covers; a correction
 * replaces one recorded submission (once) and keeps it in the record.
 */
@Aggregate
public class ReportingDuty {
    private static final String PREFIX = "reporting:";
    static final int BODIES_MAX = 100;

    @AggregateIdentifier
    private String streamId;
    private String unitCode;
    private String dutyId;
    private Map<String, BodyRef> owedBy = new LinkedHashMap<>();
    private List<ScheduleRule> schedule = List.of();
    /** Every submission id recorded, with the id of the submission that corrected it (null while none has). */
    private Map<String, String> correctedBy = new HashMap<>();

    protected ReportingDuty() {
    }

    /** The event stream of a duty: its unit and its id within the unit. */
    public static String streamId(String unitCode, String dutyId) {
        return PREFIX + unitCode + "/" + dutyId;
    }

    @CommandHandler
    public ReportingDuty(EstablishReportingDutyCommand command, UnitDirectory units, AgencyDirectory agencies,
                         Clock clock) {
        String unit = Inputs.requiredCode("unitCode", command.unitCode());
        if (units.find(unit).isEmpty()) {
            throw new CommandRejectedException(RejectionCode.UNKNOWN_UNIT, "unitCode",
                    CommandText.of("unit.notRegistered", unit));
        }
        String id = Inputs.requiredCode("dutyId", command.dutyId());
        String title = Inputs.requiredText("title", command.title(), Inputs.TEXT_MAX);
        BodyRef recipient = body("recipient", command.recipient(), units, agencies);
        if (command.owedBy() == null || command.owedBy().isEmpty()) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "owedBy",
                    CommandText.of("reporting.noBodies"));
        }
        if (command.owedBy().size() > BODIES_MAX) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "owedBy",
                    CommandText.of("reporting.tooManyBodies", BODIES_MAX));
        }
        Map<String, BodyRef> bodies = new LinkedHashMap<>();
        for (BodyRef given : command.owedBy()) {
            BodyRef body = body("owedBy", given, units, agencies);
            if (bodies.put(Bodies.key(body), body) != null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "owedBy",
                        CommandText.of("reporting.bodyTwice", body.name()));
            }
        }
        List<ScheduleRule> rules = schedule(command.schedule());
        String scheduleText = Inputs.optionalText("scheduleAsWritten", command.scheduleAsWritten(), Inputs.TEXT_MAX);
        Deadline due = null;
        if (!rules.isEmpty()) {
            if (scheduleText == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "scheduleAsWritten",
                        CommandText.of("reporting.scheduleAsWrittenRequired"));
            }
            if (command.dueAsWritten() != null || command.dueLastDay() != null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "dueAsWritten",
                        CommandText.of("reporting.scheduleOrDue"));
            }
        } else {
            if (scheduleText != null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "schedule",
                        CommandText.of("reporting.scheduleRulesRequired"));
            }
            if (command.dueAsWritten() != null || command.dueLastDay() != null) {
                due = Deadlines.read("due", command.dueAsWritten(), command.dueLastDay());
                if (due.lastDay().isBefore(Inputs.EARLIEST_DATE) || due.lastDay().getYear() > 2100) {
                    throw new CommandRejectedException(RejectionCode.OUT_OF_RANGE, "dueLastDay",
                            CommandText.of("reporting.dueOutOfRange", due.lastDay()));
                }
            }
        }
        apply(new ReportingDutyEstablishedEvent(id, unit, title, recipient, new ArrayList<>(bodies.values()),
                scheduleText, rules, due, Inputs.document("basis", command.basis(), LocalDate.now(clock)),
                Inputs.optionalLine("source", command.source(), Inputs.NAME_MAX)));
    }

    @CommandHandler
    public void handle(SubmitReportCommand command, UnitDirectory units, AgencyDirectory agencies, Clock clock) {
        Submission s = submission(command.submissionId(), command.body(), command.period(), command.submittedOn(),
                command.document(), units, agencies, clock);
        apply(new ReportSubmittedEvent(dutyId, unitCode, s.id(), s.body(), s.period(), s.submittedOn(), s.document(),
                Inputs.optionalText("note", command.note(), Inputs.TEXT_MAX)));
    }

    @CommandHandler
    public void handle(CorrectReportSubmissionCommand command, UnitDirectory units, AgencyDirectory agencies,
                       Clock clock) {
        String corrects = Inputs.requiredCode("correctsSubmissionId", command.correctsSubmissionId());
        if (!correctedBy.containsKey(corrects)) {
            throw new CommandRejectedException(RejectionCode.UNKNOWN_SUBMISSION, "correctsSubmissionId",
                    CommandText.of("reporting.unknownSubmission", corrects, dutyId));
        }
        if (correctedBy.get(corrects) != null) {
            throw new CommandRejectedException(RejectionCode.ALREADY_CORRECTED, "correctsSubmissionId",
                    CommandText.of("reporting.alreadyCorrected", corrects, correctedBy.get(corrects)));
        }
        String reason = Inputs.requiredText("reason", command.reason(), Inputs.TEXT_MAX);
        Submission s = submission(command.submissionId(), command.body(), command.period(), command.submittedOn(),
                command.document(), units, agencies, clock);
        apply(new ReportSubmissionCorrectedEvent(dutyId, unitCode, s.id(), corrects, s.body(), s.period(),
                s.submittedOn(), s.document(), reason));
    }

    private record Submission(String id, BodyRef body, String period, LocalDate submittedOn, DocumentRef document) {
    }

    private Submission submission(String submissionId, BodyRef given, String period, LocalDate submittedOn,
                                  DocumentRef document, UnitDirectory units, AgencyDirectory agencies, Clock clock) {
        String id = Inputs.requiredCode("submissionId", submissionId);
        if (correctedBy.containsKey(id)) {
            throw new CommandRejectedException(RejectionCode.ALREADY_EXISTS, "submissionId",
                    CommandText.of("reporting.submissionExists", id));
        }
        BodyRef body = body("body", given, units, agencies);
        BodyRef owing = owedBy.get(Bodies.key(body));
        if (owing == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "body",
                    CommandText.of("reporting.bodyDoesNotOwe", body.name(), dutyId));
        }
        String checkedPeriod = Inputs.optionalLine("period", period, Inputs.CODE_MAX);
        LocalDate today = LocalDate.now(clock);
        if (submittedOn == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "submittedOn",
                    CommandText.of("reporting.submittedOnRequired"));
        }
        LocalDate on = Inputs.pastOrToday("submittedOn", submittedOn, today);
        if (schedule.isEmpty()) {
            if (checkedPeriod != null) {
                throw new CommandRejectedException(RejectionCode.INVALID_PERIOD, "period",
                        CommandText.of("reporting.oneOffHasNoPeriod", dutyId));
            }
        } else {
            if (checkedPeriod == null || ReportingPeriods.ruleFor(schedule, checkedPeriod).isEmpty()) {
                throw new CommandRejectedException(RejectionCode.INVALID_PERIOD, "period",
                        CommandText.of("reporting.periodNotScheduled", String.valueOf(checkedPeriod), dutyId));
            }
            int year = Integer.parseInt(checkedPeriod.substring(0, 4));
            if (year < 2000 || year > today.getYear() + 1) {
                throw new CommandRejectedException(RejectionCode.INVALID_PERIOD, "period",
                        CommandText.of("reporting.periodOutOfRange", checkedPeriod));
            }
            if (on.isBefore(ReportingPeriods.start(checkedPeriod))) {
                throw new CommandRejectedException(RejectionCode.INVALID_PERIOD, "submittedOn",
                        CommandText.of("reporting.beforePeriod", on, checkedPeriod));
            }
        }
        return new Submission(id, owing, checkedPeriod, on, Inputs.document("document", document, today));
    }

    /** A body as written, and the agency or unit it is where given: each must be registered. */
    static BodyRef body(String field, BodyRef body, UnitDirectory units, AgencyDirectory agencies) {
        if (body == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, field,
                    CommandText.of("reporting.bodyRequired", CommandText.field(field)));
        }
        String name = Inputs.requiredLine(field + ".name", body.name(), Inputs.NAME_MAX);
        String agency = body.agencyId() == null ? null : Inputs.requiredCode(field + ".agencyId", body.agencyId());
        String unit = body.unitCode() == null ? null : Inputs.requiredCode(field + ".unitCode", body.unitCode());
        if (agency != null && agencies.find(agency).isEmpty()) {
            throw new CommandRejectedException(RejectionCode.UNKNOWN_AGENCY, field + ".agencyId",
                    CommandText.of("agency.notRegistered", agency));
        }
        if (unit != null && units.find(unit).isEmpty()) {
            throw new CommandRejectedException(RejectionCode.UNKNOWN_UNIT, field + ".unitCode",
                    CommandText.of("unit.notRegistered", unit));
        }
        return new BodyRef(name, agency, unit);
    }

    private static List<ScheduleRule> schedule(List<ScheduleRule> given) {
        if (given == null || given.isEmpty()) {
            return List.of();
        }
        Set<ReportFrequency> seen = EnumSet.noneOf(ReportFrequency.class);
        List<ScheduleRule> rules = new ArrayList<>();
        for (ScheduleRule rule : given) {
            if (rule == null || rule.frequency() == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "schedule",
                        CommandText.of("reporting.ruleFrequency"));
            }
            if (!seen.add(rule.frequency())) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "schedule",
                        CommandText.of("reporting.ruleTwice", rule.frequency()));
            }
            if (rule.day() < 1 || rule.day() > 31) {
                throw new CommandRejectedException(RejectionCode.OUT_OF_RANGE, "schedule.day",
                        CommandText.of("reporting.ruleDay", rule.day()));
            }
            boolean yearly = rule.frequency() == ReportFrequency.YEARLY;
            if (yearly != (rule.month() != null) || yearly && (rule.month() < 1 || rule.month() > 12)) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "schedule.month",
                        CommandText.of("reporting.ruleMonth", rule.frequency()));
            }
            rules.add(rule);
        }
        return rules;
    }

    @EventSourcingHandler
    void on(ReportingDutyEstablishedEvent event) {
        streamId = streamId(event.unitCode(), event.dutyId());
        unitCode = event.unitCode();
        dutyId = event.dutyId();
        event.owedBy().forEach(b -> owedBy.put(Bodies.key(b), b));
        schedule = event.schedule();
    }

    @EventSourcingHandler
    void on(ReportSubmittedEvent event) {
        correctedBy.put(event.submissionId(), null);
    }

    @EventSourcingHandler
    void on(ReportSubmissionCorrectedEvent event) {
        correctedBy.put(event.submissionId(), null);
        correctedBy.put(event.correctsSubmissionId(), event.submissionId());
    }
}
