package org.ntmrecords.query.common;

import org.ntmrecords.events.common.Message;

/** Messages of the query side: keys of {@code messages/query.properties} (Vietnamese) and {@code _en} (English). */
public final class QueryText {
    public static final String BUNDLE = "messages/query";

    private QueryText() {
    }

    public static Message of(String key, Object... args) {
        return Message.of(BUNDLE, key, args);
    }
}
