package org.ntmrecords.command.reappraisal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.reappraisal.ReappraisalOutcome;

/**
 * Record an ordered reappraisal and its results. The results are computed from the read model by the caller
 * (the same appraisal as the what-if query), so the event keeps what was found at the time it was ordered.
 */
public record OrderReappraisalCommand(@TargetAggregateIdentifier String streamId, String scopeUnitCode,
                                      String setId, int officialVersion, String againstSetId, int againstVersion,
                                      LocalDate date, Instant valuesAsOf, DocumentRef basis, String reason,
                                      List<ReappraisalOutcome> outcomes) {
}
