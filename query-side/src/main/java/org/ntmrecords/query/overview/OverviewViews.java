package org.ntmrecords.query.overview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.query.criteria.CriteriaSetVersionView;
import org.ntmrecords.query.overview.ProvinceCounts.DistrictSummary;
import org.ntmrecords.query.scorecard.StandingView;
import org.ntmrecords.query.unit.UnitView;

/** What the roll-up queries answer. */
public final class OverviewViews {
    private OverviewViews() {
    }

    /** A unit a set rates and its live standing under the set (null when it is not tracked against it). */
    public record UnitStanding(UnitView unit, StandingView standing) {
    }

    /** A district's units with their live standings, and their counts. */
    public record DistrictOverview(UnitView district, CriteriaSetVersionView criteriaSet, List<UnitStanding> units,
                                   OverviewSummary summary) {
    }

    /** A province's districts and units counted from the live standings on {@code date}. */
    public record ProvinceOverview(UnitView province, CriteriaSetVersionView criteriaSet, LocalDate date,
                                   List<DistrictSummary> districts, OverviewSummary outsideDistricts,
                                   OverviewSummary summary) {
    }

    /**
     * A province's counts as of a quarter's last day, judged from the record.
     *
     * @param criteriaSet the version in force on {@code date} as known at the instant; null when none was
     */
    public record QuarterOverview(String quarter, LocalDate date, CriteriaSetVersionView criteriaSet,
                                  List<DistrictSummary> districts, OverviewSummary outsideDistricts,
                                  OverviewSummary summary) {
    }

    /** A province's counts quarter by quarter, from what was recorded by {@code recordedAt}. */
    public record ProvinceOverviewHistory(UnitView province, String setId, Instant recordedAt,
                                          List<QuarterOverview> quarters) {
    }

    /** How the units under an area stand on one criterion: the units counted, and those judged each way. */
    public record CriterionSummary(int units, int tracked, int met, int notMet, int notAssessed) {
    }

    /**
     * An area, the set (latest version) and one of its criteria, with the units under the area that the set rates
     * (standing today) and their counts on the criterion: what a criterion view pages through.
     */
    public record CriterionArea(UnitView area, CriteriaSetVersionView criteriaSet, CriterionDefinition criterion,
                                List<AreaUnits.RatedUnit> rated, CriterionSummary summary) {
    }
}
