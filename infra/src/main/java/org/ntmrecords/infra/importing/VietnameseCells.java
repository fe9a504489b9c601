package org.ntmrecords.infra.importing;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.api.ApiText;

/**
 * Cells as Vietnamese offices type them, read by the rules the pages use ({@code parseDecimal} and {@code parseDate}
 * of {@code static/app/format.js}; both are documented in {@code docs/import-formats.md}). A cell these rules
 * cannot read for certain is refused with the reason ({@link Refused}), never guessed.
 */
public final class VietnameseCells {
    private static final Pattern AMBIGUOUS = Pattern.compile("-?\\d{1,3}[.]\\d{3}");
    private static final Pattern PLAIN = Pattern.compile("-?\\d+([.,]\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}([. ]\\d{3})+(,\\d+)?");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(?:tháng\\s*)?(\\d{1,2})/(\\d{4})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PERCENT_SIGN = Pattern.compile("\\s*%$");

    private VietnameseCells() {
    }

    /** A cell these rules do not read, and why, in the reader's language. */
    public static final class Refused extends IllegalArgumentException {
        private final transient Message reason;

        Refused(Message reason) {
            super(reason.toString());
            this.reason = reason;
        }

        public Message reason() {
            return reason;
        }
    }

    /**
     * A number: {@code 71,32} or {@code 71.32} (one separator: the decimal mark), {@code 1.110.000}, {@code 1.110,5},
     * {@code 1 110} (dots or spaces between groups of three: thousands). {@code 1.110} alone could be either and is
     * refused with both readings named; anything else (letters, two commas, a {@code %}) is refused.
     */
    public static BigDecimal decimal(String cell) {
        String t = trim(cell).replace('\u00a0', ' ');
        if (t.isEmpty()) {
            throw new Refused(ApiText.of("import.cells.noNumber"));
        }
        if (AMBIGUOUS.matcher(t).matches()) {
            throw new Refused(ApiText.of("import.cells.ambiguous", t, t.replace(".", ""), t.replace('.', ',')));
        }
        if (PLAIN.matcher(t).matches()) {
            return new BigDecimal(t.replace(',', '.'));
        }
        if (GROUPED.matcher(t).matches()) {
            return new BigDecimal(t.replace(".", "").replace(" ", "").replace(',', '.'));
        }
        if (t.endsWith("%")) {
            throw new Refused(ApiText.of("import.cells.percentElsewhere", shown(t)));
        }
        throw new Refused(ApiText.of("import.cells.notANumber", shown(t)));
    }

    /** A percentage: a {@link #decimal} that may end with {@code %} ({@code 86,2%} and {@code 86,2 %} are 86.2). */
    public static BigDecimal percentage(String cell) {
        String t = trim(cell);
        return decimal(PERCENT_SIGN.matcher(t).replaceFirst(""));
    }

    /** A whole number, read as a {@link #decimal} ({@code 1.110.000}) without a fraction. */
    public static long whole(String cell) {
        return whole(decimal(cell), trim(cell));
    }

    /**
     * A number as a whole number: refused as not whole when it has a fraction, as out of range (the one message of
     * every bound a number cell has) when no {@code long} holds it.
     */
    static long whole(BigDecimal number, String written) {
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            if (number.stripTrailingZeros().scale() <= 0) {
                throw new Refused(outOfRange(written, Long.MIN_VALUE, Long.MAX_VALUE));
            }
            throw new Refused(ApiText.of("import.cells.notWhole", shown(written)));
        }
    }

    /** Why a number is refused as outside {@code min} to {@code max}: one message for every such bound. */
    static Message outOfRange(String written, long min, long max) {
        return ApiText.of("import.cells.outOfRange", shown(written), String.valueOf(min), String.valueOf(max));
    }

    /** A day: {@code 26/01/2024}, {@code 26/1/2024} or {@code 2024-01-26}; a day not on the calendar is refused. */
    public static LocalDate date(String cell) {
        String t = trim(cell);
        if (t.isEmpty()) {
            throw new Refused(ApiText.of("import.cells.noDate"));
        }
        return day(t).orElseThrow(() -> new Refused(ApiText.of("import.cells.notADate", shown(t))));
    }

    /**
     * A month, where a period is expected: {@code Tháng 6/2024} or {@code 6/2024} (also {@code tháng 06/2024});
     * empty when the cell is not written as a month; a month that does not exist ({@code 13/2024}) is refused.
     */
    public static Optional<YearMonth> month(String cell) {
        Matcher m = MONTH.matcher(Normalizer.normalize(trim(cell), Normalizer.Form.NFC));
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
        } catch (DateTimeException e) {
            throw new Refused(ApiText.of("import.cells.impossibleMonth", shown(trim(cell))));
        }
    }

    /** The first day of a period: a {@link #date}, or a {@link #month}'s first day. */
    public static LocalDate periodStart(String cell) {
        Optional<YearMonth> month = month(cell);
        return month.isPresent() ? month.get().atDay(1) : periodDay(cell);
    }

    /** The last day of a period: a {@link #date}, or a {@link #month}'s last day. */
    public static LocalDate periodEnd(String cell) {
        Optional<YearMonth> month = month(cell);
        return month.isPresent() ? month.get().atEndOfMonth() : periodDay(cell);
    }

    private static LocalDate periodDay(String cell) {
        String t = trim(cell);
        if (t.isEmpty()) {
            throw new Refused(ApiText.of("import.cells.noDate"));
        }
        return day(t).orElseThrow(() -> new Refused(ApiText.of("import.cells.notAPeriod", shown(t))));
    }

    private static Optional<LocalDate> day(String t) {
        int year;
        int month;
        int day;
        Matcher iso = ISO_DATE.matcher(t);
        Matcher dmy = DAY_MONTH_YEAR.matcher(t);
        if (iso.matches()) {
            year = Integer.parseInt(iso.group(1));
            month = Integer.parseInt(iso.group(2));
            day = Integer.parseInt(iso.group(3));
        } else if (dmy.matches()) {
            day = Integer.parseInt(dmy.group(1));
            month = Integer.parseInt(dmy.group(2));
            year = Integer.parseInt(dmy.group(3));
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            throw new Refused(ApiText.of("import.cells.impossibleDate", shown(t)));
        }
    }

    /** The most of a cell a message repeats: a cell of 300 digits is said by its beginning. */
    static final int SHOWN_MAX = 40;

    /** A cell's text as a message repeats it: whole up to {@value #SHOWN_MAX} characters, else its beginning and …. */
    public static String shown(String text) {
        if (text == null || text.codePointCount(0, text.length()) <= SHOWN_MAX) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, SHOWN_MAX)) + "…";
    }

    /** Without the white space JavaScript's {@code trim()} removes (no-break spaces and a stray BOM among it). */
    static String trim(String cell) {
        if (cell == null) {
            return "";
        }
        int from = 0;
        int to = cell.length();
        while (from < to && blank(cell.charAt(from))) {
            from++;
        }
        while (to > from && blank(cell.charAt(to - 1))) {
            to--;
        }
        return cell.substring(from, to);
    }

    private static boolean blank(char c) {
        return Character.getType(c) == Character.SPACE_SEPARATOR || c == '\t' || c == '\n' || c == '\u000b'
                || c == '\f' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\ufeff';
    }
}
