package org.ntmrecords.command.scorecard;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record several values for one tracked unit at once, as an import does: each value is checked and recorded as
 * {@link RecordIndicatorValueCommand} would record it, then the indicators touched are judged once, with their
 * criteria and the standing, caused by {@code batchId}. A value whose id is recorded already is skipped (so a file
 * can be imported again); a value that fails its checks is rejected alone and stores nothing. At most
 * {@link #MAX_VALUES} values.
 *
 * <p>With {@code dryRun}, every value goes through the same checks against the scorecard as it stands and the outcome
 * says what would be recorded, recorded already or rejected, but nothing is applied: an import's dry run is answered
 * by the same rules as the import itself.
 */
public record RecordIndicatorValuesCommand(@TargetAggregateIdentifier String scorecardId, String batchId,
                                           List<RecordIndicatorValueCommand> values, boolean dryRun) {
    public static final int MAX_VALUES = 1_000;

    public RecordIndicatorValuesCommand(String scorecardId, String batchId, List<RecordIndicatorValueCommand> values) {
        this(scorecardId, batchId, values, false);
    }
}
