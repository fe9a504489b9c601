package org.ntmrecords.events.recognition;

import java.time.LocalDate;
import java.util.List;

/**
 * The authority decided: recognition granted (decision number as written — null when the source does not give
 * it —, date, signer, authority) or refused with a reason. A decision is never edited: a wrong one is superseded
 * by a new decision naming it ({@code supersedes}). Granting while the computed standing had unmet criteria needs
 * an override with its justification, kept here and flagged; so does granting after a survey below the
 * threshold ({@code surveyShortfalls}). {@code validUntil}: the last day a title with a validity period holds
 * (null when it holds until revoked); a deadline lapses it then.
 */
public record RecognitionDecidedEvent(String caseId, boolean granted, String decisionNumber, LocalDate decisionDate,
                                      String signer, String authority, String reason, List<String> unmetCriteria,
                                      String overrideJustification, String supersedes,
                                      List<String> surveyShortfalls, LocalDate validUntil) {
    public RecognitionDecidedEvent {
        unmetCriteria = unmetCriteria == null ? List.of() : List.copyOf(unmetCriteria);
        surveyShortfalls = surveyShortfalls == null ? List.of() : List.copyOf(surveyShortfalls);
    }

    public boolean overridden() {
        return granted && (!unmetCriteria.isEmpty() || !surveyShortfalls.isEmpty());
    }
}
