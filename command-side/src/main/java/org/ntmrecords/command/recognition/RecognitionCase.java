package org.ntmrecords.command.recognition;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.criteria.CriteriaCatalog;
import org.ntmrecords.command.criteria.SetCoverage;
import org.ntmrecords.command.unit.Cessation;
import org.ntmrecords.command.unit.UnitDirectory;
import org.ntmrecords.command.unit.UnitFacts;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.criteria.RecognitionRules;
import org.ntmrecords.events.criteria.RecognitionRules.SatisfactionRule;
import org.ntmrecords.events.criteria.RecognitionRules.ValidityRule;
import org.ntmrecords.events.recognition.AppraisalRecordedEvent;
import org.ntmrecords.events.recognition.CriterionAssessment;
import org.ntmrecords.events.recognition.DossierSubmittedEvent;
import org.ntmrecords.events.recognition.RecognitionAnnouncedEvent;
import org.ntmrecords.events.recognition.RecognitionCaseOpenedEvent;
import org.ntmrecords.events.recognition.RecognitionDecidedEvent;
import org.ntmrecords.events.recognition.RecognitionLapsedEvent;
import org.ntmrecords.events.recognition.RevocationCaseOpenedEvent;
import org.ntmrecords.events.recognition.RevocationDecidedEvent;
import org.ntmrecords.events.recognition.RevocationTrigger;
import org.ntmrecords.events.recognition.SatisfactionSurveyRecordedEvent;
import org.ntmrecords.events.recognition.SelfAssessmentRecordedEvent;
import org.ntmrecords.events.recognition.VerificationRecordedEvent;
import org.ntmrecords.events.scorecard.Judgment;

/**
 * A recognition case: a unit, a title (criteria set) and a year, taken through the steps of QĐ 18/2022 in order.
 * Self-assessment, dossier, verification and appraisal run in rounds: a verification or appraisal that returns the
 * dossier opens the next round (self-assessment again, then resubmission), every round kept. The decision needs a
 * proposing appraisal and a recorded satisfaction survey; granting against unmet computed criteria needs an
 * override with its justification, and so does granting after a survey below the set's threshold. A decision is
 * never edited: a new one supersedes it by number. A title with a validity period lapses by deadline on the day
 * after its last valid day unless a later decision replaced the grant.
 *
 * <p>A revocation case is a case of its own ({@code <recognition case>@R<year>}) against a granted recognition,
 * taken through the same steps; its decision revokes (or keeps) the title, and revoking when the revocation rule
 * does not call for it needs an override.
 */
@Aggregate
public class RecognitionCase {
    private static final String PREFIX = "recognition:";
    static final int MAX_VOTES = 1_000;
    /** The deadline that lapses a title with a validity period. */
    public static final String LAPSE = "recognition-lapse";
    /** Dates of decisions and validity are Vietnamese calendar days. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    enum Status { OPENED, SELF_ASSESSED, SUBMITTED, VERIFIED, PROPOSED, DECIDED }

    @AggregateIdentifier
    private String streamId;
    private String caseId;
    private String unitCode;
    private boolean revocation;
    private String recognitionCaseId;
    private SatisfactionRule satisfaction;
    private ValidityRule validity;
    private boolean renewal;
    private List<String> surveyShortfalls = List.of();
    private LocalDate validUntil;
    private String grantingDecision;
    private boolean lapsed;
    private List<String> criteria = List.of();
    private Status status;
    private int round;
    private boolean surveyed;
    private Boolean granted;
    private Set<String> decisionNumbers = new HashSet<>();
    private boolean announced;

    protected RecognitionCase() {
    }

    /** The case id: {@code <unit>@<set>@<year>}. */
    public static String caseId(String unitCode, String setId, int year) {
        return unitCode + "@" + setId + "@" + year;
    }

    public static String streamId(String caseId) {
        return PREFIX + caseId;
    }

