package org.ntmrecords.events.recognition;

import java.time.LocalDate;
import java.util.List;

/**
 * The authority decided: recognition granted (decision number as written — null when the source does not give
 * it —, date, signer, authority) or refused with a reason. A decision is never edited: a wrong one is superseded
 * by a new decision naming it ({@code supersedes}). Granting while the computed standing had unmet criteria needs
 * an override with its justification, kept here and flagged.
 */
public record RecognitionDecidedEvent(String caseId, boolean granted, String decisionNumber, LocalDate decisionDate,
                                      String signer, String authority, String reason, List<String> unmetCriteria,
                                      String overrideJustification, String supersedes) {
    public RecognitionDecidedEvent {
        unmetCriteria = unmetCriteria == null ? List.of() : List.copyOf(unmetCriteria);
    }

    public boolean overridden() {
        return granted && !unmetCriteria.isEmpty();
    }
}
