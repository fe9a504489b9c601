package org.ntmrecords.command.scorecard;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record several values for one tracked unit at once, as an import does: each value is checked and recorded as
 * {@link RecordIndicatorValueCommand} would record it, then the indicators touched are judged once, with their
 * criteria and the standing, caused by {@code batchId}. A value whose id is recorded already is skipped (so a file
 * can be imported again); a value that fails its checks is rejected alone and stores nothing. At most
 * {@link #MAX_VALUES} values.
 */
public record RecordIndicatorValuesCommand(@TargetAggregateIdentifier String scorecardId, String batchId,
                                           List<RecordIndicatorValueCommand> values) {
    public static final int MAX_VALUES = 1_000;
}
