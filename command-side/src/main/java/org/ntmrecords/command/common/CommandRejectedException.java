package org.ntmrecords.command.common;

import org.ntmrecords.events.common.Message;

/**
 * A command broke a rule of the record. Thrown before any event is applied, so nothing is stored; the code,
 * the offending input field and the message reach the client as a typed error, the message in the client's language.
 */
public class CommandRejectedException extends RuntimeException {
    private final RejectionCode code;
    private final String field;
    private final transient Message text;

    /** A refusal in words of the message bundles ({@link CommandText}): said in each reader's language. */
    public CommandRejectedException(RejectionCode code, String field, Message text) {
        super(text.toString());
        this.code = code;
        this.field = field;
        this.text = text;
    }

    /** The refusal as words of the bundles. */
    public Message text() {
        return text;
    }

    public RejectionCode code() {
        return code;
    }

    public String field() {
        return field;
    }
}
