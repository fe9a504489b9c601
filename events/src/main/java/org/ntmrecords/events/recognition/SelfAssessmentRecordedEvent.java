package org.ntmrecords.events.recognition;

import java.time.Instant;
import java.util.List;
import org.ntmrecords.events.common.DocumentRef;

/**
 * The unit assessed itself against every criterion of the set (round {@code round}), with the computed judgments
 * as the record stood at {@code valuesKnownAt}.
 */
public record SelfAssessmentRecordedEvent(String caseId, int round, List<CriterionAssessment> assessments,
                                          Instant valuesKnownAt, List<DocumentRef> documents) {
    public SelfAssessmentRecordedEvent {
        assessments = List.copyOf(assessments);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
