package org.ntmrecords.query.overview;

import org.ntmrecords.events.common.Message;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.criteria.SetLevel;
import org.ntmrecords.events.judging.Tally;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.ntmrecords.query.common.QueryText;
import org.ntmrecords.query.criteria.CriteriaSetReadRepository;
import org.ntmrecords.query.criteria.CriteriaSetVersionView;
import org.ntmrecords.query.overview.OverviewRefusedException.Code;
import org.ntmrecords.query.overview.OverviewViews.CriterionArea;
import org.ntmrecords.query.overview.OverviewViews.CriterionSummary;
import org.ntmrecords.query.overview.OverviewViews.DistrictOverview;
import org.ntmrecords.query.overview.OverviewViews.ProvinceOverview;
import org.ntmrecords.query.overview.OverviewViews.ProvinceOverviewHistory;
import org.ntmrecords.query.overview.OverviewViews.QuarterOverview;
import org.ntmrecords.query.overview.OverviewViews.UnitStanding;
import org.ntmrecords.query.scorecard.ItemAssessmentReadRepository;
import org.ntmrecords.query.scorecard.StandingReadRepository;
import org.ntmrecords.query.scorecard.StandingView;
import org.ntmrecords.query.unit.Succession;
import org.ntmrecords.query.unit.UnitReadRepository;
import org.ntmrecords.query.unit.UnitView;
import org.springframework.stereotype.Component;

/**
 * The roll-ups, each in a fixed number of statements whatever the number of units: the area's units in one recursive
 * read, then the standings (or the entries and decisions of the as-of tables) of all of them at once. Live views count
 * the units standing today from the live standings; the history counts the units standing on each quarter's last day,
 * judged from what was recorded by an instant.
 */
@Component
public class OverviewReader {
    /** The most quarters one history answers: ten years. */
    public static final int MAX_QUARTERS = 40;

    private final OverviewReadRepository overview;
    private final UnitReadRepository units;
    private final CriteriaSetReadRepository sets;
    private final StandingReadRepository standings;
    private final ItemAssessmentReadRepository items;

    public OverviewReader(OverviewReadRepository overview, UnitReadRepository units, CriteriaSetReadRepository sets,
                          StandingReadRepository standings, ItemAssessmentReadRepository items) {
        this.overview = overview;
        this.units = units;
        this.sets = sets;
        this.standings = standings;
        this.items = items;
    }

    /**
     * A district's units the set rates, standing on {@code today}, with their live standings; empty when the unit or
     * the set is unknown.
     */
    public Optional<DistrictOverview> districtOverview(String districtCode, String setId, LocalDate today) {
        Optional<UnitView> found = units.find(districtCode);
        Optional<CriteriaSetVersionView> set = sets.find(setId, null);
        if (found.isEmpty() || set.isEmpty()) {
            return Optional.empty();
        }
        UnitView district = found.get();
        if (district.level() != 2) {
            throw new OverviewRefusedException(Code.UNIT_LEVEL_MISMATCH, "districtCode", district.level() == 1
                    ? QueryText.of("overview.districtIsProvince", name(district), district.code())
                    : levelThree(district, QueryText.of("overview.what.district")));
        }
        refuseIfCeased(district, "districtCode", today);
        List<AreaUnits.RatedUnit> rated = overview.reach(district).rated(set.get().level(), today, null);
        Map<String, StandingView> byUnit = standings.forUnits(rated.stream().map(AreaUnits.RatedUnit::code).toList(),
                set.get().id()).stream().collect(Collectors.toMap(StandingView::unitCode, Function.identity()));
        OverviewSummary.Counter counter = new OverviewSummary.Counter();
        List<UnitStanding> rows = new ArrayList<>();
        for (AreaUnits.RatedUnit unit : rated) {
            StandingView standing = byUnit.get(unit.code());
            rows.add(new UnitStanding(unit.unit(), standing));
            if (standing == null) {
                counter.untracked();
            } else {
                counter.tracked(standing.result(), standing.criteriaMet(), standing.criteriaTotal());
            }
        }
        return Optional.of(new DistrictOverview(district, set.get(), rows, counter.summary()));
    }

