package org.ntmrecords.query.common;

import org.ntmrecords.events.common.Message;

/** A query argument the API does not serve (a page size too large, a foreign cursor), said in the reader's language. */
public class InvalidArgumentException extends RuntimeException {
    private final transient Message text;

    public InvalidArgumentException(Message text) {
        super(text.toString());
        this.text = text;
    }

    /**
     * In fixed words (English), said the same to every reader: kept only for the overview queries, written apart and
     * not converted yet. The rest of the query side and infra never call it (MessageBundlesTest).
     */
    public InvalidArgumentException(String message) {
        super(message);
        this.text = null;
    }

    /** The message as words of the bundles, or null when it has fixed words only. */
    public Message text() {
        return text;
    }
}
