package org.ntmrecords.infra.api.plan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.ntmrecords.command.common.CommandRunner;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.Outcome;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.common.UserError;
import org.ntmrecords.command.plan.Plan;
import org.ntmrecords.command.plan.PlanCommands;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.events.common.Money;
import org.ntmrecords.events.plan.FundingSource;
import org.ntmrecords.events.plan.FundingStage;
import org.ntmrecords.events.plan.PlanAim;
import org.ntmrecords.events.plan.PlannedFunding;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.api.GraphQlInputs;
import org.ntmrecords.infra.api.GraphQlInputs.DocumentRefInput;
import org.ntmrecords.infra.api.PayloadReads;
import org.ntmrecords.query.plan.PlanReadRepository;
import org.ntmrecords.query.plan.PlanReadRepository.PlanBudget;
import org.ntmrecords.query.plan.PlanReadRepository.PlanTaskView;
import org.ntmrecords.query.plan.PlanReadRepository.PlanView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Plans over GraphQL: issued, amended, items added; task progress, closure and reopening; money recorded. */
@Controller
public class PlanMutations {
    private final CommandRunner commands;
    private final PlanReadRepository plans;
    private final PayloadReads reads;
    private final Clock clock;

    public PlanMutations(CommandRunner commands, PlanReadRepository plans, PayloadReads reads, Clock clock) {
        this.commands = commands;
        this.plans = plans;
        this.reads = reads;
        this.clock = clock;
    }

    public record BodyRefInput(String name, String agencyId, String unitCode) {
        BodyRef toRef() {
            return new BodyRef(name, agencyId, unitCode);
        }
    }

    public record MoneyInput(BigDecimal vnd, String asWritten) {
        Money toMoney() {
            return new Money(vnd, asWritten);
        }
    }

    public record PlanAimInput(String setId, String title) {
    }

    public record PlannedFundingInput(FundingSource source, String asWritten, MoneyInput amount) {
    }

    public record IssuePlanInput(String planId, String unitCode, String number, String annexNumber, LocalDate date,
                                 String dateAsWritten, BodyRefInput issuer, Integer year, String title,
                                 List<PlanAimInput> aims, List<DocumentRefInput> legalBases) {
    }

    public record AmendPlanInput(String planId, String unitCode, LocalDate date, String changes, String reason,
                                 DocumentRefInput document, String title, List<PlanAimInput> aims,
                                 List<DocumentRefInput> legalBases) {
    }

    public record AddPlanItemInput(String planId, String unitCode, String itemId, String row, String setId,
                                   String criterionCode, String indicatorCode, String content,
                                   List<String> unitCodes, String requirement, String stateAsWritten,
                                   List<String> stateValueEventIds, String stateJudgmentEventId, String solution,
                                   BodyRefInput lead, List<BodyRefInput> coordinating, String deadline,
                                   LocalDate deadlineLastDay, MoneyInput cost, List<PlannedFundingInput> funding) {
    }

    public record NotePlanTaskProgressInput(String planId, String unitCode, String itemId, String taskUnitCode,
                                            LocalDate date, BodyRefInput by, String note,
                                            List<DocumentRefInput> evidence, List<String> evidenceDocumentIds,
                                            String noteId) {
    }

    public record DecidePlanTaskInput(String planId, String unitCode, String itemId, String taskUnitCode,
                                      LocalDate date, String reason, DocumentRefInput decision) {
    }

    public record RecordPlanFundsInput(String planId, String unitCode, String itemId, FundingSource source,
                                       String sourceAsWritten, FundingStage stage, MoneyInput amount, LocalDate date,
                                       BodyRefInput by, DocumentRefInput document, String statedShare, String note,
                                       String fundsId) {
    }

    /** {@code storeHead} (not in the schema): the event store's head before the command. */
    public record PlanPayload(String planId, List<UserError> errors, long storeHead) {
    }

