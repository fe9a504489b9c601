package org.ntmrecords.infra.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.ntmrecords.query.common.Keyset;

/**
 * The sort keys a page request's cursor holds, typed, as a read repository's {@link Keyset} takes them. A cursor of
 * the right list whose keys are missing or of another type (made by hand, not issued) is refused as foreign, never
 * read as something else.
 */
public final class CursorKeys {
    private CursorKeys() {
    }

    /** The kinds of sort key a cursor carries, written into it as JSON strings or numbers. */
    public enum Type { TEXT, INTEGER, INSTANT, DATE }

    /**
     * The keyset of a page: after (or before) the keys named, in that order, read as their types; the first (or
     * last) page when the request has no cursor. Reads one row more than the page, so that the page knows whether
     * more follow.
     *
     * @param namesAndTypes alternately a key's name and its {@link Type}
     */
    public static Keyset keyset(Paging.PageRequest page, Object... namesAndTypes) {
        if (page.keys() == null) {
            return new Keyset(null, page.forward(), page.size() + 1);
        }
        List<Object> after = new ArrayList<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            after.add(key(page, (String) namesAndTypes[i], (Type) namesAndTypes[i + 1]));
        }
        if (page.keys().size() != after.size()) {
            throw foreign();
        }
        return new Keyset(after, page.forward(), page.size() + 1);
    }

    private static Object key(Paging.PageRequest page, String name, Type type) {
        Object value = page.key(name);
        Object typed;
        try {
            typed = switch (type) {
                case TEXT -> value instanceof String text ? text : null;
                case INTEGER -> value instanceof Integer number ? number : null;
                case INSTANT -> value instanceof String text ? Instant.parse(text) : null;
                case DATE -> value instanceof String text ? LocalDate.parse(text) : null;
            };
        } catch (DateTimeParseException e) {
            throw foreign();
        }
        if (typed == null) {
            throw foreign();
        }
        return typed;
    }

    private static InvalidArgumentException foreign() {
        return new InvalidArgumentException(ApiText.of("cursor.foreign"));
    }
}
