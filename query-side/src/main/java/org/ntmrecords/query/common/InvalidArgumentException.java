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
     * In fixed words (English), said the same to every reader: kept only for what is not converted yet — the API's
     * CursorKeys (a cursor not issued by its list) and the overview queries being written apart. The query side and
     * the rest of infra never call it (MessageBundlesTest).
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
