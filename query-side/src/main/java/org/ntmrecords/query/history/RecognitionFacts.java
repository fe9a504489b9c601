package org.ntmrecords.query.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ntmrecords.events.recognition.AppraisalRecordedEvent;
import org.ntmrecords.events.recognition.CriterionAssessment;
import org.ntmrecords.events.recognition.DossierSubmittedEvent;
import org.ntmrecords.events.recognition.RecognitionAnnouncedEvent;
import org.ntmrecords.events.recognition.RecognitionCaseOpenedEvent;
import org.ntmrecords.events.recognition.RecognitionDecidedEvent;
import org.ntmrecords.events.recognition.SatisfactionSurveyRecordedEvent;
import org.ntmrecords.events.recognition.SelfAssessmentRecordedEvent;
import org.ntmrecords.events.recognition.RecognitionLapsedEvent;
import org.ntmrecords.events.recognition.RevocationCaseOpenedEvent;
import org.ntmrecords.events.recognition.RevocationDecidedEvent;
import org.ntmrecords.events.recognition.StandardCertifiedEvent;
import org.ntmrecords.events.recognition.StandardLapsedEvent;
import org.ntmrecords.events.recognition.StandardRenewedEvent;
import org.ntmrecords.events.evidence.EvidenceAttachedEvent;
import org.ntmrecords.events.evidence.EvidenceTarget;
import org.ntmrecords.events.evidence.EvidenceWithdrawnEvent;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.query.common.QueryText;
import org.ntmrecords.events.recognition.VerificationRecordedEvent;

/** The history facts of recognition case events: in the case's history ({@code case:<id>}) and its unit's. */
final class RecognitionFacts {
    private RecognitionFacts() {
    }

    /** The facts of a recognition event, or null for any other event. */
    static HistoryFacts of(Object event) {
        if (event instanceof RecognitionCaseOpenedEvent e) {
            return facts(e.caseId(), null, e.basis() == null ? List.of() : List.of(e.basis()),
                    say("history.caseOpened", e.setId(), QueryText.term(e.grade()), count(e.year())));
        }
        if (event instanceof SelfAssessmentRecordedEvent e) {
            return facts(e.caseId(), null, new ArrayList<>(e.documents()), say("history.selfAssessed", count(e.round()),
                    count(met(e.assessments())), count(e.assessments().size()), discrepancies(e.assessments())));
        }
        if (event instanceof SatisfactionSurveyRecordedEvent e) {
            return facts(e.caseId(), e.date(), new ArrayList<>(e.documents()), say("history.surveyRecorded", e.organiser(),
                    e.overallRate().stripTrailingZeros()));
        }
        if (event instanceof DossierSubmittedEvent e) {
            return facts(e.caseId(), null, new ArrayList<>(e.documents()), say("history.dossierSubmitted", count(e.round())));
        }
        if (event instanceof VerificationRecordedEvent e) {
            return facts(e.caseId(), null, new ArrayList<>(e.documents()), say("history.verified", count(e.round()),
                    e.forwarded() ? say("history.part.forwarded") : say("history.part.returned", text(e.comments())),
                    discrepancies(e.findings())));
        }
        if (event instanceof AppraisalRecordedEvent e) {
            return facts(e.caseId(), null, new ArrayList<>(e.documents()), say("history.appraised", count(e.round()),
                    count(e.votesFor()), count(e.votesAgainst()), count(e.abstentions()),
                    e.proposed() ? say("history.part.proposed") : say("history.part.returned", text(e.comments()))));
        }
        if (event instanceof RecognitionDecidedEvent e) {
            return facts(e.caseId(), e.decisionDate(), List.of(), say(e.granted() ? "history.granted" : "history.refused",
                    e.authority(), number(e.decisionNumber()), superseding(e.supersedes()),
                    e.overridden() ? say("history.part.override", e.unmetCriteria(), text(e.overrideJustification())) : "",
                    HistoryFacts.reason(e.reason())));
        }
        if (event instanceof RecognitionAnnouncedEvent e) {
            return facts(e.caseId(), e.date(), List.of(), say("history.announced", e.place()));
        }
        if (event instanceof RevocationCaseOpenedEvent e) {
            return withRecognition(facts(e.caseId(), null, e.basis() == null ? List.of() : List.of(e.basis()),
                    say("history.revocationOpened", e.recognitionCaseId(), number(e.recognitionDecision()),
                            e.trigger().reason(), say(e.trigger().triggered() ? "history.part.ruleApplies"
                                    : "history.part.ruleDoesNotApply"))), e.recognitionCaseId());
        }
        if (event instanceof RevocationDecidedEvent e) {
            return withRecognition(facts(e.caseId(), e.decisionDate(), List.of(), say(e.revoked() ? "history.revoked" : "history.kept",
                    e.recognitionCaseId(), e.authority(), number(e.decisionNumber()), superseding(e.supersedes()),
                    e.overridden() ? say("history.part.revocationOverride", text(e.overrideJustification())) : "",
                    HistoryFacts.reason(e.reason()))), e.recognitionCaseId());
        }
        if (event instanceof RecognitionLapsedEvent e) {
            return facts(e.caseId(), e.validUntil().plusDays(1), List.of(), say("history.lapsed", e.validUntil(),
                    number(e.decisionNumber())));
        }
        if (event instanceof StandardCertifiedEvent e) {
            return standard(e.certificationId(), e.unitCode(), e.setId(), e.indicatorCode(), null,
                    e.document() == null ? List.of() : List.of(e.document()),
                    say("history.standardCertified", e.subject(), e.standard(), e.validUntil(), text(e.indicatorCode()),
                            text(e.setId())));
        }
        if (event instanceof StandardRenewedEvent e) {
            return standard(e.certificationId(), e.unitCode(), null, null, null, e.document() == null ? List.of()
                    : List.of(e.document()), say("history.standardRenewed", e.validUntil()));
        }
        if (event instanceof StandardLapsedEvent e) {
            return standard(e.certificationId(), e.unitCode(), e.setId(), e.indicatorCode(), e.validUntil().plusDays(1),
                    List.of(), say("history.standardLapsed", e.subject(), e.standard(), e.validUntil(),
                            e.effect() == null ? "" : say("history.part.lapseEffect", text(e.indicatorCode()), text(e.setId()),
                                    QueryText.term(e.effect()))));
        }
        if (event instanceof EvidenceAttachedEvent e) {
            Set<String> subjects = new LinkedHashSet<>(List.of("evidence:" + e.documentId(),
                    HistoryFacts.unit(e.target().unitCode())));
            if (e.target().caseId() != null) {
                subjects.add("case:" + e.target().caseId());
            } else if (e.target().kind() == EvidenceTarget.Kind.CRITERION) {
                subjects.add(HistoryFacts.unitCriterion(e.target().unitCode(), e.target().setId(), e.target().code()));
            } else if (e.target().kind() == EvidenceTarget.Kind.INDICATOR) {
                subjects.add(HistoryFacts.unitIndicator(e.target().unitCode(), e.target().setId(), e.target().code()));
            }
            return new HistoryFacts(subjects, e.target().unitCode(), e.target().setId(), null, null,
                    List.of(e.document()), say("history.evidenceAttached", QueryText.term(e.target().kind()),
                    e.target().code() == null ? "" : " " + e.target().code(), text(e.kind()), e.document().number(),
                    e.file() == null ? "" : say("history.part.file", e.file().sha256())));
        }
        if (event instanceof EvidenceWithdrawnEvent e) {
            return new HistoryFacts(new LinkedHashSet<>(List.of("evidence:" + e.documentId())), null, null, null,
                    null, List.of(), say("history.evidenceWithdrawn", text(e.reason())));
        }
        return null;
    }

