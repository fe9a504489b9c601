package org.ntmrecords.infra.api.history;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The kinds of event a history holds, as the API names them and as the history stores them. The read model keeps the
 * stored event's class name without its {@code Event} suffix ({@code IndicatorValueRecorded}): event class names are
 * part of the stored data and never change. The API serves the same kind in SCREAMING_CASE
 * ({@code INDICATOR_VALUE_RECORDED}), as every enum value of the schema; the two are mapped here, word by word, and
 * {@code HistoryEventTypesTest} checks that every event class maps to a value of {@code HistoryEventType} and back.
 */
public final class HistoryEventTypes {
    private static final Pattern WORD_BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern SERVED = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z][A-Z0-9]*)*");

    private HistoryEventTypes() {
    }

    /** The API's name of a stored kind: {@code IndicatorValueRecorded} → {@code INDICATOR_VALUE_RECORDED}. */
    public static String served(String stored) {
        return stored == null ? null : WORD_BOUNDARY.matcher(stored).replaceAll("_").toUpperCase(Locale.ROOT);
    }

    /** The stored name of a kind the API names: {@code INDICATOR_VALUE_RECORDED} → {@code IndicatorValueRecorded}. */
    public static String stored(String served) {
        if (served == null || !SERVED.matcher(served).matches()) {
            throw new IllegalArgumentException("not a HistoryEventType: " + served);
        }
        StringBuilder name = new StringBuilder(served.length());
        for (String word : served.split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    /** The stored names of the kinds the API names; null stays null (no filter). */
    public static List<String> stored(List<String> served) {
        return served == null ? null : served.stream().map(HistoryEventTypes::stored).toList();
    }
}
