package org.ntmrecords.query.overview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ntmrecords.events.criteria.SetLevel;
import org.ntmrecords.query.unit.UnitView;

/**
 * An area (a province or a district) and the units reached from it through the hierarchy as it stands: the units under
 * it, at any depth, and the units those took over, directly or through earlier mergers; in code order, the area itself
 * left out.
 */
public final class AreaUnits {
    private final UnitView area;
    private final List<UnitView> reached;
    private final Map<String, UnitView> byCode;

    public AreaUnits(UnitView area, List<UnitView> reached) {
        this.area = area;
        this.reached = reached.stream().sorted(Comparator.comparing(UnitView::code)).toList();
        this.byCode = reached.stream().collect(Collectors.toMap(UnitView::code, Function.identity()));
    }

    public UnitView area() {
        return area;
    }

    public List<UnitView> reached() {
        return reached;
    }

    /** A unit a set rates, and the district it lies in (null when it sits directly under its province). */
    public record RatedUnit(UnitView unit, UnitView district) {
        public String code() {
            return unit.code();
        }

        public String districtCode() {
            return district == null ? null : district.code();
        }
    }

    /** Whether a unit had not ceased by {@code date}. */
    public static boolean standsOn(UnitView unit, LocalDate date) {
        return unit.ceasedOn() == null || unit.ceasedOn().isAfter(date);
    }

    /** Whether the register held the unit at {@code recordedAt} (null: now). */
    private static boolean known(UnitView unit, Instant recordedAt) {
        return recordedAt == null || !unit.registeredAt().isAfter(recordedAt);
    }

    /**
     * The units the set rates that stood on {@code date}, in code order, each with its district: the unit itself for
     * a district-level unit, its parent when that is a district standing on the date, else none; a village's is its
     * commune's.
     */
    public List<RatedUnit> rated(SetLevel level, LocalDate date, Instant recordedAt) {
        return reached.stream()
                .filter(u -> level.rates(u.kind()) && standsOn(u, date) && known(u, recordedAt))
                .map(u -> {
                    if (u.level() == 2) {
                        return new RatedUnit(u, u);
                    }
                    UnitView above = u;
                    if (u.kind().village()) {
                        above = u.parentCode() == null ? null : byCode.get(u.parentCode());
                        if (above == null) {
                            return new RatedUnit(u, null);
                        }
                    }
                    UnitView parent = above.parentCode() == null ? null : byCode.get(above.parentCode());
                    boolean inDistrict = parent != null && parent.level() == 2 && standsOn(parent, date)
                            && known(parent, recordedAt);
                    return new RatedUnit(u, inDistrict ? parent : null);
                })
                .toList();
    }

    /** The districts reached that stood on {@code date}, in code order (none since 1 July 2025). */
    public List<UnitView> districts(LocalDate date, Instant recordedAt) {
        return reached.stream().filter(u -> u.level() == 2 && standsOn(u, date) && known(u, recordedAt)).toList();
    }
}
