package org.ntmrecords.events.recognition;

import java.util.List;
import org.ntmrecords.events.common.DocumentRef;

/**
 * Appraisal (thẩm định) of round {@code round}: the council's vote and whether it proposes recognition or returns
 * the dossier with comments.
 */
public record AppraisalRecordedEvent(String caseId, int round, int votesFor, int votesAgainst, int abstentions,
                                     boolean proposed, String comments, List<DocumentRef> documents) {
    public AppraisalRecordedEvent {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
