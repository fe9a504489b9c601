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
        return null;
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