    /** A province's districts and units counted from the live standings; empty when the unit or the set is unknown. */
    public Optional<ProvinceOverview> provinceOverview(String provinceCode, String setId, LocalDate today) {
        Optional<UnitView> found = units.find(provinceCode);
        Optional<CriteriaSetVersionView> set = sets.find(setId, null);
        if (found.isEmpty() || set.isEmpty()) {
            return Optional.empty();
        }
        UnitView province = requireProvince(found.get(), "provinceCode", "provinceOverview");
        refuseIfCeased(province, "provinceCode", today);
        AreaUnits area = overview.reach(province);
        List<AreaUnits.RatedUnit> rated = area.rated(set.get().level(), today, null);
        ProvinceCounts counts = ProvinceCounts.of(area.districts(today, null), rated,
                overview.standings(rated.stream().map(AreaUnits.RatedUnit::code).toList(), set.get().id()));
        return Optional.of(new ProvinceOverview(province, set.get(), today, counts.districts(),
                counts.outsideDistricts(), counts.summary()));
    }

    /**
     * The counts of {@link #provinceOverview} as of the last day of each quarter ending between {@code from} and
     * {@code to}, judged from what was recorded by {@code recordedAt}; empty when the unit or the set is unknown.
     * A province that has ceased is answered: it counts nothing from the day it ceased.
     */
    public Optional<ProvinceOverviewHistory> provinceOverviewHistory(String provinceCode, String setId,
                                                                     LocalDate from, LocalDate to,
                                                                     Instant recordedAt) {
        List<LocalDate> dates = quarterEnds(from, to);
        Optional<UnitView> found = units.find(provinceCode);
        List<CriteriaSetVersionView> versions = sets.versions(setId);
        if (found.isEmpty() || versions.isEmpty()) {
            return Optional.empty();
        }
        UnitView province = requireProvince(found.get(), "provinceCode", "provinceOverviewHistory");
        SetLevel level = versions.get(versions.size() - 1).level();
        List<CriteriaSetVersionView> inForce = dates.stream().map(d -> inForce(versions, d, recordedAt)).toList();

        AreaUnits area = overview.reach(province);
        List<List<AreaUnits.RatedUnit>> ratedByDate = dates.stream().map(d -> area.rated(level, d, recordedAt)).toList();
        // every unit that may count on one of the dates: what the set rates and the register held then
        Set<String> candidates = new LinkedHashSet<>();
        ratedByDate.forEach(rated -> rated.forEach(u -> candidates.add(u.code())));
        List<QuarterStandings.TrackedRecord> tracked = overview.trackedAt(candidates, setId, recordedAt);
        List<String> ids = tracked.stream().map(QuarterStandings.TrackedRecord::scorecardId).toList();
        LocalDate last = dates.isEmpty() ? to : dates.get(dates.size() - 1);
        Map<String, List<QuarterStandings.KnownAssessment>> assessed = new HashMap<>();
        items.itemsKnownAt(ids, recordedAt).forEach((scorecardId, rows) -> ItemAssessmentReadRepository
                .assessmentsOf(rows).forEach((indicator, list) -> list.forEach(a -> assessed
                        .computeIfAbsent(scorecardId, k -> new ArrayList<>())
                        .add(new QuarterStandings.KnownAssessment(indicator, a)))));
        Map<String, Tally[]> judged = QuarterStandings.judge(tracked, dates, inForce,
                overview.entriesKnownAt(ids, recordedAt, last), overview.decisionsKnownAt(ids, recordedAt, last),
                assessed);

        List<QuarterOverview> quarters = new ArrayList<>();
        for (int k = 0; k < dates.size(); k++) {
            LocalDate date = dates.get(k);
            Map<String, ProvinceCounts.Standing> standingsThen = new HashMap<>();
            for (QuarterStandings.TrackedRecord record : tracked) {
                Tally tally = judged.get(record.scorecardId())[k];
                if (tally != null) {
                    standingsThen.put(record.unitCode(),
                            new ProvinceCounts.Standing(tally.result(), tally.met(), tally.total()));
                }
            }
            ProvinceCounts counts = ProvinceCounts.of(area.districts(date, recordedAt), ratedByDate.get(k),
                    standingsThen);
            quarters.add(new QuarterOverview(quarter(date), date, inForce.get(k), counts.districts(),
                    counts.outsideDistricts(), counts.summary()));
        }
        return Optional.of(new ProvinceOverviewHistory(province, setId, recordedAt, quarters));
    }

