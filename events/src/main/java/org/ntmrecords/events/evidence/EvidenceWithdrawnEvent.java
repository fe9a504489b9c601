package org.ntmrecords.events.evidence;

/** A document attached by mistake is withdrawn, with the reason; the attachment stays in the history. */
public record EvidenceWithdrawnEvent(String documentId, String reason) {
}
