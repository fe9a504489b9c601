package org.ntmrecords.command.common;

import java.util.Locale;
import org.ntmrecords.events.common.Message;

/**
 * A typed error returned in a mutation payload: what was wrong, with which input field, in words of the message
 * bundles ({@code text}), said in the reader's language; {@code message} is the same in English (logs, tests).
 */
public record UserError(RejectionCode code, String field, String message, Message text) {
    public UserError(RejectionCode code, String field, Message text) {
        this(code, field, text.toString(), text);
    }

    public static UserError of(CommandRejectedException e) {
        return new UserError(e.code(), e.field(), e.getMessage(), e.text());
    }

    /** The message in a language ({@code message} as written, should a caller build one without bundle words). */
    public String message(Locale locale) {
        return text == null ? message : text.in(locale);
    }
}
