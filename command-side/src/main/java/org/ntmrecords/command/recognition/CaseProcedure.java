package org.ntmrecords.command.recognition;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.unit.Cessation;
import org.ntmrecords.command.unit.UnitDirectory;
import org.ntmrecords.command.unit.UnitFacts;
import org.ntmrecords.events.criteria.RecognitionRules.SatisfactionRule;
import org.ntmrecords.events.recognition.AppraisalRecordedEvent;
import org.ntmrecords.events.recognition.CriterionAssessment;
import org.ntmrecords.events.recognition.DossierSubmittedEvent;
import org.ntmrecords.events.recognition.RecognitionAnnouncedEvent;
import org.ntmrecords.events.recognition.SatisfactionSurveyRecordedEvent;
import org.ntmrecords.events.recognition.SelfAssessmentRecordedEvent;
import org.ntmrecords.events.recognition.VerificationRecordedEvent;
import org.ntmrecords.events.scorecard.Judgment;

/**
 * What a recognition case and a revocation case share: the steps of QĐ 18/2022 taken in order, in rounds.
 * Self-assessment, dossier, verification and appraisal run in rounds: a verification or appraisal that returns the
 * dossier opens the next round (self-assessment again, then resubmission), every round kept. The decision needs a
 * proposing appraisal and a recorded survey (for a revocation: the residents' consultation); a decision is never
 * edited: a new one supersedes it by number. The steps are taken through {@link CaseSteps}, which loads the case
 * the command's stream names; each kind decides in its own way.
 */
abstract class CaseProcedure {
    static final int MAX_VOTES = 1_000;

    enum Status { OPENED, SELF_ASSESSED, SUBMITTED, VERIFIED, PROPOSED, DECIDED }

    @AggregateIdentifier
    protected String streamId;
    protected String caseId;
    protected String unitCode;
    protected List<String> criteria = List.of();
    protected Status status;
    protected int round;
    protected boolean surveyed;
    protected List<String> surveyShortfalls = List.of();
    protected Boolean granted;
    protected Set<String> decisionNumbers = new HashSet<>();
    protected boolean announced;

    /** The satisfaction rule the case's survey is held to; none for a revocation's consultation. */
    abstract SatisfactionRule satisfaction();

    /** The decision: a grant or refusal of the title, or a revocation or keeping it. */
    abstract void decide(RecognitionCommands.Decide command, UnitDirectory units, DeadlineManager deadlines,
                         Clock clock);

    /** The checked fields of a decision, common to both kinds. */
    record CheckedDecision(String supersedes, String number, LocalDate date, String signer, String authority,
                           String reason, String justification) {
    }

    /**
     * Checks what every decision needs: its place in the case (after a proposing appraisal, or superseding a
     * decision of the case by number), a recorded survey, its date while the unit existed, the authority, and a reason
     * when it does not grant.
     */
    CheckedDecision checkDecision(RecognitionCommands.Decide command, UnitDirectory units, Clock clock,
                                  String proposal, String survey, String refusalNeedsReason) {
        LocalDate today = LocalDate.now(clock);
        String supersedes = Inputs.optionalLine("supersedes", command.supersedes(), Inputs.NAME_MAX);
        if (status == Status.DECIDED) {
            if (supersedes == null || !decisionNumbers.contains(supersedes)) {
                throw new CommandRejectedException(RejectionCode.ALREADY_EXISTS, "supersedes",
                        "the case is decided; a new decision names the decision it supersedes " + decisionNumbers);
            }
        } else {
            require(status == Status.PROPOSED, "decide", "the case is " + status
                    + "; a decision follows an appraisal that proposed " + proposal);
            if (supersedes != null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "supersedes",
                        "there is no earlier decision in this case");
            }
        }
        if (!surveyed) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "caseId",
                    "no decision before the residents' " + survey + " is recorded");
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
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "reason", refusalNeedsReason);
        }
        if (number != null && decisionNumbers.contains(number)) {
            throw new CommandRejectedException(RejectionCode.ALREADY_EXISTS, "decisionNumber",
                    "decision " + number + " is already recorded in this case");
        }
        return new CheckedDecision(supersedes, number, date, signer, authority, reason, justification);
    }

    void selfAssess(RecognitionCommands.SelfAssess command, UnitDirectory units, Clock clock) {
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

    void recordSurvey(RecognitionCommands.RecordSurvey command, UnitDirectory directory, Clock clock) {
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
                Inputs.documents("documents", command.documents(), today), satisfaction(),
                shortfalls(satisfaction(), overall, units)));
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

    void submitDossier(RecognitionCommands.SubmitDossier command, UnitDirectory units, Clock clock) {
        require(status == Status.SELF_ASSESSED, "submit the dossier",
                "the case is " + status + "; the dossier follows the self-assessment of the round");
        requireExisted(units, LocalDate.now(clock), "caseId", "dossier submitted on");
        apply(new DossierSubmittedEvent(caseId, round,
                Inputs.documents("documents", command.documents(), LocalDate.now(clock))));
    }

    void verify(RecognitionCommands.Verify command, UnitDirectory units, Clock clock) {
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

    void appraise(RecognitionCommands.Appraise command, UnitDirectory units, Clock clock) {
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

    void announce(RecognitionCommands.Announce command, UnitDirectory units, Clock clock) {
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

    void opened(String id, String unit, List<String> criterionCodes) {
        streamId = RecognitionCase.streamId(id);
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
    void on(RecognitionAnnouncedEvent event) {
        announced = true;
    }

    /** A decision of the case: the title granted (or revoked) or not, by its number. */
    void decided(boolean grantedOrRevoked, String decisionNumber) {
        status = Status.DECIDED;
        granted = grantedOrRevoked;
        if (decisionNumber != null) {
            decisionNumbers.add(decisionNumber);
        }
    }
}
