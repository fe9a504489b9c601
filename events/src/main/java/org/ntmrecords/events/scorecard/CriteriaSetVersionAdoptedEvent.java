package org.ntmrecords.events.scorecard;

import java.time.LocalDate;
import java.util.List;
import org.ntmrecords.events.common.LegalBasis;

/**
 * A tracked unit's record moved to a newer version of its criteria set once that version applied. The judgments
 * that follow in the same stream re-judge the indicators whose requirement changed (their criteria and the
 * standing), each naming {@code <setId>@v<version>} as its cause.
 *
 * @param effectiveFrom   the date from which the adopted version applies
 * @param legalBasis      the amending decision
 * @param changedIndicators indicators whose requirement differs from the previous version or that it did not have
 *                          (added, or parts of a split), in definition order
 * @param removedIndicators indicators of the previous version the adopted one no longer has (removed, or split);
 *                          their entries stay readable under their codes, and their criteria are judged again
 *                          (additive: payloads stored before it read with it empty)
 */
public record CriteriaSetVersionAdoptedEvent(String scorecardId, String unitCode, String setId, int previousVersion,
                                             int version, LocalDate effectiveFrom, LegalBasis legalBasis,
                                             List<String> changedIndicators, List<String> removedIndicators) {
    public CriteriaSetVersionAdoptedEvent {
        changedIndicators = changedIndicators == null ? List.of() : List.copyOf(changedIndicators);
        removedIndicators = removedIndicators == null ? List.of() : List.copyOf(removedIndicators);
    }

    /** An adoption that removes no indicator. */
    public CriteriaSetVersionAdoptedEvent(String scorecardId, String unitCode, String setId, int previousVersion,
                                          int version, LocalDate effectiveFrom, LegalBasis legalBasis,
                                          List<String> changedIndicators) {
        this(scorecardId, unitCode, setId, previousVersion, version, effectiveFrom, legalBasis, changedIndicators,
                List.of());
    }

    /** The cause id that judgments following an adoption carry. */
    public static String causeId(String setId, int version) {
        return setId + "@v" + version;
    }
}
