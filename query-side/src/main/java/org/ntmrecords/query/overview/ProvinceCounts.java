package org.ntmrecords.query.overview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.query.unit.UnitView;

/**
 * A province's units counted: per district, outside any district, and in all.
 *
 * @param districts        each district standing on the date counted, in code order, with the units the set rates in it
 * @param outsideDistricts the units the set rates that sit directly under the province
 * @param summary          every unit counted
 */
public record ProvinceCounts(List<DistrictSummary> districts, OverviewSummary outsideDistricts,
                             OverviewSummary summary) {

    /** A district's units counted. */
    public record DistrictSummary(UnitView district, OverviewSummary summary) {
    }

    /** How a tracked unit stands: its result and criteria met of the criteria judged. */
    public record Standing(Judgment result, int criteriaMet, int criteriaTotal) {
    }

    /**
     * @param standings each tracked unit's standing, by unit code; a rated unit without one counts as not tracked
     */
    public static ProvinceCounts of(List<UnitView> districts, List<AreaUnits.RatedUnit> rated,
                                    Map<String, Standing> standings) {
        Map<String, OverviewSummary.Counter> byDistrict = new LinkedHashMap<>();
        districts.forEach(d -> byDistrict.put(d.code(), new OverviewSummary.Counter()));
        OverviewSummary.Counter outside = new OverviewSummary.Counter();
        OverviewSummary.Counter all = new OverviewSummary.Counter();
        for (AreaUnits.RatedUnit unit : rated) {
            OverviewSummary.Counter group = unit.district() == null ? outside
                    : byDistrict.computeIfAbsent(unit.districtCode(), k -> new OverviewSummary.Counter());
            Standing standing = standings.get(unit.code());
            for (OverviewSummary.Counter counter : List.of(group, all)) {
                if (standing == null) {
                    counter.untracked();
                } else {
                    counter.tracked(standing.result(), standing.criteriaMet(), standing.criteriaTotal());
                }
            }
        }
        return new ProvinceCounts(districts.stream()
                .map(d -> new DistrictSummary(d, byDistrict.get(d.code()).summary())).toList(),
                outside.summary(), all.summary());
    }
}
