package org.ntmrecords.command.scorecard;

import java.util.List;
import java.util.Locale;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.events.common.Message;

/** What a {@link RecordIndicatorValuesCommand} did with each of its values, by their position in the command. */
public record ValuesOutcome(String scorecardId, List<String> recorded, List<String> alreadyRecorded,
                            List<RejectedValue> rejected) {

    /** A value that was not recorded, and why: in words of the bundles, said in each reader's language. */
    public record RejectedValue(int index, String valueId, RejectionCode code, String field, Message text) {
        /** Why, in English (for logs). */
        public String message() {
            return text.toString();
        }

        public String message(Locale locale) {
            return text.in(locale);
        }
    }
}
