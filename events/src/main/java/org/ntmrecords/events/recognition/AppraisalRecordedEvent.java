package org.ntmrecords.events.recognition;

import java.util.List;
import org.ntmrecords.events.common.DocumentRef;

/**
 * Appraisal (thẩm định) of round {@code round}: the council's vote and whether it proposes recognition or returns
 * the dossier with comments; {@code bodyComments}, each body's own comment (the ministries' at the central
 * appraisal of a district title; additive: appraisals stored before it read with none).
 */
public record AppraisalRecordedEvent(String caseId, int round, int votesFor, int votesAgainst, int abstentions,
                                     boolean proposed, String comments, List<DocumentRef> documents,
                                     List<BodyComment> bodyComments) {
    public AppraisalRecordedEvent {
        documents = documents == null ? List.of() : List.copyOf(documents);
        bodyComments = bodyComments == null ? List.of() : List.copyOf(bodyComments);
    }

    public AppraisalRecordedEvent(String caseId, int round, int votesFor, int votesAgainst, int abstentions,
                                  boolean proposed, String comments, List<DocumentRef> documents) {
        this(caseId, round, votesFor, votesAgainst, abstentions, proposed, comments, documents, List.of());
    }
}
