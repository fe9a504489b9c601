package org.ntmrecords.events.scorecard;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The business time a fact describes: a period (e.g. the year 2023) or a single date ({@code start == end}).
 * Distinct from record time, which is when the system learned the fact.
 */
public record Period(LocalDate start, LocalDate end) {
    public Period {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("period ends before it starts");
        }
    }

    public static Period on(LocalDate date) {
        return new Period(date, date);
    }
}
