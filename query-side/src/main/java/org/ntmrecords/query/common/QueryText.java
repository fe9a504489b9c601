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

    /**
     * The name of a domain term for a reader: {@code term.<enum>.<constant>} of this bundle, e.g.
     * {@code term.SetLevel.COMMUNE} (xã; COMMUNE in English, as the API names it).
     */
    public static Message term(Enum<?> value) {
        return Message.of(BUNDLE, "term." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }
}