    private static HistoryFacts withRecognition(HistoryFacts facts, String recognitionCaseId) {
        Set<String> subjects = new LinkedHashSet<>(facts.subjects());
        subjects.add("case:" + recognitionCaseId);
        return new HistoryFacts(subjects, facts.unitCode(), facts.setId(), facts.businessStart(), facts.businessEnd(),
                facts.documents(), facts.summary());
    }

    private static HistoryFacts standard(String certificationId, String unit, String setId, String indicator,
                                         LocalDate date, List<Object> documents, Message summary) {
        Set<String> subjects = new LinkedHashSet<>(List.of("certification:" + certificationId, HistoryFacts.unit(unit)));
        if (indicator != null) {
            subjects.add(HistoryFacts.unitIndicator(unit, setId, indicator));
        }
        return new HistoryFacts(subjects, unit, setId, date, date, documents, summary);
    }

    private static HistoryFacts facts(String caseId, LocalDate date, List<Object> documents, Message summary) {
        String[] parts = caseId.split("@");
        String unit = parts[0];
        String setId = parts.length > 1 ? parts[1] : null;
        Set<String> subjects = new LinkedHashSet<>(List.of("case:" + caseId, HistoryFacts.unit(unit)));
        return new HistoryFacts(subjects, unit, setId, date, date, documents, summary);
    }

    private static long met(List<CriterionAssessment> assessments) {
        return assessments.stream().filter(a -> a.assessed() == org.ntmrecords.events.scorecard.Judgment.MET).count();
    }

    private static Object discrepancies(List<CriterionAssessment> assessments) {
        List<String> codes = assessments.stream().filter(CriterionAssessment::discrepant)
                .map(CriterionAssessment::criterionCode).toList();
        return codes.isEmpty() ? "" : say("history.part.discrepancies", codes);
    }

    private static Message say(String key, Object... args) {
        return HistoryFacts.say(key, args);
    }

    private static String count(long n) {
        return HistoryFacts.count(n);
    }

    private static Object number(String decisionNumber) {
        return decisionNumber == null ? say("history.part.numberNotGiven") : decisionNumber;
    }

    private static Object superseding(String supersedes) {
        return supersedes == null ? "" : say("history.part.superseding", supersedes);
    }

    private static String text(String value) {
        return value == null ? "—" : value;
    }
}
