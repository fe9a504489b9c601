package org.ntmrecords.events.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The periods a scheduled report covers, by key — {@code 2024-03} (a month), {@code 2024-Q1} (a quarter),
 * {@code 2024-H1} (the first six months), {@code 2024-M9} (the first nine months), {@code 2024} (the year) — and the
 * day each is due under a schedule. Pure rules: the command side checks submissions with them, the query side
 * computes compliance with them.
 */
public final class ReportingPeriods {
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H1");
    private static final Pattern NINE = Pattern.compile("(\\d{4})-M9");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    private ReportingPeriods() {
    }

    /** The frequency whose periods are written like {@code period}, or empty when it is no period key. */
    public static Optional<ReportFrequency> frequencyOf(String period) {
        if (period == null) {
            return Optional.empty();
        }
        if (MONTH.matcher(period).matches()) {
            return Optional.of(ReportFrequency.MONTHLY);
        }
        if (QUARTER.matcher(period).matches()) {
            return Optional.of(ReportFrequency.QUARTERLY);
        }
        if (HALF.matcher(period).matches()) {
            return Optional.of(ReportFrequency.SIX_MONTHS);
        }
        if (NINE.matcher(period).matches()) {
            return Optional.of(ReportFrequency.NINE_MONTHS);
        }
        if (YEAR.matcher(period).matches()) {
            return Optional.of(ReportFrequency.YEARLY);
        }
        return Optional.empty();
    }

    /** The rule of {@code schedule} that covers {@code period}, if any. */
    public static Optional<ScheduleRule> ruleFor(List<ScheduleRule> schedule, String period) {
        Optional<ReportFrequency> frequency = frequencyOf(period);
        return frequency.flatMap(f -> schedule.stream().filter(r -> r.frequency() == f).findFirst());
    }

    /** The last day a report for {@code period} is on time under {@code rule} (the period's key must match it). */
    public static LocalDate dueDate(ScheduleRule rule, String period) {
        int year = Integer.parseInt(period.substring(0, 4));
        YearMonth month = switch (rule.frequency()) {
            case MONTHLY -> YearMonth.of(year, Integer.parseInt(period.substring(5)));
            case QUARTERLY -> YearMonth.of(year, Integer.parseInt(period.substring(6)) * 3);
            case SIX_MONTHS -> YearMonth.of(year, 6);
            case NINE_MONTHS -> YearMonth.of(year, 9);
            case YEARLY -> YearMonth.of(year, rule.month());
        };
        LocalDate day = month.atDay(Math.min(rule.day(), month.lengthOfMonth()));
        return rule.before() ? day.minusDays(1) : day;
    }

    /** The first day of a period (a report cannot be for a period that has not begun on the day it is submitted). */
    public static LocalDate start(String period) {
        int year = Integer.parseInt(period.substring(0, 4));
        Matcher m = MONTH.matcher(period);
        if (m.matches()) {
            return LocalDate.of(year, Integer.parseInt(m.group(2)), 1);
        }
        m = QUARTER.matcher(period);
        if (m.matches()) {
            return LocalDate.of(year, (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
        }
        return LocalDate.of(year, 1, 1);
    }
}
