package org.ntmrecords.query.history;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventHandler;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.query.common.Json;

/**
 * The summary of a history entry in the reader's language: the entry keeps its event as stored, so its summary is
 * said again from the event, in words of the bundles, each time it is read. The stored summary (English) stays for
 * logs and for an event this version cannot read back.
 */
public final class HistorySummaries {
    /** Every event type the history records, by the name it is stored under ({@link HistoryProjection#type}). */
    private static final Map<String, Class<?>> TYPES = types();

    private HistorySummaries() {
    }

    /** The entry's summary as a message, or empty when its event cannot be read back. */
    public static Optional<Message> of(HistoryEntryView entry) {
        Class<?> type = TYPES.get(entry.type());
        if (type == null || entry.payload() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(HistoryFacts.of(Json.read(entry.payload(), type), entry.stream()).summary());
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static Map<String, Class<?>> types() {
        Map<String, Class<?>> types = new HashMap<>();
        for (Method method : HistoryProjection.class.getDeclaredMethods()) {
            if (method.isAnnotationPresent(EventHandler.class) && method.getParameterCount() > 0) {
                Class<?> event = method.getParameterTypes()[0];
                String name = event.getSimpleName();
                types.put(name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name, event);
            }
        }
        return Map.copyOf(types);
    }
}
