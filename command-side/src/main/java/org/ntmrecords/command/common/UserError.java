package org.ntmrecords.command.common;

import java.util.Locale;
import org.ntmrecords.events.common.Message;

/**
 * A typed error returned in a mutation payload: what was wrong, with which input field, in words — said in the
 * reader's language when the words come from the message bundles ({@code text}), else as written ({@code message}).
 */
public record UserError(RejectionCode code, String field, String message, Message text) {
    /**
     * A typed error in fixed words (English): kept only for the parts of infra whose messages are not in the bundles
     * yet (api/scorecard, api/recognition, api/evidence, api/reappraisal). The command side never calls it
     * (MessageBundlesTest).
     */
    public UserError(RejectionCode code, String field, String message) {
        this(code, field, message, null);
    }

    public UserError(RejectionCode code, String field, Message text) {
        this(code, field, text.toString(), text);
    }

    public static UserError of(CommandRejectedException e) {
        return new UserError(e.code(), e.field(), e.getMessage(), e.text());
    }

    /** The message in a language (as written when it has no bundle words). */
    public String message(Locale locale) {
        return text == null ? message : text.in(locale);
    }
}
