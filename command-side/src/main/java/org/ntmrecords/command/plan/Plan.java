package org.ntmrecords.command.plan;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Deadlines;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.criteria.CriteriaCatalog;
import org.ntmrecords.command.unit.UnitDirectory;
import org.ntmrecords.command.unit.UnitFacts;
import org.ntmrecords.events.EventMetadata;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.common.Deadline;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.common.Money;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
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

/**
 * A plan (kế hoạch) of a unit for a year: its versions, its annex rows (items), each item's task per unit it
 * concerns, and the money recorded against its items. Nothing is overwritten: an amendment is a new version, a task
 * is done when its indicator is judged met (the judgment named), closed or reopened by a decision with its reason.
 */
@Aggregate
public class Plan {
    private static final String PREFIX = "plan:";
    static final int LIST_MAX = 100;

    /** A task's state as the aggregate needs it. */
    enum TaskState { OPEN, DONE, CLOSED }

    record ItemFacts(String setId, String indicatorCode, Set<String> units, BodyRef lead, Set<String> sources) {
    }

    @AggregateIdentifier
    private String streamId;
    private String planId;
    private String unitCode;
    private int version;
    private String title;
    private List<PlanAim> aims;
    private List<DocumentRef> legalBases;
    private final Map<String, ItemFacts> items = new HashMap<>();
    private final Map<String, TaskState> tasks = new HashMap<>();
    private final Set<String> judgmentsUsed = new HashSet<>();
    private final Set<String> noteIds = new HashSet<>();
    private final Set<String> fundsIds = new HashSet<>();

    protected Plan() {
    }

    public static String streamId(String planId) {
        return PREFIX + planId;
    }

    static String taskKey(String itemId, String unit) {
        return itemId + "@" + unit;
    }

    @CommandHandler
    public Plan(PlanCommands.Issue command, UnitDirectory units, Clock clock) {
        String id = Inputs.requiredCode("planId", command.planId());
        if (!streamId(id).equals(command.streamId())) {
            throw invalid("planId", CommandText.of("plan.streamId", id, streamId(id)));
        }
        LocalDate today = LocalDate.now(clock);
        String unit = Inputs.requiredCode("unitCode", command.unitCode());
        units.find(unit).orElseThrow(() -> new CommandRejectedException(RejectionCode.UNKNOWN_UNIT, "unitCode",
                CommandText.of("unit.notRegistered", unit)));
        String dateAsWritten = Inputs.optionalLine("dateAsWritten", command.dateAsWritten(), Inputs.NAME_MAX);
        if (command.date() == null && dateAsWritten == null) {
            throw invalid("date", CommandText.of("plan.dateNeeded"));
        }
        LocalDate date = Inputs.pastOrToday("date", command.date(), today);
        if (command.year() == null || command.year() < 2000 || command.year() > 2100) {
            throw new CommandRejectedException(RejectionCode.OUT_OF_RANGE, "year",
                    CommandText.of("plan.year", String.valueOf(command.year())));
        }
        apply(new PlanIssuedEvent(id, unit, Inputs.requiredLine("number", command.number(), Inputs.NAME_MAX),
                Inputs.optionalLine("annexNumber", command.annexNumber(), Inputs.NAME_MAX), date,
                body("issuer", command.issuer()), command.year(),
                Inputs.requiredText("title", command.title(), Inputs.TEXT_MAX), aims(command.aims()),
                Inputs.documents("legalBases", command.legalBases(), today), dateAsWritten));
    }

    @CommandHandler
    public void handle(PlanCommands.Amend command, Clock clock) {
        samePlanUnit(command.unitCode());
        LocalDate today = LocalDate.now(clock);
        if (command.date() == null) {
            throw invalid("date", CommandText.of("input.required", "date"));
        }
        apply(new PlanAmendedEvent(planId, unitCode, version + 1, Inputs.pastOrToday("date", command.date(), today),
                Inputs.requiredText("changes", command.changes(), Inputs.TEXT_MAX),
                Inputs.requiredText("reason", command.reason(), Inputs.TEXT_MAX),
                Inputs.document("document", command.document(), today),
                command.title() == null ? title : Inputs.requiredText("title", command.title(), Inputs.TEXT_MAX),
                command.aims() == null ? aims : aims(command.aims()),
                command.legalBases() == null ? legalBases
                        : Inputs.documents("legalBases", command.legalBases(), today)));
    }

