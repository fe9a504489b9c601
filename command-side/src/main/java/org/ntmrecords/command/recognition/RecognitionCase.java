package org.ntmrecords.command.recognition;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.spring.stereotype.Aggregate;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.criteria.CriteriaCatalog;
import org.ntmrecords.command.criteria.SetCoverage;
import org.ntmrecords.command.unit.Cessation;
import org.ntmrecords.command.unit.UnitDirectory;
import org.ntmrecords.command.unit.UnitFacts;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.criteria.RecognitionRules.SatisfactionRule;
import org.ntmrecords.events.criteria.RecognitionRules.ValidityRule;
import org.ntmrecords.events.criteria.RecognitionRules;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.recognition.ConditionJudgment;
import org.ntmrecords.events.recognition.RecognitionCaseOpenedEvent;
import org.ntmrecords.events.recognition.RecognitionDecidedEvent;
import org.ntmrecords.events.recognition.RecognitionLapsedEvent;

/**
 * A recognition case: a unit, a title (criteria set) and a year, taken through the steps of QĐ 18/2022 in order
 * ({@link CaseProcedure}). Granting against unmet computed criteria needs an override with its justification, and
 * so does granting after a survey below the set's threshold. A title with a validity period lapses by deadline on the
 * day after its last valid day unless a later decision replaced the grant.
 *
 * <p>Its stream is {@code recognition:<unit>@<set>@<year>}. A revocation of the title is a {@link RevocationCase}
 * of its own; both are stored under the aggregate type {@code RecognitionCase}, as before they were two classes, and
 * each class's repository loads only its own kind of stream.
 */
@Aggregate(type = RecognitionCase.TYPE, repository = "recognitionCaseRepository")
public class RecognitionCase extends CaseProcedure {
    /** The aggregate type stored with every event of a recognition or revocation case's stream. */
    public static final String TYPE = "RecognitionCase";
    private static final String PREFIX = "recognition:";
    /** The deadline that lapses a title with a validity period. */
    public static final String LAPSE = "recognition-lapse";
    /** Dates of decisions and validity are Vietnamese calendar days. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private SatisfactionRule satisfaction;
    private ValidityRule validity;
    private boolean renewal;
    private LocalDate validUntil;
    private String grantingDecision;
    private boolean lapsed;

    protected RecognitionCase() {
    }

    /** The case id: {@code <unit>@<set>@<year>}. */
    public static String caseId(String unitCode, String setId, int year) {
        return unitCode + "@" + setId + "@" + year;
    }

    /** The stream of a recognition or revocation case: {@code recognition:<case id>}. */
    public static String streamId(String caseId) {
        return PREFIX + caseId;
    }

    /** The revocation case against a recognition case, in a year: {@code <recognition case>@R<year>}. */
    public static String revocationCaseId(String recognitionCaseId, int year) {
        return RevocationCase.caseId(recognitionCaseId, year);
    }

    /** The payload of the lapse deadline: the last valid day it was set for. */
    public record LapseDue(LocalDate validUntil) {
    }

