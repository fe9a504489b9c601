package org.ntmrecords.query.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ntmrecords.events.target.TargetDefinition;

/**
 * Progress against a target, computed when asked from what the record holds then — never stored:
 * <ul>
 *   <li>a value on an indicator: the indicator's latest measured value (its standing) against the value to reach
 *       (at most, for a "percent at most" indicator; at least otherwise); a value target no indicator measures has
 *       no data, only the baseline the source states;</li>
 *   <li>a title: whether the unit holds it (a granted recognition under the target's set);</li>
 *   <li>units reaching a title: how many of the named units hold it, against the number to reach;</li>
 *   <li>criteria met: the unit's criteria met under the set (its standing), against the number to meet.</li>
 * </ul>
 * A target not reached is at risk when its last day has passed ({@code OVERDUE}) or falls within {@code withinDays}
 * of the day asked about ({@code DUE_SOON}); the default of {@code withinDays} is {@value #DEFAULT_WITHIN_DAYS} days.
 */
public final class TargetProgress {
    /** How near a deadline must be for a target not reached to count as at risk, unless asked otherwise. */
    public static final int DEFAULT_WITHIN_DAYS = 30;

    private TargetProgress() {
    }

    /** Whether a target is reached as the record stands. */
    public enum Status { REACHED, NOT_REACHED, NO_DATA }

    /** How a target not reached stands with its deadline. */
    public enum Risk { NONE, DUE_SOON, OVERDUE }

    /**
     * @param current        the measured value, the units holding the title, or the criteria met; null without data
     * @param currentDisplay the same in words ("56.15", "2/3 units", "7/9 criteria", "granted 2023-03-28")
     * @param reachedUnits   units reaching a title: the named units that hold it
     * @param daysLeft       days from the day asked about to the last day (negative once passed)
     */
    public record Progress(Status status, BigDecimal current, String currentDisplay, List<String> reachedUnits,
                           Risk risk, long daysLeft) {
    }

    /** An indicator's standing: its latest measured value and its requirement's kind. */
    public record Measured(BigDecimal measured, String requirementKind) {
    }

    /** A unit's standing under a set: criteria met of the total. */
    public record CriteriaMet(int met, int total) {
    }

    /**
     * @param measured  standings of indicators, by {@code <unit>@<set>/<indicator>}
     * @param titles    the units that hold the title of each set, by set id, with the day it was granted
     * @param standings criteria met, by {@code <unit>@<set>}
     */
    public static Progress of(String unitCode, TargetDefinition d, LocalDate asOf, int withinDays,
                              Map<String, Measured> measured, Map<String, Map<String, LocalDate>> titles,
                              Map<String, CriteriaMet> standings) {
        Status status;
        BigDecimal current = null;
        String display = null;
        List<String> reached = List.of();
        switch (d.kind()) {
            case INDICATOR_VALUE -> {
                Measured m = d.indicatorCode() == null ? null
                        : measured.get(unitCode + "@" + d.setId() + "/" + d.indicatorCode());
                if (m == null || m.measured() == null) {
                    status = Status.NO_DATA;
                } else {
                    current = m.measured();
                    display = m.measured().stripTrailingZeros().toPlainString();
                    boolean atMost = "PERCENT_AT_MOST".equals(m.requirementKind());
                    int compared = m.measured().compareTo(d.value());
                    status = (atMost ? compared <= 0 : compared >= 0) ? Status.REACHED : Status.NOT_REACHED;
                }
            }
            case TITLE -> {
                Map<String, LocalDate> holders = titles.getOrDefault(d.setId(), Map.of());
                boolean holds = holders.containsKey(unitCode);
                status = holds ? Status.REACHED : Status.NOT_REACHED;
                current = holds ? BigDecimal.ONE : BigDecimal.ZERO;
                display = !holds ? "not granted" : holders.get(unitCode) == null ? "granted"
                        : "granted " + holders.get(unitCode);
            }
            case UNITS_REACHING_TITLE -> {
                Map<String, LocalDate> holders = titles.getOrDefault(d.setId(), Map.of());
                reached = d.unitCodes().stream().filter(holders::containsKey).toList();
                current = BigDecimal.valueOf(reached.size());
                display = reached.size() + "/" + d.unitCodes().size() + " units";
                status = reached.size() >= d.count() ? Status.REACHED : Status.NOT_REACHED;
            }
            case CRITERIA_MET -> {
                CriteriaMet c = standings.get(unitCode + "@" + d.setId());
                if (c == null) {
                    status = Status.NO_DATA;
                } else {
                    current = BigDecimal.valueOf(c.met());
                    display = c.met() + "/" + c.total() + " criteria";
                    status = c.met() >= d.count() ? Status.REACHED : Status.NOT_REACHED;
                }
            }
            default -> throw new IllegalStateException(String.valueOf(d.kind()));
        }
        long daysLeft = ChronoUnit.DAYS.between(asOf, d.deadline().lastDay());
        Risk risk = status == Status.REACHED ? Risk.NONE
                : daysLeft < 0 ? Risk.OVERDUE : daysLeft <= withinDays ? Risk.DUE_SOON : Risk.NONE;
        return new Progress(status, current, display, reached, risk, daysLeft);
    }

    /** The sets whose titles a target's progress needs, with the units to look up. */
    static void titleNeeds(String unitCode, TargetDefinition d, Map<String, Set<String>> needs) {
        if (d.kind() == org.ntmrecords.events.target.TargetKind.TITLE) {
            needs.computeIfAbsent(d.setId(), s -> new java.util.HashSet<>()).add(unitCode);
        } else if (d.kind() == org.ntmrecords.events.target.TargetKind.UNITS_REACHING_TITLE) {
            needs.computeIfAbsent(d.setId(), s -> new java.util.HashSet<>()).addAll(d.unitCodes());
        }
    }
}
