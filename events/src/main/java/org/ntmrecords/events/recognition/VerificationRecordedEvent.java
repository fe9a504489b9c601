package org.ntmrecords.events.recognition;

import java.util.List;
import org.ntmrecords.events.common.DocumentRef;

/**
 * Verification (thẩm tra) of round {@code round}: a finding per criterion, and whether the dossier goes on to
 * appraisal ({@code forwarded}) or back to the unit with comments. {@code noConstructionDebt}: whether the
 * verification found the unit free of outstanding capital-construction debt (true), found debt (false), or did not
 * say (null; additive: verifications stored before it read as not said).
 */
public record VerificationRecordedEvent(String caseId, int round, List<CriterionAssessment> findings,
                                        boolean forwarded, String comments, List<DocumentRef> documents,
                                        Boolean noConstructionDebt) {
    public VerificationRecordedEvent {
        findings = List.copyOf(findings);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    public VerificationRecordedEvent(String caseId, int round, List<CriterionAssessment> findings, boolean forwarded,
                                     String comments, List<DocumentRef> documents) {
        this(caseId, round, findings, forwarded, comments, documents, null);
    }
}
