package org.ntmrecords.command.evidence;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.evidence.EvidenceTarget;
import org.ntmrecords.events.evidence.StoredFile;

/** Attach a document as evidence, or withdraw one attached by mistake. */
public final class EvidenceCommands {
    private EvidenceCommands() {
    }

    /** {@code file}: a file already in the evidence store, checked by the service (null when none). */
    public record Attach(@TargetAggregateIdentifier String streamId, String documentId, EvidenceTarget target,
                         DocumentRef document, String kind, StoredFile file, String note) {
    }

    /** {@code unitCode}: the unit the document is attached under (checked; it decides who may withdraw). */
    public record Withdraw(@TargetAggregateIdentifier String streamId, String unitCode, String reason) {
    }
}
