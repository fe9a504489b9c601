package org.ntmrecords.query.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ntmrecords.events.criteria.SetLevel;
import org.ntmrecords.events.unit.UnitKind;
import org.ntmrecords.query.unit.UnitView;

/** The units an area reaches that a set rates: villages lie in the district of their commune. */
class AreaUnitsTest {
    private static final Instant AT = Instant.parse("2024-01-01T00:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2024, 6, 30);

    private static UnitView unit(String code, UnitKind kind, String parent) {
        return new UnitView(code, code, code, kind, kind.level(), parent, AT, AT, null);
    }

    private final UnitView province = unit("38", UnitKind.PROVINCE, null);
    private final AreaUnits area = new AreaUnits(province, List.of(
            unit("390", UnitKind.DISTRICT, "38"),
            unit("15169", UnitKind.COMMUNE, "390"),
            unit("15169-phuc-ngan-vai", UnitKind.THON, "15169"),
            unit("15200", UnitKind.COMMUNE, "38"),
            unit("15200-ban-a", UnitKind.BAN, "15200")));

    @Test
    void aVillageSetRatesTheVillagesEachInItsCommunesDistrict() {
        List<AreaUnits.RatedUnit> rated = area.rated(SetLevel.VILLAGE, DAY, null);
        assertThat(rated).extracting(AreaUnits.RatedUnit::code).containsExactly("15169-phuc-ngan-vai", "15200-ban-a");
        // a commune directly under its province (since 1 July 2025) has no district: nor have its villages
        assertThat(rated).extracting(AreaUnits.RatedUnit::districtCode).containsExactly("390", null);
    }

    @Test
    void aCommuneSetRatesNoVillage() {
        assertThat(area.rated(SetLevel.COMMUNE, DAY, null)).extracting(AreaUnits.RatedUnit::code)
                .containsExactly("15169", "15200");
    }
}