    /**
     * A district's or a province's units the set rates (standing on {@code today}) and how they stand on one
     * criterion; empty when the unit or the set is unknown.
     */
    public Optional<CriterionArea> criterionArea(String areaCode, String setId, String criterionCode,
                                                 LocalDate today) {
        Optional<UnitView> found = units.find(areaCode);
        Optional<CriteriaSetVersionView> set = sets.find(setId, null);
        if (found.isEmpty() || set.isEmpty()) {
            return Optional.empty();
        }
        UnitView area = found.get();
        if (area.level() > 2) {
            throw new OverviewRefusedException(Code.UNIT_LEVEL_MISMATCH, "areaCode",
                    levelThree(area, QueryText.of("overview.what.criterion")));
        }
        refuseIfCeased(area, "areaCode", today);
        CriterionDefinition criterion = set.get().criteria().stream().filter(c -> c.code().equals(criterionCode))
                .findFirst().orElseThrow(() -> new InvalidArgumentException(QueryText.of("overview.noCriterion",
                        criterionCode, set.get().id(), String.valueOf(set.get().version()),
                        set.get().criteria().stream().map(CriterionDefinition::code).collect(Collectors.joining(", ")))));
        List<AreaUnits.RatedUnit> rated = overview.reach(area).rated(set.get().level(), today, null);
        Map<Judgment, Integer> counts = overview.criterionCounts(
                rated.stream().map(AreaUnits.RatedUnit::code).toList(), set.get().id(), criterion.code());
        int tracked = counts.values().stream().mapToInt(Integer::intValue).sum();
        return Optional.of(new CriterionArea(area, set.get(), criterion, rated, new CriterionSummary(rated.size(),
                tracked, counts.get(Judgment.MET), counts.get(Judgment.NOT_MET), counts.get(Judgment.NOT_ASSESSED))));
    }

    /**
     * A page of the area's units judged one of {@code results} on the criterion, in unit code order, after (or before)
     * {@code fromCode}; at most {@code limit}.
     */
    public List<CriterionUnitView> criterionPage(CriterionArea area, Collection<Judgment> results, String fromCode,
                                                 boolean forward, int limit) {
        Map<String, AreaUnits.RatedUnit> rated = area.rated().stream()
                .collect(Collectors.toMap(AreaUnits.RatedUnit::code, Function.identity()));
        return overview.criterionPage(rated.keySet(), area.criteriaSet().id(), area.criterion().code(), results,
                fromCode, forward, limit).stream().map(row -> {
                    AreaUnits.RatedUnit unit = rated.get(row.unitCode());
                    return new CriterionUnitView(unit.unit(), unit.district(), row.scorecardId(),
                            area.criterion().code(), row.result(), row.indicatorsMet(), row.indicatorsTotal(),
                            row.criteriaMet(), row.criteriaTotal(), row.lastChangedAt());
                }).toList();
    }

    // ---- dates and versions ----------------------------------------------------------------------------------------

