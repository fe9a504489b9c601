package org.ntmrecords.query.overview;

import org.ntmrecords.events.common.Message;

/**
 * A roll-up asked of a unit it cannot be made for: a unit of another level than the query counts under, or a unit
 * that has ceased (the message names where to ask instead). Reported to clients with its code, like a mutation's
 * typed error.
 */
public class OverviewRefusedException extends RuntimeException {
    /** Why, in the names of the mutations' error codes. */
    public enum Code {
        /** The unit is not of the level the query counts under (a province asked for a district's overview). */
        UNIT_LEVEL_MISMATCH,
        /** The unit has ceased (merged or abolished): its units are counted under the units that stand now. */
        UNIT_CEASED
    }

    private final Code code;
    private final String field;
    private final transient Message text;

    public OverviewRefusedException(Code code, String field, Message text) {
        super(text.toString());
        this.code = code;
        this.field = field;
        this.text = text;
    }

    /** The refusal in words of the bundles: said in the reader's language. */
    public Message text() {
        return text;
    }

    public Code code() {
        return code;
    }

    /** The argument the refusal is about. */
    public String field() {
        return field;
    }
}
