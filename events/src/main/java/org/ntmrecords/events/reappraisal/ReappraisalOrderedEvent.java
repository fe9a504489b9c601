package org.ntmrecords.events.reappraisal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ntmrecords.events.common.DocumentRef;

/**
 * A reappraisal was ordered on a legal basis: the records of {@code unitCodes} under {@code setId}, with the
 * values known for {@code date} at {@code valuesAsOf}, judged against {@code againstSetId} version
 * {@code againstVersion}. Its results follow as one {@link UnitReappraisedEvent} per unit.
 *
 * @param scopeUnitCode the unit, or the district whose units were reappraised
 */
public record ReappraisalOrderedEvent(String reappraisalId, String scopeUnitCode, String setId, int officialVersion,
                                      String againstSetId, int againstVersion, LocalDate date, Instant valuesAsOf,
                                      DocumentRef basis, String reason, List<String> unitCodes) {
    public ReappraisalOrderedEvent {
        unitCodes = unitCodes == null ? List.of() : List.copyOf(unitCodes);
    }
}
