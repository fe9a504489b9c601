package org.ntmrecords.infra.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON mappers of the stored data. Their settings are part of the stored format; change with care. */
final class Mappers {
    private Mappers() {
    }

    /**
     * Events and messages: records as they are, dates as ISO strings, decimals as plain numbers, map keys
     * sorted. Readers ignore fields they do not know, so adding a field is not a breaking change.
     */
    static ObjectMapper events() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    /** Tokens and other framework state: the same, through their getters and creators. */
    static ObjectMapper general() {
        return events();
    }

    /**
     * Aggregate snapshots: an aggregate's fields as they are (aggregates have no getters). Snapshots are
     * a cache; an unreadable one is ignored and the aggregate is loaded from its events.
     */
    static ObjectMapper snapshots() {
        return events()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
    }
}
