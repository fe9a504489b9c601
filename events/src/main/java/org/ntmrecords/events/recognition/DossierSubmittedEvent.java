package org.ntmrecords.events.recognition;

import java.util.List;
import org.ntmrecords.events.common.DocumentRef;

/** The dossier went to the verifying level (round {@code round}; later rounds are resubmissions). */
public record DossierSubmittedEvent(String caseId, int round, List<DocumentRef> documents) {
    public DossierSubmittedEvent {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