    @CommandHandler
    public void handle(PlanCommands.AddItem command, UnitDirectory units, CriteriaCatalog catalog) {
        samePlanUnit(command.unitCode());
        String itemId = Inputs.requiredCode("itemId", command.itemId());
        if (items.containsKey(itemId)) {
            throw new CommandRejectedException(RejectionCode.ALREADY_EXISTS, "itemId",
                    CommandText.of("plan.itemExists", itemId, planId));
        }
        if (command.unitCodes() == null || command.unitCodes().isEmpty() || command.unitCodes().size() > LIST_MAX) {
            throw invalid("unitCodes", CommandText.of("plan.unitsNeeded", LIST_MAX));
        }
        Set<String> concerned = new LinkedHashSet<>();
        for (int i = 0; i < command.unitCodes().size(); i++) {
            String field = "unitCodes[" + i + "]";
            String code = Inputs.requiredCode(field, command.unitCodes().get(i));
            units.find(code).orElseThrow(() -> new CommandRejectedException(RejectionCode.UNKNOWN_UNIT, field,
                    CommandText.of("unit.notRegistered", code)));
            if (!within(units, code, unitCode)) {
                throw new CommandRejectedException(RejectionCode.INVALID_PARENT, field,
                        CommandText.of("plan.unitOutside", code, unitCode));
            }
            concerned.add(code);
        }
        String setId = Inputs.optionalLine("setId", command.setId(), Inputs.CODE_MAX);
        String criterion = Inputs.optionalLine("criterionCode", command.criterionCode(), Inputs.CODE_MAX);
        String indicator = Inputs.optionalLine("indicatorCode", command.indicatorCode(), Inputs.CODE_MAX);
        if (setId == null && (criterion != null || indicator != null)) {
            throw invalid("setId", CommandText.of("plan.setNeeded"));
        }
        if (setId != null) {
            CriteriaSetDefinition set = catalog.latest(setId).orElseThrow(() -> new CommandRejectedException(
                    RejectionCode.UNKNOWN_CRITERIA_SET, "setId", CommandText.of("criteria.notPublished", setId)));
            if (indicator != null && set.indicator(indicator).isEmpty()) {
                throw new CommandRejectedException(RejectionCode.UNKNOWN_INDICATOR, "indicatorCode",
                        CommandText.of("evidence.indicatorNotInSet", indicator, setId));
            }
            if (criterion != null && set.criterion(criterion).isEmpty()) {
                throw new CommandRejectedException(RejectionCode.UNKNOWN_INDICATOR, "criterionCode",
                        CommandText.of("evidence.criterionNotInSet", criterion, setId));
            }
            if (criterion == null && indicator != null) {
                criterion = set.criterionOf(indicator).map(c -> c.code()).orElse(null);
            }
        }
        Deadline deadline = Deadlines.read("deadline", command.deadline(), command.deadlineLastDay());
        List<BodyRef> coordinating = bodies("coordinating", command.coordinating());
        List<PlannedFunding> funding = funding(command.funding());
        apply(new PlanItemAddedEvent(planId, unitCode, itemId, version,
                Inputs.optionalLine("row", command.row(), Inputs.CODE_MAX), setId, criterion, indicator,
                Inputs.requiredText("content", command.content(), Inputs.TEXT_MAX), List.copyOf(concerned),
                Inputs.optionalText("requirement", command.requirement(), Inputs.TEXT_MAX),
                Inputs.optionalText("stateAsWritten", command.stateAsWritten(), Inputs.TEXT_MAX),
                codes("stateValueEventIds", command.stateValueEventIds()),
                Inputs.optionalLine("stateJudgmentEventId", command.stateJudgmentEventId(), Inputs.NAME_MAX),
                Inputs.optionalText("solution", command.solution(), Inputs.TEXT_MAX), body("lead", command.lead()),
                coordinating, deadline, money("cost", command.cost()), funding));
    }

