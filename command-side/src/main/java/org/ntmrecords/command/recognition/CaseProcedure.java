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
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.unit.Cessation;
import org.ntmrecords.command.unit.UnitDirectory;
import org.ntmrecords.command.unit.UnitFacts;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.events.criteria.RecognitionRules.SatisfactionRule;
import org.ntmrecords.events.recognition.AppraisalRecordedEvent;
import org.ntmrecords.events.recognition.BodyComment;
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
    static final int MAX_BODY_COMMENTS = 100;

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
                                  Message proposal, Message survey, Message refusalNeedsReason) {
        LocalDate today = LocalDate.now(clock);
        String supersedes = Inputs.optionalLine("supersedes", command.supersedes(), Inputs.NAME_MAX);
        if (status == Status.DECIDED) {
            if (supersedes == null || !decisionNumbers.contains(supersedes)) {
                throw new CommandRejectedException(RejectionCode.ALREADY_EXISTS, "supersedes",
                        CommandText.of("recognition.supersedesRequired", decisionNumbers.toString()));
            }
        } else {
            require(status == Status.PROPOSED, CommandText.of("recognition.step.decide"),
                    CommandText.of("recognition.why.decide", CommandText.term(status), proposal));
            if (supersedes != null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "supersedes",
                        CommandText.of("recognition.noEarlierDecision"));
            }
        }
        if (!surveyed) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "caseId",
                    CommandText.of("recognition.surveyFirst", survey));
        }
        String number = Inputs.optionalLine("decisionNumber", command.decisionNumber(), Inputs.NAME_MAX);
        LocalDate date = Inputs.pastOrToday("decisionDate", command.decisionDate(), today);
        requireExisted(units, date == null ? today : date, date == null ? "caseId" : "decisionDate",
                date == null ? CommandText.of("recognition.fact.decisionRecorded", today)
                        : CommandText.of("recognition.fact.decisionDated", date));
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
                    CommandText.of("recognition.decisionNumberExists", number));
        }
        return new CheckedDecision(supersedes, number, date, signer, authority, reason, justification);
    }

    void selfAssess(RecognitionCommands.SelfAssess command, UnitDirectory units, Clock clock) {
        require(status == Status.OPENED, CommandText.of("recognition.step.selfAssess"),
                CommandText.of("recognition.why.selfAssess", CommandText.term(status)));
        LocalDate today = LocalDate.now(clock);
        requireExisted(units, today, "caseId", CommandText.of("recognition.fact.selfAssessed", today));
        List<CriterionAssessment> assessments = everyCriterion("assessments", command.assessments());
        if (command.valuesKnownAt() == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "valuesKnownAt",
                    CommandText.of("recognition.valuesKnownAt"));
        }
        apply(new SelfAssessmentRecordedEvent(caseId, round, assessments, command.valuesKnownAt(),
                Inputs.documents("documents", command.documents(), today)));
    }

    void recordSurvey(RecognitionCommands.RecordSurvey command, UnitDirectory directory, Clock clock) {
        require(status != Status.DECIDED, CommandText.of("recognition.step.recordSurvey"),
                CommandText.of("recognition.why.decided"));
        LocalDate today = LocalDate.now(clock);
        String organiser = Inputs.requiredLine("organiser", command.organiser(), Inputs.NAME_MAX);
        LocalDate date = Inputs.pastOrToday("date", command.date(), today);
        if (date == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "date",
                    CommandText.of("recognition.surveyDate"));
        }
        requireExisted(directory, date, "date", CommandText.of("recognition.fact.survey", date));
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
        require(status == Status.SELF_ASSESSED, CommandText.of("recognition.step.submit"),
                CommandText.of("recognition.why.submit", CommandText.term(status)));
        LocalDate today = LocalDate.now(clock);
        requireExisted(units, today, "caseId", CommandText.of("recognition.fact.submitted", today));
        apply(new DossierSubmittedEvent(caseId, round,
                Inputs.documents("documents", command.documents(), today)));
    }

    void verify(RecognitionCommands.Verify command, UnitDirectory units, Clock clock) {
        require(status == Status.SUBMITTED, CommandText.of("recognition.step.verify"),
                CommandText.of("recognition.why.verify", CommandText.term(status)));
        LocalDate today = LocalDate.now(clock);
        requireExisted(units, today, "caseId", CommandText.of("recognition.fact.verified", today));
        List<CriterionAssessment> findings = everyCriterion("findings", command.findings());
        String comments = Inputs.optionalText("comments", command.comments(), Inputs.TEXT_MAX);
        if (!command.forward() && comments == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "comments",
                    CommandText.of("recognition.returnWithComments"));
        }
        apply(new VerificationRecordedEvent(caseId, round, findings, command.forward(), comments,
                Inputs.documents("documents", command.documents(), today), command.noConstructionDebt()));
    }

    void appraise(RecognitionCommands.Appraise command, UnitDirectory units, Clock clock) {
        require(status == Status.VERIFIED, CommandText.of("recognition.step.appraise"),
                CommandText.of("recognition.why.appraise", CommandText.term(status)));
        LocalDate today = LocalDate.now(clock);
        requireExisted(units, today, "caseId", CommandText.of("recognition.fact.appraised", today));
        votes("votesFor", command.votesFor());
        votes("votesAgainst", command.votesAgainst());
        votes("abstentions", command.abstentions());
        if (command.votesFor() + command.votesAgainst() + command.abstentions() == 0) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "votesFor",
                    CommandText.of("recognition.voteRequired"));
        }
        String comments = Inputs.optionalText("comments", command.comments(), Inputs.TEXT_MAX);
        if (!command.propose() && comments == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "comments",
                    CommandText.of("recognition.returnWithComments"));
        }
        if (command.propose() && command.votesFor() <= command.votesAgainst()) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "propose",
                    CommandText.of("recognition.proposeMajority"));
        }
        apply(new AppraisalRecordedEvent(caseId, round, command.votesFor(), command.votesAgainst(),
                command.abstentions(), command.propose(), comments,
                Inputs.documents("documents", command.documents(), today), bodyComments(command.bodyComments())));
    }

    void announce(RecognitionCommands.Announce command, UnitDirectory units, Clock clock) {
        require(Boolean.TRUE.equals(granted), CommandText.of("recognition.step.announce"),
                CommandText.of("recognition.why.announce"));
        if (announced) {
            throw new CommandRejectedException(RejectionCode.ALREADY_EXISTS, "date",
                    CommandText.of("recognition.announced"));
        }
        LocalDate date = Inputs.pastOrToday("date", command.date(), LocalDate.now(clock));
        if (date == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "date",
                    CommandText.of("recognition.announcementDate"));
        }
        requireExisted(units, date, "date", CommandText.of("recognition.fact.announced", date));
        apply(new RecognitionAnnouncedEvent(caseId, date, Inputs.requiredLine("place", command.place(), Inputs.NAME_MAX)));
    }

    /**
     * A step of the case is a fact about its unit on the step's own date (or the day it is recorded): none is taken
     * for a unit that had ceased by then.
     */
    private void requireExisted(UnitDirectory units, LocalDate day, String field, Message step) {
        Cessation.requireExisted(units, unitCode, day, field, step);
    }

    /** The registered unit, or a typed refusal naming {@code field}. */
    static UnitFacts registered(UnitDirectory units, String unitCode, String field) {
        return units.find(unitCode).orElseThrow(() -> new CommandRejectedException(RejectionCode.UNKNOWN_UNIT, field,
                CommandText.of("unit.notRegistered", unitCode)));
    }

    /** A step out of its order: "cannot {@code what} now: {@code why}". */
    private static void require(boolean condition, Message what, Message why) {
        if (!condition) {
            throw new CommandRejectedException(RejectionCode.OUT_OF_ORDER, "caseId",
                    CommandText.of("recognition.outOfOrder", what, why));
        }
    }

    /** Each body's comment: a body and its comment, each body once, at most {@link #MAX_BODY_COMMENTS}. */
    private static List<BodyComment> bodyComments(List<BodyComment> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_BODY_COMMENTS) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "bodyComments",
                    CommandText.of("input.tooMany", String.valueOf(MAX_BODY_COMMENTS)));
        }
        List<BodyComment> checked = new ArrayList<>();
        Set<String> bodies = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String path = "bodyComments[" + i + "]";
            BodyComment c = given.get(i);
            if (c == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, path,
                        CommandText.of("input.itemEmpty", path));
            }
            String body = Inputs.requiredLine(path + ".body", c.body(), Inputs.NAME_MAX);
            if (!bodies.add(body)) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, path + ".body",
                        CommandText.of("recognition.bodyTwice", body));
            }
            checked.add(new BodyComment(body, Inputs.requiredText(path + ".comment", c.comment(), Inputs.TEXT_MAX)));
        }
        return checked;
    }

    /** One assessment for every criterion of the set, each MET or NOT_MET. */
    private List<CriterionAssessment> everyCriterion(String field, List<CriterionAssessment> given) {
        if (given == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, field,
                    CommandText.of("recognition.listRequired", CommandText.field(field)));
        }
        Set<String> seen = new HashSet<>();
        List<CriterionAssessment> checked = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            CriterionAssessment a = given.get(i);
            String path = field + "[" + i + "]";
            if (a == null || !criteria.contains(a.criterionCode())) {
                throw new CommandRejectedException(RejectionCode.UNKNOWN_INDICATOR, path + ".criterionCode",
                        CommandText.of("recognition.notACriterion", String.valueOf(a == null ? null : a.criterionCode())));
            }
            if (!seen.add(a.criterionCode())) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, path + ".criterionCode",
                        CommandText.of("recognition.assessedTwice", a.criterionCode()));
            }
            if (a.assessed() == null || a.assessed() == Judgment.NOT_ASSESSED) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, path + ".assessed",
                        CommandText.of("recognition.metOrNotMet", a.criterionCode()));
            }
            checked.add(new CriterionAssessment(a.criterionCode(), a.assessed(), a.computed(),
                    Inputs.optionalText(path + ".note", a.note(), Inputs.TEXT_MAX)));
        }
        if (seen.size() != criteria.size()) {
            List<String> missing = criteria.stream().filter(c -> !seen.contains(c)).toList();
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, field,
                    CommandText.of("recognition.notAssessed", missing.toString()));
        }
        return checked;
    }

    private static void votes(String field, int votes) {
        if (votes < 0 || votes > MAX_VOTES) {
            throw new CommandRejectedException(RejectionCode.OUT_OF_RANGE, field,
                    CommandText.of("recognition.votesRange", CommandText.field(field), String.valueOf(MAX_VOTES)));
        }
    }

    private static BigDecimal rate(String field, BigDecimal rate) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new CommandRejectedException(RejectionCode.OUT_OF_RANGE, field,
                    CommandText.of("recognition.rateRange", CommandText.field(field)));
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
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, path,
                        CommandText.of("input.itemEmpty", path));
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
