package org.ntmrecords.events.evidence;

import org.ntmrecords.events.common.DocumentRef;

/**
 * A document attached as evidence: the reference (number as written, date, issuer, title), its kind (plan,
 * decision, report, minutes, …), what it is attached to, and the file if one was stored.
 */
public record EvidenceAttachedEvent(String documentId, EvidenceTarget target, DocumentRef document, String kind,
                                    StoredFile file, String note) {
}
