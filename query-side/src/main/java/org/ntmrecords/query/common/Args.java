package org.ntmrecords.query.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Query arguments: text containing NUL (which PostgreSQL cannot hold) is a bad request, not a server error; so are
 * dates and instants the record cannot be asked about: before 1900 (the earliest date any record takes) or more than
 * {@value #DAYS_AHEAD} days after today (a date that far ahead says nothing the record knows, and a year like
 * -999999999 is not even a time PostgreSQL holds).
 */
public final class Args {
    /** The earliest day a question may be about, as the earliest date a command takes. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    /** How far after today a date or an instant bound may be. */
    public static final int DAYS_AHEAD = 366;

    private Args() {
    }

    public static String text(String name, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new InvalidArgumentException(QueryText.of("args.nul", name));
        }
        return value == null ? null : value.strip();
    }

    /** A date argument from 1900-01-01 to {@value #DAYS_AHEAD} days after today; null stays null. */
    public static LocalDate date(String name, LocalDate value, Clock clock) {
        if (value == null) {
            return null;
        }
        LocalDate latest = LocalDate.now(clock).plusDays(DAYS_AHEAD);
        if (value.isBefore(EARLIEST_DATE) || value.isAfter(latest)) {
            throw new InvalidArgumentException(QueryText.of("args.dateRange", name, value.toString(),
                    EARLIEST_DATE.toString(), latest.toString()));
        }
        return value;
    }

    /**
     * An instant argument (a bound of a filter) from 1900-01-01T00:00Z to {@value #DAYS_AHEAD} days after now; null
     * stays null. An instant the record is read at is further refused after now ({@code AsOf}).
     */
    public static Instant instant(String name, Instant value, Clock clock) {
        if (value == null) {
            return null;
        }
        Instant earliest = EARLIEST_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant latest = clock.instant().plus(java.time.Duration.ofDays(DAYS_AHEAD));
        if (value.isBefore(earliest) || value.isAfter(latest)) {
            throw new InvalidArgumentException(QueryText.of("args.instantRange", name, value.toString(),
                    earliest.toString(), latest.toString()));
        }
        return value;
    }
}
