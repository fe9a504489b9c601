package org.ntmrecords.events.recognition;

import java.util.List;
import org.ntmrecords.events.common.DocumentRef;

/**
 * Verification (thẩm tra) of round {@code round}: a finding per criterion, and whether the dossier goes on to
 * appraisal ({@code forwarded}) or back to the unit with comments.
 */
public record VerificationRecordedEvent(String caseId, int round, List<CriterionAssessment> findings,
                                        boolean forwarded, String comments, List<DocumentRef> documents) {
    public VerificationRecordedEvent {
        findings = List.copyOf(findings);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
