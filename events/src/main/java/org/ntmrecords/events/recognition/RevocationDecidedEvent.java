package org.ntmrecords.events.recognition;

import java.time.LocalDate;

/**
 * The authority decided a revocation case: the recognition {@code recognitionCaseId} revoked (decision number as
 * written, date, signer, authority) or kept, with a reason. {@code trigger}: the revocation rule evaluated on the
 * computed standing when deciding; revoking when it does not call for revocation needs an override with its
 * justification, kept and flagged. A wrong decision is superseded by a new one naming it.
 */
public record RevocationDecidedEvent(String caseId, String recognitionCaseId, boolean revoked, String decisionNumber,
                                     LocalDate decisionDate, String signer, String authority, String reason,
                                     RevocationTrigger trigger, String overrideJustification, String supersedes) {
    public boolean overridden() {
        return revoked && trigger != null && !trigger.triggered();
    }
}
