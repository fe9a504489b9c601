package org.ntmrecords.command.common;

import java.util.List;
import org.ntmrecords.events.common.FieldName;
import org.ntmrecords.events.common.Message;

/**
 * Messages of the command side: keys of {@code messages/command.properties} (Vietnamese) and {@code _en} (English),
 * grouped by feature ({@code unit.*}, {@code scorecard.*}, {@code recognition.*}, {@code access.*}, …).
 */
public final class CommandText {
    public static final String BUNDLE = "messages/command";

    private CommandText() {
    }

    public static Message of(String key, Object... args) {
        return Message.of(BUNDLE, key, args);
    }

    /** An input field as a message names it: its label ({@code field.<path>} in the bundle), else its path. */
    public static FieldName field(String path) {
        return new FieldName(BUNDLE, path);
    }

    /**
     * Items joined two by two with a {@code list.*} pattern ({@code list.and}: "a and b", {@code list.semicolon}:
     * "a; b"), each item a text or a message; the first item alone when there is one, an empty text when none.
     */
    public static Object joined(String listKey, List<?> items) {
        if (items.isEmpty()) {
            return "";
        }
        Object joined = items.get(0);
        for (Object next : items.subList(1, items.size())) {
            joined = Message.of(BUNDLE, listKey, joined, next);
        }
        return joined;
    }

    /**
     * The name of a domain term for a reader: {@code term.<enum>.<constant>}, e.g. {@code term.Role.COMMUNE_OFFICER}
     * (cán bộ xã; COMMUNE_OFFICER in English, as the API names it). Every constant of the enums named this way has its
     * key in both bundles (CommandTextTest).
     */
    public static Message term(Enum<?> value) {
        return Message.of(BUNDLE, "term." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }
}
