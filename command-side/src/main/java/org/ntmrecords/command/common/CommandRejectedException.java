package org.ntmrecords.command.common;

/**
 * A command broke a rule of the record. Thrown before any event is applied, so nothing is stored; the code,
 * the offending input field and the message reach the client as a typed error.
 */
public class CommandRejectedException extends RuntimeException {
    private final RejectionCode code;
    private final String field;

    public CommandRejectedException(RejectionCode code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public RejectionCode code() {
        return code;
    }

    public String field() {
        return field;
    }
}
