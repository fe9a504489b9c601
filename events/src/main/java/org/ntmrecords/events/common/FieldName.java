package org.ntmrecords.events.common;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * An input field named in a message for a person: its label in the reader's language ({@code field.<path>} in the
 * message's bundle, list indices left out: {@code evidence[0].number} → {@code field.evidence.number}), or the path
 * itself where no label is written. The path stays in the error's {@code field} for programs; the words are for people.
 *
 * @param bundle the bundle's base name, as {@link Message#bundle()}
 * @param path   the field's path in the input, e.g. {@code value.percentage}
 */
public record FieldName(String bundle, String path) {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The label in a language (Vietnamese by default), else the path. */
    public String in(Locale locale) {
        if (path == null) {
            return "";
        }
        String key = "field." + path.replaceAll("\\[\\d+]", "");
        try {
            ResourceBundle messages = ResourceBundle.getBundle(bundle, locale == null ? Message.VIETNAMESE : locale,
                    FieldName.class.getClassLoader(), NO_FALLBACK);
            return messages.containsKey(key) ? messages.getString(key) : path;
        } catch (MissingResourceException e) {
            return path;
        }
    }

    @Override
    public String toString() {
        return path;
    }
}
