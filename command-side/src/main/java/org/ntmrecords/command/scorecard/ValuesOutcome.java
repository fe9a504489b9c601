package org.ntmrecords.command.scorecard;

import java.util.List;
import org.ntmrecords.command.common.RejectionCode;

/** What a {@link RecordIndicatorValuesCommand} did with each of its values, by their position in the command. */
public record ValuesOutcome(String scorecardId, List<String> recorded, List<String> alreadyRecorded,
                            List<RejectedValue> rejected) {

    /** A value that was not recorded, and why. */
    public record RejectedValue(int index, String valueId, RejectionCode code, String field, String message) {
    }
}