    @CommandHandler
    public void handle(PlanCommands.NoteProgress command, Clock clock,
                       @MetaDataValue(EventMetadata.ACTOR_ROLE) String role,
                       @MetaDataValue(EventMetadata.ACTOR_AGENCY) String agency,
                       @MetaDataValue(EventMetadata.ACTOR_UNIT) String actorUnit) {
        samePlanUnit(command.unitCode());
        task(command.itemId(), command.taskUnitCode());
        BodyRef lead = items.get(command.itemId()).lead();
        if (Role.DISTRICT_AGENCY.name().equals(role) && (agency == null || !agency.equals(lead.agencyId()))) {
            throw new CommandRejectedException(RejectionCode.NOT_ALLOWED, "itemId",
                    CommandText.of("plan.notLead", String.valueOf(agency), command.itemId(), lead.name()));
        }
        if (Role.COMMUNE_OFFICER.name().equals(role) && (actorUnit == null || !actorUnit.equals(lead.unitCode()))) {
            throw new CommandRejectedException(RejectionCode.NOT_ALLOWED, "itemId",
                    CommandText.of("plan.notLead", String.valueOf(actorUnit), command.itemId(), lead.name()));
        }
        String noteId = Inputs.requiredCode("noteId", command.noteId());
        if (noteIds.contains(noteId)) {
            throw new CommandRejectedException(RejectionCode.ALREADY_EXISTS, "noteId",
                    CommandText.of("plan.noteExists", noteId));
        }
        LocalDate today = LocalDate.now(clock);
        if (command.date() == null) {
            throw invalid("date", CommandText.of("input.required", "date"));
        }
        apply(new PlanTaskProgressNotedEvent(planId, command.itemId(), command.taskUnitCode(), noteId,
                Inputs.pastOrToday("date", command.date(), today), body("by", command.by()),
                Inputs.requiredText("note", command.note(), Inputs.TEXT_MAX),
                Inputs.documents("evidence", command.evidence(), today),
                codes("evidenceDocumentIds", command.evidenceDocumentIds())));
    }

    /** Idempotent: a judgment already used, or a task not open, records nothing (a replayed process sends again). */
    @CommandHandler
    public void handle(PlanCommands.CompleteByJudgment command) {
        String key = task(command.itemId(), command.taskUnitCode());
        if (tasks.get(key) != TaskState.OPEN || judgmentsUsed.contains(command.judgmentEventId())) {
            return;
        }
        ItemFacts item = items.get(command.itemId());
        apply(new PlanTaskCompletedEvent(planId, command.itemId(), command.taskUnitCode(), item.setId(),
                item.indicatorCode(), Inputs.requiredLine("judgmentEventId", command.judgmentEventId(),
                Inputs.NAME_MAX), command.scorecardId()));
    }

    @CommandHandler
    public void handle(PlanCommands.CloseTask command, Clock clock) {
        samePlanUnit(command.unitCode());
        String key = task(command.itemId(), command.taskUnitCode());
        if (tasks.get(key) != TaskState.OPEN) {
            throw new CommandRejectedException(RejectionCode.NO_CHANGE, "itemId",
                    CommandText.of("plan.taskNotOpen", command.itemId(), command.taskUnitCode()));
        }
        LocalDate today = LocalDate.now(clock);
        apply(new PlanTaskClosedEvent(planId, command.itemId(), command.taskUnitCode(), decisionDate(command.date(),
                today), Inputs.requiredText("reason", command.reason(), Inputs.TEXT_MAX),
                Inputs.document("decision", command.decision(), today)));
    }

    @CommandHandler
    public void handle(PlanCommands.ReopenTask command, Clock clock) {
        samePlanUnit(command.unitCode());
        String key = task(command.itemId(), command.taskUnitCode());
        if (tasks.get(key) == TaskState.OPEN) {
            throw new CommandRejectedException(RejectionCode.NO_CHANGE, "itemId",
                    CommandText.of("plan.taskOpen", command.itemId(), command.taskUnitCode()));
        }
        LocalDate today = LocalDate.now(clock);
        apply(new PlanTaskReopenedEvent(planId, command.itemId(), command.taskUnitCode(), decisionDate(command.date(),
                today), Inputs.requiredText("reason", command.reason(), Inputs.TEXT_MAX),
                Inputs.document("decision", command.decision(), today)));
    }

