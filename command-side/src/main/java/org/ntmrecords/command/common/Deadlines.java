package org.ntmrecords.command.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ntmrecords.events.common.Deadline;

/**
 * Reads a deadline as Vietnamese documents write it, by explicit rules, into the last day it allows:
 * <ul>
 *   <li>a month — {@code Tháng 6/2024}, {@code đến tháng 04/2024}: its last day;</li>
 *   <li>a quarter — {@code Quý II/2023}, {@code trong quý 2/2024}, {@code Quý IV năm 2024}: its last day;</li>
 *   <li>a day — {@code đến ngày 10/7/2024}, {@code ngày 01/8/2024}, {@code 10/7/2024}: that day; {@code trước ngày
 *       01/8/2024} (before it): the day before;</li>
 *   <li>a year — {@code năm 2024}: 31 December.</li>
 * </ul>
 * Anything else, or a form without its year ({@code trước ngày 10/11}), is refused unless the date it means is given
 * with it; a date given with a form these rules read must agree with it. Nothing is guessed.
 */
public final class Deadlines {
    private static final Pattern MONTH = Pattern.compile("(?:đến |trong |vào )?tháng (\\d{1,2})/(\\d{4})");
    private static final Pattern QUARTER =
            Pattern.compile("(?:đến |trong |vào )?quý (i{1,3}|iv|[1-4])(?:/| năm )(\\d{4})");
    private static final Pattern DAY = Pattern.compile("(trước |đến |vào |hạn )?(?:ngày )?(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern YEAR = Pattern.compile("(?:trong |đến hết )?năm (\\d{4})");
    private static final Map<String, Integer> ROMAN = Map.of("i", 1, "ii", 2, "iii", 3, "iv", 4);

    private Deadlines() {
    }

    /**
     * The deadline of {@code asWritten}, with the date it means: read by the rules above, or {@code given} when the
     * rules cannot read it.
     *
     * @param field     the input field, for refusals
     * @param asWritten the deadline as the source writes it, required
     * @param given     the last day it allows, if the sender gives it (required when the rules cannot read the text)
     */
    public static Deadline read(String field, String asWritten, LocalDate given) {
        String text = Inputs.requiredLine(field + ".asWritten", asWritten, Inputs.NAME_MAX);
        Optional<LocalDate> read = lastDay(text);
        if (read.isEmpty()) {
            if (given == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, field + ".lastDay",
                        CommandText.of("deadline.unreadable", CommandText.field(field), text));
            }
            return new Deadline(text, given);
        }
        if (given != null && !given.equals(read.get())) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, field + ".lastDay",
                    CommandText.of("deadline.mismatch", CommandText.field(field), text, read.get(), given));
        }
        return new Deadline(text, read.get());
    }

    /** The last day a deadline's text allows, when the rules read it. */
    public static Optional<LocalDate> lastDay(String asWritten) {
        String text = asWritten.strip().toLowerCase(Locale.forLanguageTag("vi")).replaceAll("\\s+", " ");
        try {
            Matcher m = MONTH.matcher(text);
            if (m.matches()) {
                return Optional.of(YearMonth.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))).atEndOfMonth());
            }
            m = QUARTER.matcher(text);
            if (m.matches()) {
                int quarter = ROMAN.containsKey(m.group(1)) ? ROMAN.get(m.group(1)) : Integer.parseInt(m.group(1));
                return Optional.of(YearMonth.of(Integer.parseInt(m.group(2)), quarter * 3).atEndOfMonth());
            }
            m = DAY.matcher(text);
            if (m.matches()) {
                LocalDate day = LocalDate.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(2)));
                return Optional.of("trước ".equals(m.group(1)) ? day.minusDays(1) : day);
            }
            m = YEAR.matcher(text);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), 12, 31));
            }
        } catch (DateTimeException notACalendarDay) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
