package org.ntmrecords.query.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ntmrecords.events.common.Deadline;
import org.ntmrecords.events.target.TargetDefinition;
import org.ntmrecords.events.target.TargetKind;
import org.ntmrecords.query.target.TargetProgress.CriteriaMet;
import org.ntmrecords.query.target.TargetProgress.Measured;
import org.ntmrecords.query.target.TargetProgress.Progress;
import org.ntmrecords.query.target.TargetProgress.Risk;
import org.ntmrecords.query.target.TargetProgress.Status;

/** Progress computed from standings and titles, without a database. */
class TargetProgressTest {
    private static final Deadline Q4 = new Deadline("quý IV/2023", LocalDate.of(2023, 12, 31));

    private static TargetDefinition target(TargetKind kind, String setId, String indicator, String value, Integer count,
                                           List<String> units) {
        return new TargetDefinition(kind, "s", 2023, setId, indicator, indicator == null ? null : "m",
                value == null ? null : new BigDecimal(value), value, null, null, null, count, units, Q4, null, null);
    }

    @Test
    void aValueIsReachedAtLeastOrAtMostAsItsIndicatorSays() {
        Map<String, Measured> measured = Map.of("30049@s/17.7", new Measured(new BigDecimal("71.32"), "PERCENT_AT_LEAST"),
                "30049@s/1.2", new Measured(new BigDecimal("2.5"), "PERCENT_AT_MOST"));
        Progress low = TargetProgress.of("30049", target(TargetKind.INDICATOR_VALUE, "s", "17.7", "85", null, null),
                LocalDate.of(2023, 12, 15), 30, measured, Map.of(), Map.of());
        assertThat(low.status()).isEqualTo(Status.NOT_REACHED);
        assertThat(low.risk()).isEqualTo(Risk.DUE_SOON);
        assertThat(low.daysLeft()).isEqualTo(16);
        assertThat(low.currentDisplay()).isEqualTo("71.32");
        Progress atMost = TargetProgress.of("30049", target(TargetKind.INDICATOR_VALUE, "s", "1.2", "3", null, null),
                LocalDate.of(2024, 1, 15), 30, measured, Map.of(), Map.of());
        assertThat(atMost.status()).isEqualTo(Status.REACHED);
        assertThat(atMost.risk()).isEqualTo(Risk.NONE);
        Progress none = TargetProgress.of("30049", target(TargetKind.INDICATOR_VALUE, null, null, "60.5", null, null),
                LocalDate.of(2024, 1, 15), 30, measured, Map.of(), Map.of());
        assertThat(none.status()).isEqualTo(Status.NO_DATA);
        assertThat(none.risk()).isEqualTo(Risk.OVERDUE);
    }

    @Test
    void unitsReachingATitleAndCriteriaMetAreCounted() {
        Map<String, Map<String, LocalDate>> titles = Map.of("ntm", Map.of("29479", LocalDate.of(2023, 3, 28)));
        Progress units = TargetProgress.of("849", target(TargetKind.UNITS_REACHING_TITLE, "ntm", null, null, 3,
                List.of("29479", "29482", "29488")), LocalDate.of(2023, 6, 1), 30, Map.of(), titles, Map.of());
        assertThat(units.status()).isEqualTo(Status.NOT_REACHED);
        assertThat(units.reachedUnits()).containsExactly("29479");
        assertThat(units.currentDisplay()).isEqualTo("1/3 units");
        assertThat(units.risk()).isEqualTo(Risk.NONE);
        Progress title = TargetProgress.of("29479", target(TargetKind.TITLE, "ntm", null, null, null, null),
                LocalDate.of(2024, 6, 1), 30, Map.of(), titles, Map.of());
        assertThat(title.status()).isEqualTo(Status.REACHED);
        Progress nine = TargetProgress.of("849", target(TargetKind.CRITERIA_MET, "d", null, null, 9, null),
                LocalDate.of(2024, 1, 2), 30, Map.of(), Map.of(), Map.of("849@d", new CriteriaMet(7, 9)));
        assertThat(nine.status()).isEqualTo(Status.NOT_REACHED);
        assertThat(nine.risk()).isEqualTo(Risk.OVERDUE);
        assertThat(nine.currentDisplay()).isEqualTo("7/9 criteria");
    }
}
