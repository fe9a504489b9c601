package org.ntmrecords.infra.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ntmrecords.events.common.Message;

/**
 * The cell rules, as {@code format.js} reads what people type ({@code parseDecimal}, {@code parseDate}): every
 * accepted shape, and every refusal with its reason in Vietnamese and English.
 */
class VietnameseCellsTest {
    private static String refusal(ThrowingCallable reading, Locale language) {
        try {
            reading.call();
        } catch (VietnameseCells.Refused e) {
            return e.reason().in(language);
        } catch (Throwable other) {
            throw new AssertionError("not a refusal: " + other, other);
        }
        throw new AssertionError("read, not refused");
    }

    private static String refusal(ThrowingCallable reading) {
        return refusal(reading, Message.VIETNAMESE);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "71,32|71.32", "71.32|71.32", "0|0", "-5,5|-5.5", "1234.567|1234.567", "1,110|1.110",
        "1.110.000|1110000", "1.110,5|1110.5", "1 110|1110", "1 110 000,25|1110000.25", "'  86,2 '|86.2",
        "1\u00a0110|1110", "\u00a071,32\u00a0|71.32"})
    void readsNumbersAsPeopleTypeThem(String cell, String value) {
        assertThat(VietnameseCells.decimal(cell)).isEqualByComparingTo(new BigDecimal(value));
    }

    @Test
    void aDotBeforeExactlyThreeDigitsAloneIsRefusedWithBothReadings() {
        assertThat(refusal(() -> VietnameseCells.decimal("1.110")))
                .isEqualTo("“1.110” có thể là 1110 hoặc 1,110: hãy viết 1110 hoặc 1,110");
        assertThat(refusal(() -> VietnameseCells.decimal("-12.500"), Locale.ENGLISH))
                .isEqualTo("“-12.500” could be -12500 or -12,500 (decimal comma): write -12500 or -12,500");
        assertThat(refusal(() -> VietnameseCells.percentage("1.110%"))).contains("1110 hoặc 1,110");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"abc", "1,2,3", "1..2", "12,", ",5", "1.11.000", "1 11", "1e5", "+5", "−5",
        "12 ,5", "1.110.00"})
    void refusesWhatIsNotANumber(String cell) {
        assertThat(refusal(() -> VietnameseCells.decimal(cell))).isEqualTo("“" + cell + "” không phải là số (ví dụ: 71,32)");
    }

    @Test
    void anEmptyCellIsNoNumber() {
        assertThat(refusal(() -> VietnameseCells.decimal("  "))).isEqualTo("chưa có số");
        assertThat(refusal(() -> VietnameseCells.decimal(null), Locale.ENGLISH)).isEqualTo("no number");
    }

    @Test
    void aPercentSignOnlyInAPercentage() {
        assertThat(VietnameseCells.percentage("86,2%")).isEqualByComparingTo("86.2");
        assertThat(VietnameseCells.percentage("86.2 %")).isEqualByComparingTo("86.2");
        assertThat(VietnameseCells.percentage("86,2")).isEqualByComparingTo("86.2");
        assertThat(VietnameseCells.percentage("100%")).isEqualByComparingTo("100");
        assertThat(refusal(() -> VietnameseCells.decimal("86,2%")))
                .isEqualTo("“86,2%”: dấu % chỉ được viết ở giá trị loại PERCENTAGE");
        assertThat(refusal(() -> VietnameseCells.whole("12%"))).contains("PERCENTAGE");
        assertThat(refusal(() -> VietnameseCells.percentage("%"))).isEqualTo("chưa có số");
    }

    @Test
    void wholeNumbersMayBeGroupedButHaveNoFraction() {
        assertThat(VietnameseCells.whole("1.110.000")).isEqualTo(1_110_000L);
        assertThat(VietnameseCells.whole("1 110")).isEqualTo(1110L);
        assertThat(VietnameseCells.whole("12")).isEqualTo(12L);
        assertThat(refusal(() -> VietnameseCells.whole("12,5"))).isEqualTo("“12,5” không phải là số nguyên");
        // whole, but no long holds it: out of range, said as every bound is; a long cell repeated by its beginning
        assertThat(refusal(() -> VietnameseCells.whole("99999999999999999999"))).isEqualTo(
                "“99999999999999999999” nằm ngoài khoảng nhận được (từ -9223372036854775808 đến 9223372036854775807)");
        assertThat(refusal(() -> VietnameseCells.decimal("x".repeat(300)))).isEqualTo(
                "“" + "x".repeat(40) + "…” không phải là số (ví dụ: 71,32)");
        assertThat(refusal(() -> VietnameseCells.whole("1.110"))).startsWith("“1.110” có thể là");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {"26/01/2024|2024-01-26", "26/1/2024|2024-01-26", "2024-01-26|2024-01-26",
        "1/6/2024|2024-06-01", "29/02/2024|2024-02-29", "' 30/09/2024 '|2024-09-30"})
    void readsDaysAsPeopleWriteThem(String cell, LocalDate day) {
        assertThat(VietnameseCells.date(cell)).isEqualTo(day);
        assertThat(VietnameseCells.periodStart(cell)).isEqualTo(day);
        assertThat(VietnameseCells.periodEnd(cell)).isEqualTo(day);
    }

    @Test
    void refusesImpossibleDaysAndOtherShapes() {
        assertThat(refusal(() -> VietnameseCells.date("30/02/2024"))).isEqualTo("ngày 30/02/2024 không có trên lịch");
        assertThat(refusal(() -> VietnameseCells.date("29/02/2023"), Locale.ENGLISH))
                .isEqualTo("29/02/2023 is not a day on the calendar");
        assertThat(refusal(() -> VietnameseCells.date("2024-13-01"))).isEqualTo("ngày 2024-13-01 không có trên lịch");
        assertThat(refusal(() -> VietnameseCells.date("32/1/2024"))).contains("không có trên lịch");
        for (String cell : new String[] {"2024/01/26", "26-01-2024", "26.01.2024", "26/01/24", "2024-1-26", "hôm qua",
            "6/2024"}) {
            assertThat(refusal(() -> VietnameseCells.date(cell))).as(cell)
                    .isEqualTo("“" + cell + "” không phải là ngày (dd/mm/yyyy, ví dụ 26/01/2024)");
        }
        assertThat(refusal(() -> VietnameseCells.date(""))).isEqualTo("chưa có ngày");
    }

    @Test
    void aMonthIsAPeriodFromItsFirstToItsLastDay() {
        for (String cell : new String[] {"Tháng 6/2024", "tháng 06/2024", "THÁNG 6/2024", "6/2024", "Tháng6/2024",
            "Tha\u0301ng 6/2024"}) {
            assertThat(VietnameseCells.month(cell)).as(cell).contains(YearMonth.of(2024, 6));
            assertThat(VietnameseCells.periodStart(cell)).as(cell).isEqualTo(LocalDate.of(2024, 6, 1));
            assertThat(VietnameseCells.periodEnd(cell)).as(cell).isEqualTo(LocalDate.of(2024, 6, 30));
        }
        assertThat(VietnameseCells.periodEnd("2/2024")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(VietnameseCells.month("26/06/2024")).isEmpty();
        assertThat(refusal(() -> VietnameseCells.periodStart("Tháng 13/2024")))
                .isEqualTo("“Tháng 13/2024”: không có tháng này trên lịch");
        assertThat(refusal(() -> VietnameseCells.periodStart("0/2024"), Locale.ENGLISH)).isEqualTo("“0/2024”: there is no such month");
        assertThat(refusal(() -> VietnameseCells.periodStart("Quý 2/2024")))
                .isEqualTo("“Quý 2/2024” không phải là ngày (dd/mm/yyyy, ví dụ 26/01/2024) hay tháng (Tháng 6/2024 hoặc 6/2024)");
    }
}
