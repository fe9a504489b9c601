package org.ntmrecords.command.scorecard;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.scorecard.Period;

/** Mark an indicator as not assessed for a period (no data yet), with the reason. */
public record MarkIndicatorNotAssessedCommand(@TargetAggregateIdentifier String scorecardId, String valueId,
                                              String indicatorCode, Period period, String reason,
                                              List<DocumentRef> evidence) {
}
