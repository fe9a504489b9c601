package org.ntmrecords.infra.api;

import java.util.List;
import java.util.Locale;
import org.ntmrecords.events.common.Message;
import org.springframework.http.HttpHeaders;

/**
 * Messages of the service's own layer (the API, sign-in, tasks): keys of {@code messages/api.properties} (Vietnamese)
 * and {@code _en} (English); and the language a request asks for: Vietnamese unless its {@code Accept-Language} prefers
 * English.
 */
public final class ApiText {
    public static final String BUNDLE = "messages/api";
    private static final List<Locale> SPOKEN = List.of(Message.VIETNAMESE, Locale.ENGLISH);

    private ApiText() {
    }

    public static Message of(String key, Object... args) {
        return Message.of(BUNDLE, key, args);
    }

    public static String say(Locale locale, String key, Object... args) {
        return of(key, args).in(locale);
    }

    /** The language of an {@code Accept-Language} header among those the service speaks; Vietnamese by default. */
    public static Locale language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Message.VIETNAMESE;
        }
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SPOKEN);
            return chosen == null ? Message.VIETNAMESE : chosen;
        } catch (IllegalArgumentException malformed) {
            return Message.VIETNAMESE;
        }
    }

    public static Locale language(HttpHeaders headers) {
        return language(headers == null ? null : headers.getFirst(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