    @CommandHandler
    public RecognitionCase(RecognitionCommands.OpenCase command, UnitDirectory units, CriteriaCatalog catalog,
                           RecognitionPolicy policy, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        String unitCode = Inputs.requiredCode("unitCode", command.unitCode());
        String setId = Inputs.requiredCode("setId", command.setId());
        UnitFacts unit = registered(units, unitCode, "unitCode");
        Cessation.requireExisted(units, unit, today, "unitCode", CommandText.of("recognition.fact.opened", today));
        CriteriaSetDefinition set = catalog.inForce(setId, today).orElseThrow(() -> new CommandRejectedException(
                RejectionCode.UNKNOWN_CRITERIA_SET, "setId", CommandText.of("criteria.notPublished", setId)));
        if (!set.level().rates(unit.kind())) {
            throw new CommandRejectedException(RejectionCode.UNIT_LEVEL_MISMATCH, "setId",
                    CommandText.of("recognition.levelMismatch", setId, CommandText.term(set.level()),
                            CommandText.term(unit.kind())));
        }
        SetCoverage.requireCovers(set, unit, units, "setId");
        if (command.year() < 2010 || command.year() > today.getYear() + 1) {
            throw new CommandRejectedException(RejectionCode.OUT_OF_RANGE, "year",
                    CommandText.of("recognition.yearRange", String.valueOf(command.year()),
                            String.valueOf(today.getYear() + 1)));
        }
        String id = caseId(unitCode, setId, command.year());
        if (!streamId(id).equals(command.streamId())) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "caseId",
                    CommandText.of("recognition.caseId", unitCode, setId, String.valueOf(command.year()), id));
        }
        RecognitionRules rules = set.recognition();
        SatisfactionRule satisfaction = rules != null && rules.satisfaction() != null ? rules.satisfaction()
                : unit.kind().level() == 3 ? policy.communeSatisfaction() : null;
        apply(new RecognitionCaseOpenedEvent(id, unitCode, unit.kind(), setId, set.version(), set.grade(),
                command.year(), set.criteria().stream().map(CriterionDefinition::code).toList(),
                Inputs.document("basis", command.basis(), today), command.renewal(), satisfaction,
                rules == null ? null : rules.validity()));
    }

    @CommandHandler
    public RecognitionCase(RecognitionCommands.RecordPriorDecision command, UnitDirectory units,
                           CriteriaCatalog catalog, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        String unitCode = Inputs.requiredCode("unitCode", command.unitCode());
        String setId = Inputs.requiredCode("setId", command.setId());
        UnitFacts unit = registered(units, unitCode, "unitCode");
        String id = caseId(unitCode, setId, command.year());
        if (!streamId(id).equals(command.streamId())) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "caseId",
                    CommandText.of("recognition.caseId", unitCode, setId, String.valueOf(command.year()), id));
        }
        if (command.grade() == null || command.source() == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "source",
                    CommandText.of("recognition.priorSource"));
        }
        CriteriaSetDefinition set = catalog.latest(setId).orElse(null);
        if (set != null && set.grade() != command.grade()) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "grade",
                    CommandText.of("recognition.gradeMismatch", setId, CommandText.term(set.grade()),
                            CommandText.term(command.grade())));
        }
        if (set != null) {
            SetCoverage.requireCovers(set, unit, units, "setId");
        }
        String authority = Inputs.requiredLine("authority", command.authority(), Inputs.NAME_MAX);
        String note = Inputs.optionalText("note", command.note(), Inputs.TEXT_MAX);
        LocalDate decided = Inputs.pastOrToday("decisionDate", command.decisionDate(), today);
        // the decision's own date, else its source's, else today: a decision about a unit that had ceased is refused
        LocalDate asOf = decided != null ? decided : command.source().date() != null ? command.source().date() : today;
        Cessation.requireExisted(units, unit, asOf, decided != null ? "decisionDate" : "unitCode",
                CommandText.of("recognition.fact.decisionDated", asOf));
        apply(new RecognitionCaseOpenedEvent(id, unitCode, unit.kind(), setId, set == null ? 0 : set.version(),
                command.grade(), command.year(), set == null ? List.of()
                : set.criteria().stream().map(CriterionDefinition::code).toList(),
                Inputs.document("source", command.source(), today), false, null, null, true,
                !Boolean.FALSE.equals(command.yearStated())));
        apply(new RecognitionDecidedEvent(id, true, Inputs.optionalLine("decisionNumber", command.decisionNumber(),
                Inputs.NAME_MAX), decided, null, authority,
                "recorded from " + command.source().number() + "; the steps before the decision are not in the source"
                        + (note == null ? "" : " — " + note), List.of(), null, null, List.of(), null));
    }

    @Override
    SatisfactionRule satisfaction() {
        return satisfaction;
    }

    @Override
    void decide(RecognitionCommands.Decide command, UnitDirectory units, DeadlineManager deadlines, Clock clock) {
        CheckedDecision checked = checkDecision(command, units, clock, CommandText.of("recognition.proposal.grant"),
                CommandText.of("recognition.survey.satisfaction"), CommandText.of("recognition.refusalReason"));
        List<String> unmet = command.unmetCriteria() == null ? List.of() : List.copyOf(command.unmetCriteria());
        if (command.grant() && (!unmet.isEmpty() || !surveyShortfalls.isEmpty()) && checked.justification() == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "overrideJustification",
                    surveyShortfalls.isEmpty() ? CommandText.of("recognition.overrideUnmet", unmet.toString())
                            : unmet.isEmpty() ? CommandText.of("recognition.overrideSurvey", surveyShortfalls.toString())
                            : CommandText.of("recognition.overrideBoth", unmet.toString(), surveyShortfalls.toString()));
        }
        List<ConditionJudgment> conditions = command.conditions() == null ? List.of() : List.copyOf(command.conditions());
        List<String> unmetConditions = conditions.stream().filter(c -> c.judgment() != Judgment.MET)
                .map(ConditionJudgment::code).toList();
        if (command.grant() && !unmetConditions.isEmpty() && checked.justification() == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "overrideJustification",
                    CommandText.of("recognition.overrideConditions", unmetConditions.toString()));
        }
        LocalDate lastValidDay = null;
        LocalDate date = checked.date();
        if (command.grant() && validity != null) {
            if (date == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "decisionDate",
                        CommandText.of("recognition.validityNeedsDate", String.valueOf(validity.years(renewal))));
            }
            lastValidDay = date.plusYears(validity.years(renewal)).minusDays(1);
        }
        boolean overridden = command.grant() && (!unmet.isEmpty() || !surveyShortfalls.isEmpty()
                || !unmetConditions.isEmpty());
        deadlines.cancelAllWithinScope(LAPSE);
        if (lastValidDay != null) {
            deadlines.schedule(lapseInstant(lastValidDay), LAPSE, new LapseDue(lastValidDay));
        }
        apply(new RecognitionDecidedEvent(caseId, command.grant(), checked.number(), date, checked.signer(),
                checked.authority(), checked.reason(),
                command.grant() ? unmet : List.of(), overridden ? checked.justification() : null, checked.supersedes(),
                command.grant() ? surveyShortfalls : List.of(), lastValidDay, conditions));
    }

    /** The moment a title valid through {@code lastValidDay} lapses: the start of the next day in Vietnam. */
    public static Instant lapseInstant(LocalDate lastValidDay) {
        return lastValidDay.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** The title's validity ran out and no later decision replaced the grant: it lapses. */
    @DeadlineHandler(deadlineName = LAPSE)
    void lapse(LapseDue due) {
        if (Boolean.TRUE.equals(granted) && !lapsed && due.validUntil().equals(validUntil)) {
            apply(new RecognitionLapsedEvent(caseId, unitCode, grantingDecision, validUntil));
        }
    }

    @EventSourcingHandler
    void on(RecognitionCaseOpenedEvent event) {
        opened(event.caseId(), event.unitCode(), event.criterionCodes());
        renewal = event.renewal();
        satisfaction = event.satisfaction();
        validity = event.validity();
    }

    @EventSourcingHandler
    void on(RecognitionDecidedEvent event) {
        decided(event.granted(), event.decisionNumber());
        validUntil = event.validUntil();
        grantingDecision = event.granted() ? event.decisionNumber() : null;
        lapsed = false;
    }

    @EventSourcingHandler
    void on(RecognitionLapsedEvent event) {
        lapsed = true;
    }
}