    public record PlanTaskPayload(String taskId, String planId, String itemId, String taskUnitCode,
                                  List<UserError> errors, long storeHead) {
    }

    public record PlanBudgetPayload(String planId, List<UserError> errors, long storeHead) {
    }

    @MutationMapping
    public PlanPayload issuePlan(@Argument IssuePlanInput input) {
        long head = reads.mark();
        Outcome<Object> outcome = send(() -> new PlanCommands.Issue(Plan.streamId(
                Inputs.requiredCode("planId", input.planId())), input.planId(), code("unitCode", input.unitCode()),
                input.number(), input.annexNumber(), input.date(), body(input.issuer()), input.year(), input.title(),
                aims(input.aims()), GraphQlInputs.refs(input.legalBases()), input.dateAsWritten()), "planId",
                input.planId());
        return new PlanPayload(outcome.succeeded() ? input.planId() : null, outcome.errors(), head);
    }

    @MutationMapping
    public PlanPayload amendPlan(@Argument AmendPlanInput input) {
        long head = reads.mark();
        Outcome<Object> outcome = send(() -> new PlanCommands.Amend(stream(input.planId()),
                code("unitCode", input.unitCode()),
                input.date(), input.changes(), input.reason(), GraphQlInputs.ref(input.document()), input.title(),
                input.aims() == null ? null : aims(input.aims()),
                input.legalBases() == null ? null : GraphQlInputs.refs(input.legalBases())), "planId",
                input.planId());
        return new PlanPayload(outcome.succeeded() ? input.planId() : null, outcome.errors(), head);
    }

    @MutationMapping
    public PlanPayload addPlanItem(@Argument AddPlanItemInput input) {
        long head = reads.mark();
        Outcome<Object> outcome = send(() -> new PlanCommands.AddItem(stream(input.planId()),
                code("unitCode", input.unitCode()),
                input.itemId(), input.row(), input.setId(), input.criterionCode(), input.indicatorCode(),
                input.content(), input.unitCodes(), input.requirement(), input.stateAsWritten(),
                input.stateValueEventIds(), input.stateJudgmentEventId(), input.solution(), body(input.lead()),
                input.coordinating() == null ? null : input.coordinating().stream().map(PlanMutations::body).toList(),
                input.deadline(), input.deadlineLastDay(), money(input.cost()),
                input.funding() == null ? null : input.funding().stream().map(f -> f == null ? null
                        : new PlannedFunding(f.source(), f.asWritten(), money(f.amount()))).toList()),
                "planId", input.planId());
        return new PlanPayload(outcome.succeeded() ? input.planId() : null, outcome.errors(), head);
    }

    @MutationMapping
    public PlanTaskPayload notePlanTaskProgress(@Argument NotePlanTaskProgressInput input) {
        long head = reads.mark();
        Outcome<Object> outcome = send(() -> new PlanCommands.NoteProgress(stream(input.planId()),
                code("unitCode", input.unitCode()),
                input.itemId(), code("taskUnitCode", input.taskUnitCode()), idOrNew(input.noteId()),
                input.date(), body(input.by()), input.note(), GraphQlInputs.refs(input.evidence()),
                input.evidenceDocumentIds()), "planId", input.planId());
        return taskPayload(outcome, input.planId(), input.itemId(), input.taskUnitCode(), head);
    }

    @MutationMapping
    public PlanTaskPayload closePlanTask(@Argument DecidePlanTaskInput input) {
        long head = reads.mark();
        Outcome<Object> outcome = send(() -> new PlanCommands.CloseTask(stream(input.planId()),
                code("unitCode", input.unitCode()),
                input.itemId(), code("taskUnitCode", input.taskUnitCode()), input.date(), input.reason(),
                GraphQlInputs.ref(input.decision())), "planId", input.planId());
        return taskPayload(outcome, input.planId(), input.itemId(), input.taskUnitCode(), head);
    }

