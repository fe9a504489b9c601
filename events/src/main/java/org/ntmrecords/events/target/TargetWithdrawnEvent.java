package org.ntmrecords.events.target;

import org.ntmrecords.events.common.DocumentRef;

/** A target was withdrawn, with the reason and the document that withdraws it where one does. */
public record TargetWithdrawnEvent(String targetId, String unitCode, String reason, DocumentRef basis) {
}