    @CommandHandler
    public void handle(PlanCommands.RecordFunds command, Clock clock) {
        samePlanUnit(command.unitCode());
        String itemId = Inputs.requiredCode("itemId", command.itemId());
        if (!items.containsKey(itemId)) {
            throw invalid("itemId", CommandText.of("plan.noItem", itemId, planId));
        }
        String fundsId = Inputs.requiredCode("fundsId", command.fundsId());
        if (fundsIds.contains(fundsId)) {
            throw new CommandRejectedException(RejectionCode.ALREADY_EXISTS, "fundsId",
                    CommandText.of("plan.fundsExists", fundsId));
        }
        if (command.source() == null) {
            throw invalid("source", CommandText.of("input.required", "source"));
        }
        if (command.stage() == null) {
            throw invalid("stage", CommandText.of("input.required", "stage"));
        }
        Money amount = money("amount", command.amount());
        if (amount == null) {
            throw invalid("amount", CommandText.of("input.required", "amount"));
        }
        LocalDate today = LocalDate.now(clock);
        if (command.date() == null) {
            throw invalid("date", CommandText.of("input.required", "date"));
        }
        apply(new PlanFundsRecordedEvent(planId, itemId, fundsId, command.source(),
                Inputs.optionalLine("sourceAsWritten", command.sourceAsWritten(), Inputs.NAME_MAX), command.stage(),
                amount, Inputs.pastOrToday("date", command.date(), today), body("by", command.by()),
                Inputs.document("document", command.document(), today),
                Inputs.optionalLine("statedShare", command.statedShare(), Inputs.NAME_MAX),
                Inputs.optionalText("note", command.note(), Inputs.TEXT_MAX)));
    }

    // ---- checks ----------------------------------------------------------------------------------------------------

    private void samePlanUnit(String given) {
        if (!unitCode.equals(given)) {
            throw invalid("unitCode", CommandText.of("plan.otherUnit", planId, unitCode));
        }
    }

    /** The key of an existing task, or a refusal naming what does not exist. */
    private String task(String itemId, String taskUnit) {
        if (itemId == null || !items.containsKey(itemId)) {
            throw invalid("itemId", CommandText.of("plan.noItem", String.valueOf(itemId), planId));
        }
        String key = taskKey(itemId, taskUnit);
        if (!tasks.containsKey(key)) {
            throw invalid("taskUnitCode", CommandText.of("plan.noTask", itemId, String.valueOf(taskUnit)));
        }
        return key;
    }

    private static LocalDate decisionDate(LocalDate date, LocalDate today) {
        if (date == null) {
            throw invalid("date", CommandText.of("input.required", "date"));
        }
        return Inputs.pastOrToday("date", date, today);
    }

    private static boolean within(UnitDirectory units, String code, String ancestor) {
        String current = code;
        for (int depth = 0; current != null && depth < 5; depth++) {
            if (current.equals(ancestor)) {
                return true;
            }
            current = units.find(current).map(UnitFacts::parentCode).orElse(null);
        }
        return false;
    }

    private static BodyRef body(String field, BodyRef body) {
        if (body == null) {
            throw invalid(field, CommandText.of("input.required", CommandText.field(field)));
        }
        return new BodyRef(Inputs.requiredLine(field + ".name", body.name(), Inputs.NAME_MAX),
                Inputs.optionalLine(field + ".agencyId", body.agencyId(), Inputs.CODE_MAX),
                Inputs.optionalLine(field + ".unitCode", body.unitCode(), Inputs.CODE_MAX));
    }