    @MutationMapping
    public PlanTaskPayload reopenPlanTask(@Argument DecidePlanTaskInput input) {
        long head = reads.mark();
        Outcome<Object> outcome = send(() -> new PlanCommands.ReopenTask(stream(input.planId()),
                code("unitCode", input.unitCode()),
                input.itemId(), code("taskUnitCode", input.taskUnitCode()), input.date(), input.reason(),
                GraphQlInputs.ref(input.decision())), "planId", input.planId());
        return taskPayload(outcome, input.planId(), input.itemId(), input.taskUnitCode(), head);
    }

    @MutationMapping
    public PlanBudgetPayload recordPlanFunds(@Argument RecordPlanFundsInput input) {
        long head = reads.mark();
        Outcome<Object> outcome = send(() -> new PlanCommands.RecordFunds(stream(input.planId()),
                code("unitCode", input.unitCode()),
                input.itemId(), idOrNew(input.fundsId()), input.source(), input.sourceAsWritten(), input.stage(),
                money(input.amount()), input.date(), body(input.by()), GraphQlInputs.ref(input.document()),
                input.statedShare(), input.note()), "planId", input.planId());
        return new PlanBudgetPayload(outcome.succeeded() ? input.planId() : null, outcome.errors(), head);
    }

    @SchemaMapping(typeName = "PlanPayload", field = "plan")
    public PlanView plan(PlanPayload payload) {
        return payload.planId() == null ? null
                : reads.read(payload.storeHead(), () -> plans.plan(payload.planId(), null).orElse(null));
    }

    @SchemaMapping(typeName = "PlanTaskPayload", field = "task")
    public PlanTaskView task(PlanTaskPayload payload) {
        return payload.taskId() == null ? null : reads.read(payload.storeHead(), () -> plans.task(payload.planId(),
                payload.itemId(), payload.taskUnitCode(), LocalDate.now(clock)).orElse(null));
    }

    @SchemaMapping(typeName = "PlanBudgetPayload", field = "budget")
    public PlanBudget budget(PlanBudgetPayload payload) {
        return payload.planId() == null ? null
                : reads.read(payload.storeHead(), () -> plans.budget(payload.planId()).orElse(null));
    }

    private static PlanTaskPayload taskPayload(Outcome<Object> outcome, String planId, String itemId, String unit,
                                               long head) {
        return outcome.succeeded()
                ? new PlanTaskPayload(planId + "/" + itemId + "@" + unit, planId, itemId, unit, List.of(), head)
                : new PlanTaskPayload(null, null, null, null, outcome.errors(), head);
    }

    /**
     * A unit code checked before the command is built: the access rules judge jurisdiction by it and the security log
     * keeps it, so a malformed one is refused as input first.
     */
    private static String code(String field, String value) {
        return Inputs.requiredCode(field, value);
    }

    private static String stream(String planId) {
        return Plan.streamId(Inputs.requiredCode("planId", planId));
    }

    private static BodyRef body(BodyRefInput input) {
        return input == null ? null : input.toRef();
    }

    private static Money money(MoneyInput input) {
        return input == null ? null : input.toMoney();
    }

    private static List<PlanAim> aims(List<PlanAimInput> inputs) {
        return inputs == null ? null : inputs.stream().map(a -> a == null ? null : new PlanAim(a.setId(), a.title()))
                .toList();
    }

    /** The client's id for a note or an amount (so that sending it again records it once), else a new one. */
    private static String idOrNew(String given) {
        return given == null || given.isBlank() ? UUID.randomUUID().toString() : given;
    }

    private Outcome<Object> send(Supplier<Object> command, String field, String planId) {
        return commands.send(command, id -> new UserError(RejectionCode.INVALID_INPUT, field,
                        ApiText.of("plan.noPlan", String.valueOf(planId))),
                () -> new UserError(RejectionCode.ALREADY_EXISTS, field, ApiText.of("plan.alreadyIssued",
                        String.valueOf(planId))));
    }
}
