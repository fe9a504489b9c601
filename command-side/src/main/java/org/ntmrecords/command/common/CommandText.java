package org.ntmrecords.command.common;

import org.ntmrecords.events.common.Message;

/** Messages of the command side: keys of {@code messages/command.properties} (Vietnamese) and {@code _en} (English). */
public final class CommandText {
    public static final String BUNDLE = "messages/command";

    private CommandText() {
    }

    public static Message of(String key, Object... args) {
        return Message.of(BUNDLE, key, args);
    }
}
