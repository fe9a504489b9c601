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
import org.ntmrecords.events.recognition.VerificationRecordedEvent;

/** The history facts of recognition case events: in the case's history ({@code case:<id>}) and its unit's. */
final class RecognitionFacts {
    private RecognitionFacts() {
    }

    /** The facts of a recognition event, or null for any other event. */
    static HistoryFacts of(Object event) {
        if (event instanceof RecognitionCaseOpenedEvent e) {
            return facts(e.caseId(), null, e.basis() == null ? List.of() : List.of(e.basis()), "case opened: " + e.setId() + " (" + e.grade()
                    + ") for " + e.year());
        }
        if (event instanceof SelfAssessmentRecordedEvent e) {
            return facts(e.caseId(), null, new ArrayList<>(e.documents()), "self-assessment, round " + e.round()
                    + ": " + met(e.assessments()) + "/" + e.assessments().size() + " criteria met"
                    + discrepancies(e.assessments()));
        }
        if (event instanceof SatisfactionSurveyRecordedEvent e) {
            return facts(e.caseId(), e.date(), new ArrayList<>(e.documents()), "satisfaction survey by "
                    + e.organiser() + ": " + e.overallRate().stripTrailingZeros().toPlainString() + "%");
        }
        if (event instanceof DossierSubmittedEvent e) {
            return facts(e.caseId(), null, new ArrayList<>(e.documents()), "dossier submitted, round " + e.round());
        }
        if (event instanceof VerificationRecordedEvent e) {
            return facts(e.caseId(), null, new ArrayList<>(e.documents()), "verification, round " + e.round() + ": "
                    + (e.forwarded() ? "forwarded to appraisal" : "returned — " + e.comments())
                    + discrepancies(e.findings()));
        }
        if (event instanceof AppraisalRecordedEvent e) {
            return facts(e.caseId(), null, new ArrayList<>(e.documents()), "appraisal, round " + e.round() + ": "
                    + e.votesFor() + " for, " + e.votesAgainst() + " against, " + e.abstentions() + " abstaining; "
                    + (e.proposed() ? "recognition proposed" : "returned — " + e.comments()));
        }
        if (event instanceof RecognitionDecidedEvent e) {
            String number = e.decisionNumber() == null ? "number not given" : e.decisionNumber();
            return facts(e.caseId(), e.decisionDate(), List.of(), (e.granted() ? "recognition granted" : "refused")
                    + " by " + e.authority() + " (" + number + ")"
                    + (e.supersedes() == null ? "" : ", superseding " + e.supersedes())
                    + (e.overridden() ? "; OVERRIDE of unmet " + e.unmetCriteria() + ": " + e.overrideJustification() : "")
                    + (e.reason() == null ? "" : " — " + e.reason()));
        }
        if (event instanceof RecognitionAnnouncedEvent e) {
            return facts(e.caseId(), e.date(), List.of(), "announced at " + e.place());
        }
        if (event instanceof RevocationCaseOpenedEvent e) {
            return withRecognition(facts(e.caseId(), null, e.basis() == null ? List.of() : List.of(e.basis()),
                    "revocation case opened against " + e.recognitionCaseId() + " ("
                            + (e.recognitionDecision() == null ? "decision number not given" : e.recognitionDecision())
                            + "): " + e.trigger().reason() + (e.trigger().triggered() ? " — the revocation rule applies"
                            : " — the revocation rule does not apply")), e.recognitionCaseId());
        }
        if (event instanceof RevocationDecidedEvent e) {
            String number = e.decisionNumber() == null ? "number not given" : e.decisionNumber();
            return withRecognition(facts(e.caseId(), e.decisionDate(), List.of(), (e.revoked() ? "recognition "
                    + e.recognitionCaseId() + " revoked" : "recognition kept") + " by " + e.authority() + " (" + number
                    + ")" + (e.supersedes() == null ? "" : ", superseding " + e.supersedes())
                    + (e.overridden() ? "; OVERRIDE, the revocation rule did not apply: " + e.overrideJustification() : "")
                    + (e.reason() == null ? "" : " — " + e.reason())), e.recognitionCaseId());
        }
        if (event instanceof RecognitionLapsedEvent e) {
            return facts(e.caseId(), e.validUntil().plusDays(1), List.of(), "title lapsed: valid until "
                    + e.validUntil() + " (" + (e.decisionNumber() == null ? "decision number not given"
                    : e.decisionNumber()) + ")");
        }
        if (event instanceof StandardCertifiedEvent e) {
            return standard(e.certificationId(), e.unitCode(), e.setId(), e.indicatorCode(), null,
                    e.document() == null ? List.of()
                    : List.of(e.document()), e.subject() + ": " + e.standard() + " valid until " + e.validUntil()
                    + " (indicator " + e.indicatorCode() + " of " + e.setId() + ")");
        }
        if (event instanceof StandardRenewedEvent e) {
            return standard(e.certificationId(), e.unitCode(), null, null, null, e.document() == null ? List.of()
                    : List.of(e.document()), "standard renewed until " + e.validUntil());
        }
        if (event instanceof StandardLapsedEvent e) {
            return standard(e.certificationId(), e.unitCode(), e.setId(), e.indicatorCode(), e.validUntil().plusDays(1),
                    List.of(),
                    e.subject() + ": " + e.standard() + " lapsed after " + e.validUntil()
                            + (e.effect() == null ? "" : "; indicator " + e.indicatorCode() + " of " + e.setId() + ": "
                            + e.effect()));
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
                    List.of(e.document()), "evidence attached to " + e.target().kind().name().toLowerCase()
                    + (e.target().code() == null ? "" : " " + e.target().code()) + ": " + e.kind() + " "
                    + e.document().number() + (e.file() == null ? "" : ", file sha256:" + e.file().sha256()));
        }
        if (event instanceof EvidenceWithdrawnEvent e) {
            return new HistoryFacts(new LinkedHashSet<>(List.of("evidence:" + e.documentId())), null, null, null,
                    null, List.of(), "evidence withdrawn: " + e.reason());
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
                                         LocalDate date, List<Object> documents, String summary) {
        Set<String> subjects = new LinkedHashSet<>(List.of("certification:" + certificationId, HistoryFacts.unit(unit)));
        if (indicator != null) {
            subjects.add(HistoryFacts.unitIndicator(unit, setId, indicator));
        }
        return new HistoryFacts(subjects, unit, setId, date, date, documents, summary);
    }

    private static HistoryFacts facts(String caseId, LocalDate date, List<Object> documents, String summary) {
        String[] parts = caseId.split("@");
        String unit = parts[0];
        String setId = parts.length > 1 ? parts[1] : null;
        Set<String> subjects = new LinkedHashSet<>(List.of("case:" + caseId, HistoryFacts.unit(unit)));
        return new HistoryFacts(subjects, unit, setId, date, date, documents, summary);
    }

    private static long met(List<CriterionAssessment> assessments) {
        return assessments.stream().filter(a -> a.assessed() == org.ntmrecords.events.scorecard.Judgment.MET).count();
    }

    private static String discrepancies(List<CriterionAssessment> assessments) {
        List<String> codes = assessments.stream().filter(CriterionAssessment::discrepant)
                .map(CriterionAssessment::criterionCode).toList();
        return codes.isEmpty() ? "" : "; differs from the computed judgment on " + codes;
    }
}
