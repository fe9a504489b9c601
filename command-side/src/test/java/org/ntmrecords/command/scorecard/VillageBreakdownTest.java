package org.ntmrecords.command.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.support.InMemoryUnitDirectory;
import org.ntmrecords.events.scorecard.Breakdown;
import org.ntmrecords.events.scorecard.BreakdownTotal;
import org.ntmrecords.events.unit.UnitKind;

/** A value's breakdown naming the commune's villages, and the commune's own figure it splits (seed 004 line 141). */
class VillageBreakdownTest {
    private final InMemoryUnitDirectory units = new InMemoryUnitDirectory()
            .with("38", "Thanh Hóa", UnitKind.PROVINCE, null)
            .with("390", "Cẩm Thủy", UnitKind.DISTRICT, "38")
            .with("15169", "Cẩm Ngọc", UnitKind.COMMUNE, "390")
            .with("15172", "Cẩm Long", UnitKind.COMMUNE, "390")
            .with("15169-dong-lao", "Đồng Lão", UnitKind.THON, "15169")
            .with("15169-song-nga", "Song Nga", UnitKind.THON, "15169")
            .with("15172-x", "X", UnitKind.THON, "15172");

    private static Breakdown part(String name, String quantity, String unit) {
        return new Breakdown(name, new BigDecimal(quantity), null, unit);
    }

    @Test
    void partsNameTheCommunesVillages() {
        List<Breakdown> parts = ValueRules.breakdown(List.of(part("Đồng Lão", "135", "15169-dong-lao"),
                part("Song Nga", "42", "15169-song-nga"), part("Khác", "1", null)), units, "15169");
        assertThat(parts).extracting(Breakdown::unitCode).containsExactly("15169-dong-lao", "15169-song-nga", null);
        // a district's value may name villages of its communes too
        assertThat(ValueRules.breakdown(List.of(part("Đồng Lão", "135", "15169-dong-lao")), units, "390"))
                .hasSize(1);
    }

    @Test
    void aPartCannotNameAnUnknownUnitOneOutsideTheValuesUnitOrOneTwice() {
        assertThatThrownBy(() -> ValueRules.breakdown(List.of(part("?", "1", "15169-khong-co")), units, "15169"))
                .isInstanceOfSatisfying(CommandRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(RejectionCode.UNKNOWN_UNIT);
                    assertThat(e.field()).isEqualTo("breakdown[0].unitCode");
                });
        assertThatThrownBy(() -> ValueRules.breakdown(List.of(part("X", "1", "15172-x")), units, "15169"))
                .isInstanceOfSatisfying(CommandRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(RejectionCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("15172-x").contains("15169");
                });
        assertThatThrownBy(() -> ValueRules.breakdown(List.of(part("Đồng Lão", "1", "15169-dong-lao"),
                part("Đồng Lão", "2", "15169-dong-lao")), units, "15169"))
                .isInstanceOfSatisfying(CommandRejectedException.class,
                        e -> assertThat(e.field()).isEqualTo("breakdown[1].unitCode"));
        // the commune itself is not a part of its own value
        assertThatThrownBy(() -> ValueRules.breakdown(List.of(part("Cẩm Ngọc", "1", "15169")), units, "15169"))
                .isInstanceOf(CommandRejectedException.class);
    }

    @Test
    void aTotalIsRecordedOnlyWithPartsToCheckAndNeverNegative() {
        List<Breakdown> parts = List.of(part("Đồng Lão", "135", "15169-dong-lao"));
        assertThat(ValueRules.breakdownTotal(new BreakdownTotal(new BigDecimal("273"), " thẻ BHYT còn thiếu "), parts))
                .isEqualTo(new BreakdownTotal(new BigDecimal("273"), "thẻ BHYT còn thiếu"));
        assertThat(ValueRules.breakdownTotal(null, parts)).isNull();
        assertThatThrownBy(() -> ValueRules.breakdownTotal(new BreakdownTotal(BigDecimal.ONE, null), List.of()))
                .isInstanceOfSatisfying(CommandRejectedException.class,
                        e -> assertThat(e.field()).isEqualTo("breakdownTotal"));
        assertThatThrownBy(() -> ValueRules.breakdownTotal(new BreakdownTotal(new BigDecimal("-1"), null), parts))
                .isInstanceOfSatisfying(CommandRejectedException.class,
                        e -> assertThat(e.field()).isEqualTo("breakdownTotal.quantity"));
    }
}
