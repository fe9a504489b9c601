package org.ntmrecords.query.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.reporting.Bodies;

/**
 * Compliance with one period of a reporting duty, as of a day: for each body that owes it, the first submission in
 * force (not replaced by a correction) received up to that day, judged against the period's due day.
 * <ul>
 *   <li>{@code ON_TIME}: received by the due day — or received at all, for a duty whose source states no day;</li>
 *   <li>{@code LATE}: received after the due day, by {@code daysLate} days;</li>
 *   <li>{@code MISSING}: nothing received, and the due day has passed (or the duty states none: nothing by the as-of
 *       day, as seed 001 line 73 counts "các đơn vị chưa có báo cáo" at the end of 04/4/2024);</li>
 *   <li>{@code NOT_YET_DUE}: nothing received yet, and the due day has not passed.</li>
 * </ul>
 * Pure: fed the duty's bodies and its submissions, without a database.
 */
public final class Compliance {
    private Compliance() {
    }

    /** How a body stands with one period of a duty. */
    public enum Status { ON_TIME, LATE, MISSING, NOT_YET_DUE }

    /** A submission in force (its correction, if any, counted instead) for the period. */
    public record Received(String submissionId, String bodyKey, LocalDate submittedOn) {
    }

    /**
     * @param daysLate    for {@code LATE}: days after the due day it was received; for {@code MISSING} with a due
     *                    day: days the due day is past as of the as-of day; else null
     */
    public record BodyStanding(BodyRef body, Status status, LocalDate submittedOn, Integer daysLate,
                               String submissionId) {
    }

    /** Each owing body's standing, in the duty's order, and the counts. */
    public record Result(LocalDate dueDate, LocalDate asOf, List<BodyStanding> bodies) {
        public long count(Status status) {
            return bodies.stream().filter(b -> b.status() == status).count();
        }

        public long owed() {
            return bodies.size();
        }

        /** On time and late together: the bodies whose report has been received. */
        public long reported() {
            return count(Status.ON_TIME) + count(Status.LATE);
        }
    }

    public static Result of(List<BodyRef> owedBy, LocalDate dueDate, LocalDate asOf, List<Received> received) {
        Map<String, Optional<Received>> first = received.stream().filter(r -> !r.submittedOn().isAfter(asOf))
                .collect(Collectors.groupingBy(Received::bodyKey,
                        Collectors.minBy(Comparator.comparing(Received::submittedOn)
                                .thenComparing(Received::submissionId))));
        List<BodyStanding> standings = new ArrayList<>();
        for (BodyRef body : owedBy) {
            Received r = first.getOrDefault(Bodies.key(body), Optional.empty()).orElse(null);
            if (r != null) {
                boolean late = dueDate != null && r.submittedOn().isAfter(dueDate);
                standings.add(new BodyStanding(body, late ? Status.LATE : Status.ON_TIME, r.submittedOn(),
                        late ? (int) ChronoUnit.DAYS.between(dueDate, r.submittedOn()) : null, r.submissionId()));
            } else if (dueDate == null) {
                standings.add(new BodyStanding(body, Status.MISSING, null, null, null));
            } else if (asOf.isAfter(dueDate)) {
                standings.add(new BodyStanding(body, Status.MISSING, null,
                        (int) ChronoUnit.DAYS.between(dueDate, asOf), null));
            } else {
                standings.add(new BodyStanding(body, Status.NOT_YET_DUE, null, null, null));
            }
        }
        return new Result(dueDate, asOf, standings);
    }
}