    /** The revocation case against a recognition case, in a year: {@code <recognition case>@R<year>}. */
    public static String revocationCaseId(String recognitionCaseId, int year) {
        return recognitionCaseId + "@R" + year;
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
        Cessation.requireExisted(units, unit, today, "unitCode", "recognition case opened on " + today);
        CriteriaSetDefinition set = catalog.inForce(setId, today).orElseThrow(() -> new CommandRejectedException(
                RejectionCode.UNKNOWN_CRITERIA_SET, "setId", "criteria set " + setId + " is not published"));
        if (!set.level().rates(unit.kind())) {
            throw new CommandRejectedException(RejectionCode.UNIT_LEVEL_MISMATCH, "setId",
                    setId + " rates " + set.level() + " units, not a " + unit.kind());
        }
        SetCoverage.requireCovers(set, unit, units, "setId");
        if (command.year() < 2010 || command.year() > today.getYear() + 1) {
            throw new CommandRejectedException(RejectionCode.OUT_OF_RANGE, "year",
                    "year " + command.year() + " is outside 2010–" + (today.getYear() + 1));
        }
        String id = caseId(unitCode, setId, command.year());
        if (!streamId(id).equals(command.streamId())) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "caseId",
                    "the case of " + unitCode + " for " + setId + " in " + command.year() + " is " + id);
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
                    "the case of " + unitCode + " for " + setId + " in " + command.year() + " is " + id);
        }
        if (command.grade() == null || command.source() == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "source",
                    "a prior decision names its title's grade and the source that states it");
        }
        CriteriaSetDefinition set = catalog.latest(setId).orElse(null);
        if (set != null && set.grade() != command.grade()) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "grade",
                    setId + " leads to " + set.grade() + ", not " + command.grade());
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
                "decision dated " + asOf);
        apply(new RecognitionCaseOpenedEvent(id, unitCode, unit.kind(), setId, set == null ? 0 : set.version(),
                command.grade(), command.year(), set == null ? List.of()
                : set.criteria().stream().map(CriterionDefinition::code).toList(),
                Inputs.document("source", command.source(), today), false, null, null));
        apply(new RecognitionDecidedEvent(id, true, Inputs.optionalLine("decisionNumber", command.decisionNumber(),
                Inputs.NAME_MAX), decided, null, authority,
                "recorded from " + command.source().number() + "; the steps before the decision are not in the source"
                        + (note == null ? "" : " — " + note), List.of(), null, null, List.of(), null));
    }

    @CommandHandler
    public RecognitionCase(RecognitionCommands.OpenRevocation command, RecognitionRecords records,
                           UnitDirectory units, CriteriaCatalog catalog, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        String recognitionId = Inputs.requiredLine("recognitionCaseId", command.recognitionCaseId(), Inputs.NAME_MAX);
        RecognitionRecords.RecognitionRecord recognition = records.find(recognitionId)
                .filter(r -> !r.revocation()).orElseThrow(() -> new CommandRejectedException(
                        RejectionCode.INVALID_INPUT, "recognitionCaseId", "no recognition case " + recognitionId));
        if (!recognition.holds()) {
            throw new CommandRejectedException(RejectionCode.OUT_OF_ORDER, "recognitionCaseId", "recognition "
                    + recognitionId + " is not a title held now: " + (recognition.revokedBy() != null
                    ? "revoked in " + recognition.revokedBy() : recognition.lapsed() ? "lapsed" : "not granted"));
        }
        if (command.year() < recognition.year() || command.year() > today.getYear() + 1) {
            throw new CommandRejectedException(RejectionCode.OUT_OF_RANGE, "year", "a revocation of the "
                    + recognition.year() + " recognition is opened from " + recognition.year() + " to "
                    + (today.getYear() + 1));
        }
        String id = revocationCaseId(recognitionId, command.year());
        if (!streamId(id).equals(command.streamId())) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "caseId",
                    "the revocation case of " + recognitionId + " in " + command.year() + " is " + id);
        }
        if (command.trigger() == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "trigger",
                    "a revocation case records the revocation rule evaluated on the computed standing");
        }
        UnitFacts unit = registered(units, recognition.unitCode(), "recognitionCaseId");
        Cessation.requireExisted(units, unit, today, "recognitionCaseId", "revocation case opened on " + today);
        CriteriaSetDefinition set = catalog.inForce(recognition.setId(), today).orElseThrow(() ->
                new CommandRejectedException(RejectionCode.UNKNOWN_CRITERIA_SET, "recognitionCaseId",
                        "criteria set " + recognition.setId() + " is not published"));
        apply(new RevocationCaseOpenedEvent(id, recognitionId, recognition.decisionNumber(), recognition.unitCode(),
                unit.kind(), set.id(), set.version(), set.grade(), command.year(),
                set.criteria().stream().map(CriterionDefinition::code).toList(), command.trigger(),
                Inputs.document("basis", command.basis(), today)));
    }

    @CommandHandler
    public void handle(RecognitionCommands.SelfAssess command, UnitDirectory units, Clock clock) {
        require(status == Status.OPENED, "self-assess", "the case is " + status
                + "; a self-assessment opens the case or a new round after a return");
        requireExisted(units, LocalDate.now(clock), "caseId", "self-assessment recorded on");
        List<CriterionAssessment> assessments = everyCriterion("assessments", command.assessments());
        if (command.valuesKnownAt() == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "valuesKnownAt",
                    "the instant of the values the assessment was made against is required");
        }
        apply(new SelfAssessmentRecordedEvent(caseId, round, assessments, command.valuesKnownAt(),
                Inputs.documents("documents", command.documents(), LocalDate.now(clock))));
    }

    @CommandHandler
    public void handle(RecognitionCommands.RecordSurvey command, UnitDirectory directory, Clock clock) {
        require(status != Status.DECIDED, "record a survey", "the case is decided");
        LocalDate today = LocalDate.now(clock);
        String organiser = Inputs.requiredLine("organiser", command.organiser(), Inputs.NAME_MAX);
        LocalDate date = Inputs.pastOrToday("date", command.date(), today);
        if (date == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "date", "the survey's date is required");
        }
        requireExisted(directory, date, "date", "survey dated");
        BigDecimal overall = rate("overallRate", command.overallRate());
        List<SatisfactionSurveyRecordedEvent.Rate> contents = rates("contentRates", command.contentRates());
        List<SatisfactionSurveyRecordedEvent.Rate> units = rates("unitRates", command.unitRates());
        apply(new SatisfactionSurveyRecordedEvent(caseId, organiser, date, overall, contents, units,
                Inputs.documents("documents", command.documents(), today), satisfaction,
                shortfalls(satisfaction, overall, units)));
    }

    /** Each rate below the case's satisfaction rule, in words; a rule per commune needs a rate per commune. */
    static List<String> shortfalls(SatisfactionRule rule, BigDecimal overall,
                                   List<SatisfactionSurveyRecordedEvent.Rate> unitRates) {
        List<String> shortfalls = new ArrayList<>();
        if (rule == null) {
            return shortfalls;
        }
        if (rule.overallMin() != null && overall.compareTo(rule.overallMin()) < 0) {
            shortfalls.add("overall " + overall.toPlainString() + "% below " + rule.overallMin().toPlainString() + "%");
        }
        if (rule.perUnitMin() != null) {
            if (unitRates.isEmpty()) {
                shortfalls.add("no rate per commune given (each needs " + rule.perUnitMin().toPlainString() + "%)");
            }
            unitRates.stream().filter(r -> r.rate().compareTo(rule.perUnitMin()) < 0)
                    .forEach(r -> shortfalls.add(r.subject() + " " + r.rate().toPlainString() + "% below "
                            + rule.perUnitMin().toPlainString() + "%"));
        }
        return shortfalls;
    }

    @CommandHandler
    public void handle(RecognitionCommands.SubmitDossier command, UnitDirectory units, Clock clock) {
        require(status == Status.SELF_ASSESSED, "submit the dossier",
                "the case is " + status + "; the dossier follows the self-assessment of the round");
        requireExisted(units, LocalDate.now(clock), "caseId", "dossier submitted on");
        apply(new DossierSubmittedEvent(caseId, round,
                Inputs.documents("documents", command.documents(), LocalDate.now(clock))));
    }

    @CommandHandler
    public void handle(RecognitionCommands.Verify command, UnitDirectory units, Clock clock) {
        require(status == Status.SUBMITTED, "verify", "the case is " + status + "; verification follows submission");
        requireExisted(units, LocalDate.now(clock), "caseId", "verification recorded on");
        List<CriterionAssessment> findings = everyCriterion("findings", command.findings());
        String comments = Inputs.optionalText("comments", command.comments(), Inputs.TEXT_MAX);
        if (!command.forward() && comments == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "comments",
                    "a dossier is returned with comments");
        }
        apply(new VerificationRecordedEvent(caseId, round, findings, command.forward(), comments,
                Inputs.documents("documents", command.documents(), LocalDate.now(clock))));
    }

    @CommandHandler
    public void handle(RecognitionCommands.Appraise command, UnitDirectory units, Clock clock) {
        require(status == Status.VERIFIED, "appraise", "the case is " + status
                + "; appraisal follows a verification that forwarded the dossier");
        requireExisted(units, LocalDate.now(clock), "caseId", "appraisal recorded on");
        votes("votesFor", command.votesFor());
        votes("votesAgainst", command.votesAgainst());
        votes("abstentions", command.abstentions());
        if (command.votesFor() + command.votesAgainst() + command.abstentions() == 0) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "votesFor", "the council's vote is required");
        }
        String comments = Inputs.optionalText("comments", command.comments(), Inputs.TEXT_MAX);
        if (!command.propose() && comments == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "comments",
                    "a dossier is returned with comments");
        }
        if (command.propose() && command.votesFor() <= command.votesAgainst()) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "propose",
                    "the council proposes recognition only with more votes for than against");
        }
        apply(new AppraisalRecordedEvent(caseId, round, command.votesFor(), command.votesAgainst(),
                command.abstentions(), command.propose(), comments,
                Inputs.documents("documents", command.documents(), LocalDate.now(clock))));
    }

    @CommandHandler
    public void handle(RecognitionCommands.Decide command, UnitDirectory units, DeadlineManager deadlines,
                       Clock clock) {
        LocalDate today = LocalDate.now(clock);
        String supersedes = Inputs.optionalLine("supersedes", command.supersedes(), Inputs.NAME_MAX);
        if (status == Status.DECIDED) {
            if (supersedes == null || !decisionNumbers.contains(supersedes)) {
                throw new CommandRejectedException(RejectionCode.ALREADY_EXISTS, "supersedes",
                        "the case is decided; a new decision names the decision it supersedes " + decisionNumbers);
            }
        } else {
            require(status == Status.PROPOSED, "decide", "the case is " + status
                    + "; a decision follows an appraisal that proposed " + (revocation ? "revocation" : "recognition"));
            if (supersedes != null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "supersedes",
                        "there is no earlier decision in this case");
            }
        }
        if (!surveyed) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "caseId",
                    "no decision before the residents' " + (revocation ? "consultation" : "satisfaction survey")
                            + " is recorded");
        }
        String number = Inputs.optionalLine("decisionNumber", command.decisionNumber(), Inputs.NAME_MAX);
        LocalDate date = Inputs.pastOrToday("decisionDate", command.decisionDate(), today);
        requireExisted(units, date == null ? today : date, date == null ? "caseId" : "decisionDate",
                date == null ? "decision recorded on" : "decision dated");
        String signer = Inputs.optionalLine("signer", command.signer(), Inputs.NAME_MAX);
        String authority = Inputs.requiredLine("authority", command.authority(), Inputs.NAME_MAX);
        String reason = Inputs.optionalText("reason", command.reason(), Inputs.TEXT_MAX);
        String justification = Inputs.optionalText("overrideJustification", command.overrideJustification(),
                Inputs.TEXT_MAX);
        if (!command.grant() && reason == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "reason",
                    revocation ? "keeping a title gives its reason" : "a refusal gives its reason");
        }
        if (number != null && decisionNumbers.contains(number)) {
            throw new CommandRejectedException(RejectionCode.ALREADY_EXISTS, "decisionNumber",
                    "decision " + number + " is already recorded in this case");
        }
        if (revocation) {
            RevocationTrigger trigger = command.trigger();
            if (trigger == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "trigger",
                        "a revocation decision records the revocation rule evaluated on the computed standing");
            }
            if (command.grant() && !trigger.triggered() && justification == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "overrideJustification",
                        "the revocation rule does not call for revocation (" + trigger.reason()
                                + "): revoking needs an override with its justification");
            }
            apply(new RevocationDecidedEvent(caseId, recognitionCaseId, command.grant(), number, date, signer,
                    authority, reason, trigger, command.grant() && !trigger.triggered() ? justification : null,
                    supersedes));
            return;
        }
        List<String> unmet = command.unmetCriteria() == null ? List.of() : List.copyOf(command.unmetCriteria());
        if (command.grant() && (!unmet.isEmpty() || !surveyShortfalls.isEmpty()) && justification == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "overrideJustification",
                    (unmet.isEmpty() ? "" : "the computed standing does not meet " + unmet)
                            + (unmet.isEmpty() || surveyShortfalls.isEmpty() ? "" : " and ")
                            + (surveyShortfalls.isEmpty() ? "" : "the survey falls short: " + surveyShortfalls)
                            + ": granting needs an override with its justification");
        }
        LocalDate lastValidDay = null;
        if (command.grant() && validity != null) {
            if (date == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "decisionDate",
                        "the title is valid for " + validity.years(renewal) + " years from its decision's date");
            }
            lastValidDay = date.plusYears(validity.years(renewal)).minusDays(1);
        }
        boolean overridden = command.grant() && (!unmet.isEmpty() || !surveyShortfalls.isEmpty());
        deadlines.cancelAllWithinScope(LAPSE);
        if (lastValidDay != null) {
            deadlines.schedule(lapseInstant(lastValidDay), LAPSE, new LapseDue(lastValidDay));
        }
        apply(new RecognitionDecidedEvent(caseId, command.grant(), number, date, signer, authority, reason,
                command.grant() ? unmet : List.of(), overridden ? justification : null, supersedes,
                command.grant() ? surveyShortfalls : List.of(), lastValidDay));
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

    @CommandHandler
    public void handle(RecognitionCommands.Announce command, UnitDirectory units, Clock clock) {
        require(Boolean.TRUE.equals(granted), "announce",
                "only a granted recognition or a decided revocation is announced");
        if (announced) {
            throw new CommandRejectedException(RejectionCode.ALREADY_EXISTS, "date", "the recognition is announced");
        }
        LocalDate date = Inputs.pastOrToday("date", command.date(), LocalDate.now(clock));
        if (date == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "date", "the announcement's date is required");
        }
        requireExisted(units, date, "date", "announcement dated");
        apply(new RecognitionAnnouncedEvent(caseId, date, Inputs.requiredLine("place", command.place(), Inputs.NAME_MAX)));
    }

    /**
     * A step of the case is a fact about its unit on the step's own date (or the day it is recorded): none is taken
     * for a unit that had ceased by then.
     */
    private void requireExisted(UnitDirectory units, LocalDate day, String field, String step) {
        Cessation.requireExisted(units, unitCode, day, field, step + " " + day);
    }

    /** The registered unit, or a typed refusal naming {@code field}. */
    static UnitFacts registered(UnitDirectory units, String unitCode, String field) {
        return units.find(unitCode).orElseThrow(() -> new CommandRejectedException(RejectionCode.UNKNOWN_UNIT, field,
                "unit " + unitCode + " is not registered"));
    }

    private static void require(boolean condition, String what, String why) {
        if (!condition) {
            throw new CommandRejectedException(RejectionCode.OUT_OF_ORDER, "caseId", "cannot " + what + " now: " + why);
        }
    }

    /** One assessment for every criterion of the set, each MET or NOT_MET. */
    private List<CriterionAssessment> everyCriterion(String field, List<CriterionAssessment> given) {
        if (given == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, field, field + " are required");
        }
        Set<String> seen = new HashSet<>();
        List<CriterionAssessment> checked = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            CriterionAssessment a = given.get(i);
            String path = field + "[" + i + "]";
            if (a == null || !criteria.contains(a.criterionCode())) {
                throw new CommandRejectedException(RejectionCode.UNKNOWN_INDICATOR, path + ".criterionCode",
                        "not a criterion of the case's set: " + (a == null ? null : a.criterionCode()));
            }
            if (!seen.add(a.criterionCode())) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, path + ".criterionCode",
                        "criterion " + a.criterionCode() + " is assessed twice");
            }
            if (a.assessed() == null || a.assessed() == Judgment.NOT_ASSESSED) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, path + ".assessed",
                        "criterion " + a.criterionCode() + " is judged MET or NOT_MET");
            }
            checked.add(new CriterionAssessment(a.criterionCode(), a.assessed(), a.computed(),
                    Inputs.optionalText(path + ".note", a.note(), Inputs.TEXT_MAX)));
        }
        if (seen.size() != criteria.size()) {
            List<String> missing = criteria.stream().filter(c -> !seen.contains(c)).toList();
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, field, "criteria not assessed: " + missing);
        }
        return checked;
    }

    private static void votes(String field, int votes) {
        if (votes < 0 || votes > MAX_VOTES) {
            throw new CommandRejectedException(RejectionCode.OUT_OF_RANGE, field,
                    field + " is counted from 0 to " + MAX_VOTES);
        }
    }

    private static BigDecimal rate(String field, BigDecimal rate) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new CommandRejectedException(RejectionCode.OUT_OF_RANGE, field, field + " is a percentage from 0 to 100");
        }
        return rate;
    }

    private static List<SatisfactionSurveyRecordedEvent.Rate> rates(String field,
                                                                    List<SatisfactionSurveyRecordedEvent.Rate> rates) {
        List<SatisfactionSurveyRecordedEvent.Rate> checked = new ArrayList<>();
        if (rates == null) {
            return checked;
        }
        for (int i = 0; i < rates.size(); i++) {
            SatisfactionSurveyRecordedEvent.Rate r = rates.get(i);
            String path = field + "[" + i + "]";
            if (r == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, path, path + " is empty");
            }
            checked.add(new SatisfactionSurveyRecordedEvent.Rate(
                    Inputs.requiredLine(path + ".subject", r.subject(), Inputs.NAME_MAX), rate(path + ".rate", r.rate())));
        }
        return checked;
    }

    @EventSourcingHandler
    void on(RecognitionCaseOpenedEvent event) {
        opened(event.caseId(), event.unitCode(), event.criterionCodes());
        renewal = event.renewal();
        satisfaction = event.satisfaction();
        validity = event.validity();
    }

    @EventSourcingHandler
    void on(RevocationCaseOpenedEvent event) {
        opened(event.caseId(), event.unitCode(), event.criterionCodes());
        revocation = true;
        recognitionCaseId = event.recognitionCaseId();
    }

    private void opened(String id, String unit, List<String> criterionCodes) {
        streamId = streamId(id);
        caseId = id;
        unitCode = unit;
        criteria = criterionCodes;
        status = Status.OPENED;
        round = 1;
    }

    @EventSourcingHandler
    void on(SelfAssessmentRecordedEvent event) {
        status = Status.SELF_ASSESSED;
    }

    @EventSourcingHandler
    void on(SatisfactionSurveyRecordedEvent event) {
        surveyed = true;
        surveyShortfalls = event.shortfalls();
    }

    @EventSourcingHandler
    void on(DossierSubmittedEvent event) {
        status = Status.SUBMITTED;
    }

    @EventSourcingHandler
    void on(VerificationRecordedEvent event) {
        forwardOrReturn(event.forwarded(), Status.VERIFIED);
    }

    @EventSourcingHandler
    void on(AppraisalRecordedEvent event) {
        forwardOrReturn(event.proposed(), Status.PROPOSED);
    }

    /** A step that forwards moves on; one that returns the dossier opens the next round. */
    private void forwardOrReturn(boolean forwarded, Status next) {
        if (forwarded) {
            status = next;
        } else {
            status = Status.OPENED;
            round++;
        }
    }

    @EventSourcingHandler
    void on(RecognitionDecidedEvent event) {
        status = Status.DECIDED;
        granted = event.granted();
        validUntil = event.validUntil();
        grantingDecision = event.granted() ? event.decisionNumber() : null;
        lapsed = false;
        if (event.decisionNumber() != null) {
            decisionNumbers.add(event.decisionNumber());
        }
    }

    @EventSourcingHandler
    void on(RevocationDecidedEvent event) {
        status = Status.DECIDED;
        granted = event.revoked();
        if (event.decisionNumber() != null) {
            decisionNumbers.add(event.decisionNumber());
        }
    }

    @EventSourcingHandler
    void on(RecognitionLapsedEvent event) {
        lapsed = true;
    }

    @EventSourcingHandler
    void on(RecognitionAnnouncedEvent event) {
        announced = true;
    }
}
