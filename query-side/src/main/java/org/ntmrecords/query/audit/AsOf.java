package org.ntmrecords.query.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.ntmrecords.query.common.QueryText;

/**
 * The two times of an as-of question: the business date the standing is about, and the record instant whose
 * knowledge is used. Without an instant: now. Without a date: the day of the instant in the service's time zone.
 */
public record AsOf(LocalDate date, Instant recordedAt) {

    public static AsOf of(LocalDate date, Instant recordedAt, Clock clock) {
        Instant now = clock.instant();
        if (recordedAt != null && recordedAt.isAfter(now)) {
            throw new InvalidArgumentException(QueryText.of("asOf.futureRecordedAt", recordedAt.toString()));
        }
        Instant at = recordedAt == null ? now : recordedAt;
        return new AsOf(date == null ? LocalDate.ofInstant(at, clock.getZone()) : date, at);
    }
}