    /** The last day of each quarter that ends between {@code from} and {@code to}, oldest first. */
    static List<LocalDate> quarterEnds(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new InvalidArgumentException(QueryText.of("overview.fromAndTo"));
        }
        if (to.isBefore(from)) {
            throw new InvalidArgumentException(QueryText.of("overview.toBeforeFrom", to, from));
        }
        List<LocalDate> ends = new ArrayList<>();
        LocalDate end = quarterEnd(from);
        while (!end.isAfter(to)) {
            ends.add(end);
            if (ends.size() > MAX_QUARTERS) {
                throw new InvalidArgumentException(QueryText.of("overview.tooManyQuarters", from, to, MAX_QUARTERS));
            }
            end = quarterEnd(end.plusDays(1));
        }
        return ends;
    }

    private static LocalDate quarterEnd(LocalDate date) {
        LocalDate firstOfNext = date.with(IsoFields.DAY_OF_QUARTER, 1).plusMonths(3);
        return firstOfNext.minusDays(1);
    }

    /** {@code 2024-Q1}. */
    static String quarter(LocalDate date) {
        return date.getYear() + "-Q" + date.get(IsoFields.QUARTER_OF_YEAR);
    }

    /**
     * The version in force on the date as known at the instant, as the as-of queries choose it: among the versions
     * published by then, the highest whose effective date is on or before the date; null when there is none.
     */
    static CriteriaSetVersionView inForce(List<CriteriaSetVersionView> versions, LocalDate date, Instant at) {
        return versions.stream()
                .filter(v -> !v.effectiveFrom().isAfter(date) && !v.publishedAt().isAfter(at))
                .max(Comparator.comparingInt(CriteriaSetVersionView::version)).orElse(null);
    }

    // ---- refusals ----------------------------------------------------------------------------------------------------

    private static Message name(UnitView unit) {
        return QueryText.of("overview.unit", unit.code(), unit.fullName());
    }

    private static Message levelThree(UnitView unit, Message what) {
        return QueryText.of(unit.kind().village() ? "overview.villageLevel" : "overview.communeLevel", name(unit), what,
                unit.code());
    }

    private UnitView requireProvince(UnitView unit, String field, String query) {
        if (unit.level() == 1) {
            return unit;
        }
        Message ask = unit.level() == 2
                ? (unit.parentCode() == null ? QueryText.of("overview.ask.district", unit.code())
                        : QueryText.of("overview.ask.districtOrProvince", unit.code(), query, unit.parentCode()))
                : (unit.parentCode() == null ? QueryText.of("overview.ask.standing", unit.code())
                        : QueryText.of("overview.ask.standingOrAbove", unit.code(), query, unit.parentCode()));
        throw new OverviewRefusedException(Code.UNIT_LEVEL_MISMATCH, field,
                QueryText.of("overview.notProvince", name(unit), query, ask));
    }

    /** A ceased unit has no units under it today: the message names the units that stand in its place. */
    private void refuseIfCeased(UnitView unit, String field, LocalDate today) {
        if (AreaUnits.standsOn(unit, today)) {
            return;
        }
        List<Succession> successors = units.successorsOf(List.of(unit.code())).getOrDefault(unit.code(), List.of());
        Message instead;
        if (!successors.isEmpty()) {
            instead = QueryText.of("overview.ceased.merged", successors.stream().map(Succession::successorCode)
                    .collect(Collectors.joining(", ")));
        } else {
            Optional<String> province = provinceNow(unit);
            instead = unit.level() == 2
                    ? (province.isPresent() ? QueryText.of("overview.ceased.districtAskProvince", province.get())
                            : QueryText.of("overview.ceased.district"))
                    : (province.isPresent() ? QueryText.of("overview.ceased.askProvince", province.get())
                            : QueryText.of("overview.ceased.none"));
        }
        throw new OverviewRefusedException(Code.UNIT_CEASED, field,
                QueryText.of("overview.ceased", name(unit), unit.ceasedOn(), instead));
    }

    /** The province that stands in place of a ceased unit's province: its parent, or the one that took it over. */
    private Optional<String> provinceNow(UnitView unit) {
        if (unit.parentCode() == null) {
            return Optional.empty();
        }
        Optional<UnitView> parent = units.find(unit.parentCode());
        if (parent.isEmpty() || parent.get().ceasedOn() == null) {
            return parent.map(UnitView::code);
        }
        List<Succession> next = units.successorsOf(List.of(parent.get().code()))
                .getOrDefault(parent.get().code(), List.of());
        return next.size() == 1 ? Optional.of(next.get(0).successorCode()) : Optional.empty();
    }
}
