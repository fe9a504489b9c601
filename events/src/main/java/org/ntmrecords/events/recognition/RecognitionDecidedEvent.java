package org.ntmrecords.events.recognition;

import java.time.LocalDate;
import java.util.List;
import org.ntmrecords.events.scorecard.Judgment;

/**
 * The authority decided: recognition granted (decision number as written — null when the source does not give
 * it —, date, signer, authority) or refused with a reason. A decision is never edited: a wrong one is superseded
 * by a new decision naming it ({@code supersedes}). Granting while the computed standing had unmet criteria needs
 * an override with its justification, kept here and flagged; so does granting after a survey below the
 * threshold ({@code surveyShortfalls}). {@code validUntil}: the last day a title with a validity period holds
 * (null when it holds until revoked); a deadline lapses it then. {@code conditions}: the title's conditions beyond
 * its criteria (a district title's) as judged when it was decided; granting while one was not met is an override
 * too. Additive: decisions stored before it read with no conditions.
 */
public record RecognitionDecidedEvent(String caseId, boolean granted, String decisionNumber, LocalDate decisionDate,
                                      String signer, String authority, String reason, List<String> unmetCriteria,
                                      String overrideJustification, String supersedes,
                                      List<String> surveyShortfalls, LocalDate validUntil,
                                      List<ConditionJudgment> conditions) {
    public RecognitionDecidedEvent {
        unmetCriteria = unmetCriteria == null ? List.of() : List.copyOf(unmetCriteria);
        surveyShortfalls = surveyShortfalls == null ? List.of() : List.copyOf(surveyShortfalls);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    public RecognitionDecidedEvent(String caseId, boolean granted, String decisionNumber, LocalDate decisionDate,
                                   String signer, String authority, String reason, List<String> unmetCriteria,
                                   String overrideJustification, String supersedes, List<String> surveyShortfalls,
                                   LocalDate validUntil) {
        this(caseId, granted, decisionNumber, decisionDate, signer, authority, reason, unmetCriteria,
                overrideJustification, supersedes, surveyShortfalls, validUntil, List.of());
    }

    /** The conditions not met (or not assessed) when the title was decided. */
    public List<ConditionJudgment> unmetConditions() {
        return conditions.stream().filter(c -> c.judgment() != Judgment.MET).toList();
    }

    public boolean overridden() {
        return granted && (!unmetCriteria.isEmpty() || !surveyShortfalls.isEmpty() || !unmetConditions().isEmpty());
    }
}
