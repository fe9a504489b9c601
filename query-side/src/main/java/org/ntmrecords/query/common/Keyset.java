package org.ntmrecords.query.common;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Where a page of a list read by keyset starts: after the row whose sort keys are {@code after} going forward (before
 * it going backward), at most {@code limit} rows. The list's order is its repository's: columns sorted ascending
 * whose values together name one row, so that a page is one indexed range and never an offset.
 *
 * @param after   the sort keys of the row the page continues from, in the order of the list's columns ({@link
 *                Instant}, {@link LocalDate}, {@link String} or a number); null for the first (or last) page
 * @param forward whether the page follows {@code after} (or starts the list) rather than preceding it (or ending it)
 * @param limit   how many rows to read
 */
public record Keyset(List<Object> after, boolean forward, int limit) {
    public Keyset {
        after = after == null ? null : Collections.unmodifiableList(new ArrayList<>(after));
    }

    /** The first {@code limit} rows of a list. */
    public static Keyset first(int limit) {
        return new Keyset(null, true, limit);
    }

    /**
     * The condition that keeps the rows past {@code after} in the direction read (" and (a, b) > (:k0, :k1)"), or
     * nothing on a first page; its values are added to {@code params}.
     */
    public String condition(List<String> columns, MapSqlParameterSource params) {
        if (after == null) {
            return "";
        }
        if (after.size() != columns.size()) {
            throw new InvalidArgumentException(QueryText.of("cursor.foreign"));
        }
        for (int i = 0; i < after.size(); i++) {
            params.addValue("keyset" + i, jdbc(after.get(i)));
        }
        return " and (" + String.join(", ", columns) + ") " + (forward ? ">" : "<") + " ("
                + IntStream.range(0, columns.size()).mapToObj(i -> ":keyset" + i).collect(Collectors.joining(", "))
                + ")";
    }

    /** " order by a, b limit :keysetLimit" going forward, each column descending going backward. */
    public String orderAndLimit(List<String> columns, MapSqlParameterSource params) {
        params.addValue("keysetLimit", limit);
        return " order by " + columns.stream().map(c -> forward ? c : c + " desc").collect(Collectors.joining(", "))
                + " limit :keysetLimit";
    }

    /** The rows read, in the list's order (a backward page is read from its end). */
    public <T> List<T> inListOrder(List<T> rows) {
        if (forward) {
            return rows;
        }
        List<T> reversed = new ArrayList<>(rows);
        Collections.reverse(reversed);
        return reversed;
    }

    private static Object jdbc(Object key) {
        if (key instanceof Instant instant) {
            return Sql.timestamp(instant);
        }
        if (key instanceof LocalDate date) {
            return Sql.date(date);
        }
        return key;
    }
}
