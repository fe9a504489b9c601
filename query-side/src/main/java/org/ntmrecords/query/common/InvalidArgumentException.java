package org.ntmrecords.query.common;

import org.ntmrecords.events.common.Message;

/** A query argument the API does not serve (a page size too large, a foreign cursor), said in the reader's language. */
public class InvalidArgumentException extends RuntimeException {
    private final transient Message text;

    public InvalidArgumentException(Message text) {
        super(text.toString());
        this.text = text;
    }

    /** The message as words of the bundles. */
    public Message text() {
        return text;
    }
}
