package org.ntmrecords.events.reappraisal;

import java.time.LocalDate;

/** A unit's result in an ordered reappraisal ({@link ReappraisalOrderedEvent}). */
public record UnitReappraisedEvent(String reappraisalId, String setId, int officialVersion, String againstSetId,
                                   int againstVersion, LocalDate date, ReappraisalOutcome outcome) {
}
