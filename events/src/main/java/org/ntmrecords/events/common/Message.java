package org.ntmrecords.events.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Words for a person — a refusal, a query error, a task's report — as a key of a message bundle and the values it
 * names, so that each reader gets them in their language: Vietnamese by default (the bundle without a language
 * suffix), English in {@code <bundle>_en.properties}. The patterns are {@link MessageFormat} patterns ({@code {0}},
 * {@code ''} for an apostrophe); give codes, years and ids as text, so that they are not formatted as quantities;
 * dates as {@code LocalDate} and decimals as {@code BigDecimal}, written for the reader's language.
 *
 * @param bundle the bundle's base name on the classpath, e.g. {@code messages/command}
 * @param key    the message's key in it
 * @param args   the values the message names
 */
public record Message(String bundle, String key, List<Object> args) {
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public Message {
        args = args == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
    }

    public static Message of(String bundle, String key, Object... args) {
        return new Message(bundle, key, java.util.Arrays.asList(args));
    }

    /** The text in a language (Vietnamese when the bundle has no translation into it). */
    public String in(Locale locale) {
        ResourceBundle messages;
        try {
            messages = ResourceBundle.getBundle(bundle, locale == null ? VIETNAMESE : locale,
                    Message.class.getClassLoader(), NO_FALLBACK);
        } catch (MissingResourceException e) {
            return key + args;
        }
        if (!messages.containsKey(key)) {
            return key + args;
        }
        Locale language = locale == null ? VIETNAMESE : locale;
        return new MessageFormat(messages.getString(key), language)
                .format(args.stream().map(arg -> shown(arg, language)).toArray());
    }

    /**
     * How a value is written for a reader: a message inside a message in the same language; a list as its items,
     * each written so, joined by commas; a date as dd/mm/yyyy in Vietnamese (ISO in English); a decimal with every
     * digit it has, with a decimal comma in Vietnamese (never rounded, as a number pattern would).
     */
    private static Object shown(Object arg, Locale language) {
        boolean vietnamese = "vi".equals(language.getLanguage());
        if (arg instanceof Message inner) {
            return inner.in(language);
        }
        if (arg instanceof FieldName field) {
            return field.in(language);
        }
        if (arg instanceof java.util.List<?> list) {
            return list.stream().map(item -> String.valueOf(shown(item, language)))
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        if (arg instanceof java.time.LocalDate date) {
            return vietnamese ? date.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) : date.toString();
        }
        if (arg instanceof java.time.ZonedDateTime time) {
            // a moment, in the zone it was given in: dd/mm/yyyy hh:mm:ss for Vietnamese readers, ISO otherwise
            return vietnamese ? time.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss"))
                    : time.toOffsetDateTime().toString();
        }
        if (arg instanceof java.math.BigDecimal decimal) {
            String plain = decimal.toPlainString();
            return vietnamese ? plain.replace('.', ',') : plain;
        }
        return arg;
    }

    /** In English: what logs and exceptions carry. */
    @Override
    public String toString() {
        return in(Locale.ENGLISH);
    }
}