    private static List<BodyRef> bodies(String field, List<BodyRef> bodies) {
        if (bodies == null) {
            return List.of();
        }
        if (bodies.size() > LIST_MAX) {
            throw invalid(field, CommandText.of("plan.tooMany", CommandText.field(field), LIST_MAX));
        }
        List<BodyRef> checked = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            checked.add(body(field + "[" + i + "]", bodies.get(i)));
        }
        return checked;
    }

    private static List<PlanAim> aims(List<PlanAim> aims) {
        if (aims == null) {
            return List.of();
        }
        if (aims.size() > LIST_MAX) {
            throw invalid("aims", CommandText.of("plan.tooMany", "aims", LIST_MAX));
        }
        List<PlanAim> checked = new ArrayList<>();
        for (int i = 0; i < aims.size(); i++) {
            PlanAim aim = aims.get(i);
            if (aim == null) {
                throw invalid("aims[" + i + "]", CommandText.of("input.required", "aims[" + i + "]"));
            }
            checked.add(new PlanAim(Inputs.optionalLine("aims[" + i + "].setId", aim.setId(), Inputs.CODE_MAX),
                    Inputs.requiredText("aims[" + i + "].title", aim.title(), Inputs.TEXT_MAX)));
        }
        return checked;
    }

    private static List<String> codes(String field, List<String> codes) {
        if (codes == null) {
            return List.of();
        }
        if (codes.size() > LIST_MAX) {
            throw invalid(field, CommandText.of("plan.tooMany", CommandText.field(field), LIST_MAX));
        }
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            checked.add(Inputs.requiredLine(field + "[" + i + "]", codes.get(i), Inputs.NAME_MAX));
        }
        return checked;
    }

    /** An amount in đồng: exact, whole, not negative, at most 10^16 đồng; with its words as written. */
    static Money money(String field, Money money) {
        if (money == null) {
            return null;
        }
        BigDecimal vnd = money.vnd();
        if (vnd == null || vnd.signum() < 0 || vnd.stripTrailingZeros().scale() > 0
                || vnd.compareTo(BigDecimal.TEN.pow(16)) > 0) {
            throw new CommandRejectedException(RejectionCode.OUT_OF_RANGE, field + ".vnd",
                    CommandText.of("plan.money", CommandText.field(field), String.valueOf(vnd)));
        }
        return new Money(vnd.setScale(0), Inputs.optionalLine(field + ".asWritten", money.asWritten(),
                Inputs.NAME_MAX));
    }

    private static List<PlannedFunding> funding(List<PlannedFunding> funding) {
        if (funding == null) {
            return List.of();
        }
        if (funding.size() > LIST_MAX) {
            throw invalid("funding", CommandText.of("plan.tooMany", "funding", LIST_MAX));
        }
        List<PlannedFunding> checked = new ArrayList<>();
        for (int i = 0; i < funding.size(); i++) {
            PlannedFunding f = funding.get(i);
            String field = "funding[" + i + "]";
            if (f == null || f.source() == null) {
                throw invalid(field + ".source", CommandText.of("input.required", field + ".source"));
            }
            checked.add(new PlannedFunding(f.source(), Inputs.optionalLine(field + ".asWritten", f.asWritten(),
                    Inputs.NAME_MAX), money(field + ".amount", f.amount())));
        }
        return checked;
    }

    private static CommandRejectedException invalid(String field, org.ntmrecords.events.common.Message text) {
        return new CommandRejectedException(RejectionCode.INVALID_INPUT, field, text);
    }

    // ---- state -----------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(PlanIssuedEvent event) {
        streamId = streamId(event.planId());
        planId = event.planId();
        unitCode = event.unitCode();
        version = 1;
        title = event.title();
        aims = event.aims();
        legalBases = event.legalBases();
    }

    @EventSourcingHandler
    void on(PlanAmendedEvent event) {
        version = event.version();
        title = event.title();
        aims = event.aims();
        legalBases = event.legalBases();
    }

    @EventSourcingHandler
    void on(PlanItemAddedEvent event) {
        Set<String> sources = new HashSet<>();
        event.funding().forEach(f -> sources.add(f.source().name()));
        items.put(event.itemId(), new ItemFacts(event.setId(), event.indicatorCode(),
                new LinkedHashSet<>(event.unitCodes()), event.lead(), sources));
        event.unitCodes().forEach(u -> tasks.put(taskKey(event.itemId(), u), TaskState.OPEN));
    }

    @EventSourcingHandler
    void on(PlanTaskProgressNotedEvent event) {
        noteIds.add(event.noteId());
    }

    @EventSourcingHandler
    void on(PlanTaskCompletedEvent event) {
        tasks.put(taskKey(event.itemId(), event.taskUnitCode()), TaskState.DONE);
        judgmentsUsed.add(event.judgmentEventId());
    }

    @EventSourcingHandler
    void on(PlanTaskClosedEvent event) {
        tasks.put(taskKey(event.itemId(), event.taskUnitCode()), TaskState.CLOSED);
    }

    @EventSourcingHandler
    void on(PlanTaskReopenedEvent event) {
        tasks.put(taskKey(event.itemId(), event.taskUnitCode()), TaskState.OPEN);
    }

    @EventSourcingHandler
    void on(PlanFundsRecordedEvent event) {
        fundsIds.add(event.fundsId());
    }
}
