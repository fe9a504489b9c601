package org.ntmrecords.command.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Deadlines as the seeds write them, read into the last day they allow; nothing guessed. */
class DeadlinesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Tháng 6/2024|2024-06-30", "Tháng 4/2024|2024-04-30", "đến tháng 04/2024|2024-04-30",
            "đến tháng 10/2024|2024-10-31", "tháng 2/2024|2024-02-29", "Quý II/2023|2023-06-30",
            "trong quý III/2023|2023-09-30", "quý IV/2023|2023-12-31", "trong Quý 2/2024|2024-06-30",
            "Quý I/2024|2024-03-31", "Quý IV năm 2024|2024-12-31", "đến ngày 10/7/2024|2024-07-10",
            "đến ngày 01/8/2024|2024-08-01", "trước ngày 01/8/2024|2024-07-31", "10/03/2024|2024-03-10",
            "năm 2024|2024-12-31"})
    void theFormsOfTheSeedsAreRead(String written, LocalDate lastDay) {
        assertThat(Deadlines.read("deadline", written, null).lastDay()).isEqualTo(lastDay);
        assertThat(Deadlines.read("deadline", written, null).asWritten()).isEqualTo(written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"trước ngày 10/11", "đến tháng 7", "Tháng 13/2024", "30/02/2024", "sớm nhất có thể",
            "Quý V/2024"})
    void aFormTheRulesCannotReadNeedsItsDate(String written) {
        assertThatThrownBy(() -> Deadlines.read("deadline", written, null))
                .isInstanceOf(CommandRejectedException.class)
                .satisfies(e -> assertThat(((CommandRejectedException) e).field()).isEqualTo("deadline.lastDay"));
        assertThat(Deadlines.read("deadline", written, LocalDate.of(2024, 11, 9)).lastDay())
                .isEqualTo(LocalDate.of(2024, 11, 9));
    }

    @Test
    void aDateThatDisagreesWithTheTextIsRefused() {
        assertThatThrownBy(() -> Deadlines.read("deadline", "Tháng 6/2024", LocalDate.of(2024, 6, 1)))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessageContaining("2024-06-30");
        assertThat(Deadlines.read("deadline", "Tháng 6/2024", LocalDate.of(2024, 6, 30)).lastDay())
                .isEqualTo(LocalDate.of(2024, 6, 30));
    }
}
