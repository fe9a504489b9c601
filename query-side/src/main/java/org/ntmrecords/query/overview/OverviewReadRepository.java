package org.ntmrecords.query.overview;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ntmrecords.events.judging.Decision;
import org.ntmrecords.events.judging.Entry;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.Period;
import org.ntmrecords.events.scorecard.ValueKind;
import org.ntmrecords.events.unit.UnitKind;
import org.ntmrecords.query.common.Sql;
import org.ntmrecords.query.unit.UnitView;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads what the roll-ups count. Every method issues one statement, whatever the number of units: an area's units are
 * reached in one recursive statement, and the standings, criteria, entries and decisions of all of them are read at
 * once.
 */
@Repository
public class OverviewReadRepository {
    private static final RowMapper<UnitView> UNIT = (rs, n) -> new UnitView(rs.getString("code"),
            rs.getString("name"), rs.getString("full_name"), UnitKind.valueOf(rs.getString("kind")),
            rs.getInt("level"), rs.getString("parent_code"), Sql.instant(rs, "registered_at"),
            Sql.instant(rs, "updated_at"), rs.getObject("ceased_on", LocalDate.class));

    private final NamedParameterJdbcTemplate jdbc;

    public OverviewReadRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every unit reached from the area through the hierarchy as it stands: the units under it at any depth, and the
     * units any of those (or the area) took over, directly or through earlier mergers, with the units under those.
     * Ceased units are included (they keep their row and their parent); the caller keeps those standing on its date.
     */
    public AreaUnits reach(UnitView area) {
        // a unit's children and its predecessors, followed until nothing new is reached (UNION drops what was)
        List<UnitView> reached = jdbc.query("""
                with recursive reached(code) as (
                    select cast(:area as varchar(64))
                    union
                    select next.code
                    from reached r
                    cross join lateral (
                        select u.code from read_model.unit u where u.parent_code = r.code
                        union all
                        select s.predecessor_code from read_model.unit_succession s where s.successor_code = r.code
                    ) next)
                select u.code, u.name, u.full_name, u.kind, u.level, u.parent_code, u.registered_at, u.updated_at,
                       u.ceased_on
                from reached r join read_model.unit u on u.code = r.code
                where r.code <> :area""",
                Map.of("area", area.code()), UNIT);
        return new AreaUnits(area, reached);
    }

    /** The live standing of each given unit tracked against the set, by unit code. */
    public Map<String, ProvinceCounts.Standing> standings(Collection<String> unitCodes, String setId) {
        Map<String, ProvinceCounts.Standing> found = new HashMap<>();
        if (unitCodes.isEmpty()) {
            return found;
        }
        jdbc.query("""
                select unit_code, result, criteria_met, criteria_total from read_model.scorecard
                where set_id = :setId and unit_code = any(:codes)""",
                new MapSqlParameterSource("setId", setId).addValue("codes", unitCodes.toArray(String[]::new)),
                rs -> {
                    found.put(rs.getString("unit_code"), new ProvinceCounts.Standing(
                            Judgment.valueOf(rs.getString("result")), rs.getInt("criteria_met"),
                            rs.getInt("criteria_total")));
                });
        return found;
    }

    /** A unit's judgment on a criterion and its standing, as read for a criterion view (unit and district unset). */
    public record CriterionRow(String unitCode, String scorecardId, Judgment result, int indicatorsMet,
                               int indicatorsTotal, int criteriaMet, int criteriaTotal, Instant lastChangedAt) {
    }

    /**
     * A page of the given units whose live judgment on the criterion is one of {@code results}, in unit code order,
     * after (or, backward, before) {@code fromCode}; {@code limit} rows at most, in display order.
     */
    public List<CriterionRow> criterionPage(Collection<String> unitCodes, String setId, String criterionCode,
                                            Collection<Judgment> results, String fromCode, boolean forward,
                                            int limit) {
        if (unitCodes.isEmpty() || results.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource("setId", setId)
                .addValue("codes", unitCodes.toArray(String[]::new))
                .addValue("criterion", criterionCode)
                .addValue("results", results.stream().map(Judgment::name).toArray(String[]::new))
                .addValue("limit", limit);
        String keyset = "";
        if (fromCode != null) {
            keyset = forward ? " and s.unit_code > :from" : " and s.unit_code < :from";
            params.addValue("from", fromCode);
        }
        List<CriterionRow> rows = new ArrayList<>(jdbc.query("""
                select s.unit_code, s.scorecard_id, s.criteria_met, s.criteria_total, c.result, c.indicators_met,
                       c.indicators_total, c.last_changed_at
                from read_model.scorecard s
                join read_model.criterion_standing c
                  on c.scorecard_id = s.scorecard_id and c.criterion_code = :criterion
                where s.set_id = :setId and s.unit_code = any(:codes) and c.result = any(:results)"""
                        + keyset + " order by s.unit_code" + (forward ? "" : " desc") + " limit :limit", params,
                (rs, n) -> new CriterionRow(rs.getString("unit_code"), rs.getString("scorecard_id"),
                        Judgment.valueOf(rs.getString("result")), rs.getInt("indicators_met"),
                        rs.getInt("indicators_total"), rs.getInt("criteria_met"), rs.getInt("criteria_total"),
                        Sql.instant(rs, "last_changed_at"))));
        if (!forward) {
            Collections.reverse(rows);
        }
        return rows;
    }

    /** How many of the given units are judged met, not met and not assessed on the criterion (tracked units only). */
    public Map<Judgment, Integer> criterionCounts(Collection<String> unitCodes, String setId, String criterionCode) {
        Map<Judgment, Integer> counts = new EnumMap<>(Judgment.class);
        for (Judgment judgment : Judgment.values()) {
            counts.put(judgment, 0);
        }
        if (unitCodes.isEmpty()) {
            return counts;
        }
        jdbc.query("""
                select c.result, count(*) as units
                from read_model.scorecard s
                join read_model.criterion_standing c
                  on c.scorecard_id = s.scorecard_id and c.criterion_code = :criterion
                where s.set_id = :setId and s.unit_code = any(:codes)
                group by c.result""",
                new MapSqlParameterSource("setId", setId).addValue("codes", unitCodes.toArray(String[]::new))
                        .addValue("criterion", criterionCode),
                rs -> {
                    counts.put(Judgment.valueOf(rs.getString("result")), rs.getInt("units"));
                });
        return counts;
    }

    // ---- as of a date: the as-of tables, read as the rules need them ----------------------------------------------

    /** The given units' records under the set that were tracked by {@code at}. */
    public List<QuarterStandings.TrackedRecord> trackedAt(Collection<String> unitCodes, String setId, Instant at) {
        if (unitCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select scorecard_id, unit_code, region from read_model.scorecard
                where set_id = :setId and unit_code = any(:codes) and tracked_at <= :at order by unit_code""",
                new MapSqlParameterSource("setId", setId).addValue("codes", unitCodes.toArray(String[]::new))
                        .addValue("at", Sql.timestamp(at)),
                (rs, n) -> new QuarterStandings.TrackedRecord(rs.getString("scorecard_id"), rs.getString("unit_code"),
                        rs.getString("region")));
    }

    /**
     * The entries of the given records that count as the record stood at {@code at}: recorded by then, not corrected by
     * an entry recorded by then (a correction hides the entry it corrects, whatever period it gives), and describing a
     * period that starts by {@code until}. A province's entries are thousands of rows, so each is read as narrowly as
     * the rules need it: the record by its position in {@code scorecardIds}, the period as day numbers, and the value
     * field by field as its kind has them (never the whole JSON document, nor the evidence and notes).
     *
     * @return by scorecard id, the entries that count, in no particular order
     */
    public Map<String, List<QuarterStandings.KnownEntry>> entriesKnownAt(List<String> scorecardIds, Instant at,
                                                                        LocalDate until) {
        Map<String, List<QuarterStandings.KnownEntry>> found = new HashMap<>();
        if (scorecardIds.isEmpty()) {
            return found;
        }
        jdbc.query("""
                select k.position, e.indicator_code, e.seq,
                       e.period_start - date '2000-01-01' as period_start, e.period_end - date '2000-01-01' as period_end,
                       e.value_kind,
                       case e.value_kind when 'PERCENTAGE' then (e.value ->> 'percentage')::numeric
                                         when 'RATIO' then (e.value ->> 'numerator')::numeric
                                         when 'COUNT' then (e.value ->> 'count')::numeric
                                         when 'AMOUNT' then (e.value ->> 'amount')::numeric
                                         when 'SUB_INDICATORS' then (e.value ->> 'met')::numeric end as first_number,
                       case e.value_kind when 'RATIO' then (e.value ->> 'denominator')::numeric
                                         when 'SUB_INDICATORS' then (e.value ->> 'of')::numeric end as second_number,
                       case e.value_kind when 'ACHIEVED' then (e.value ->> 'achieved')::boolean end as achieved,
                       case e.value_kind when 'LEVEL' then e.value ->> 'level' end as level
                from unnest(cast(:ids as varchar[])) with ordinality as k(scorecard_id, position)
                join read_model.indicator_entry e on e.scorecard_id = k.scorecard_id
                where e.recorded_at <= :at and e.period_start <= :until
                  and (e.corrected_by_entry_id is null or not exists (
                        select 1 from read_model.indicator_entry c
                        where c.scorecard_id = e.scorecard_id and c.entry_id = e.corrected_by_entry_id
                          and c.recorded_at <= :at))""",
                new MapSqlParameterSource("ids", scorecardIds.toArray(String[]::new))
                        .addValue("at", Sql.timestamp(at)).addValue("until", Sql.date(until)),
                rs -> {
                    long seq = rs.getLong("seq");
                    // the sequence number identifies an entry within its record: it stands for the entry's id here
                    Entry entry = new Entry(Long.toString(seq), value(rs),
                            new Period(DAY_ZERO.plusDays(rs.getInt("period_start")),
                                    DAY_ZERO.plusDays(rs.getInt("period_end"))), seq);
                    found.computeIfAbsent(scorecardIds.get(rs.getInt("position") - 1), k -> new ArrayList<>())
                            .add(new QuarterStandings.KnownEntry(rs.getString("indicator_code"), entry));
                });
        return found;
    }

    private static final LocalDate DAY_ZERO = LocalDate.of(2000, 1, 1);

    /** The value of an entry row, from the fields its kind has; null for a not-assessed mark. */
    private static IndicatorValue value(ResultSet rs) throws SQLException {
        String kind = rs.getString("value_kind");
        if (kind == null) {
            return null;
        }
        BigDecimal first = rs.getBigDecimal("first_number");
        return switch (ValueKind.valueOf(kind)) {
            case PERCENTAGE -> IndicatorValue.percentage(first);
            case RATIO -> IndicatorValue.ratio(first, rs.getBigDecimal("second_number"));
            case COUNT -> IndicatorValue.count(first.longValueExact());
            case AMOUNT -> IndicatorValue.amount(first);
            case ACHIEVED -> IndicatorValue.achieved(rs.getBoolean("achieved"));
            case LEVEL -> IndicatorValue.level(rs.getString("level"));
            case SUB_INDICATORS -> IndicatorValue.subIndicators(first.intValueExact(),
                    rs.getBigDecimal("second_number").intValueExact());
        };
    }

    /** The decisions of the given records recorded by {@code at} whose period starts by {@code until}. */
    public Map<String, List<QuarterStandings.KnownDecision>> decisionsKnownAt(Collection<String> scorecardIds,
                                                                             Instant at, LocalDate until) {
        Map<String, List<QuarterStandings.KnownDecision>> found = new HashMap<>();
        if (scorecardIds.isEmpty()) {
            return found;
        }
        jdbc.query("""
                select d.scorecard_id, d.decision_id, d.indicator_code, d.result, d.period_start, d.period_end, d.seq
                from read_model.indicator_decision d
                where d.scorecard_id = any(:ids) and d.recorded_at <= :at and d.period_start <= :until""",
                new MapSqlParameterSource("ids", scorecardIds.toArray(String[]::new))
                        .addValue("at", Sql.timestamp(at)).addValue("until", Sql.date(until)),
                rs -> {
                    found.computeIfAbsent(rs.getString("scorecard_id"), k -> new ArrayList<>()).add(
                            new QuarterStandings.KnownDecision(rs.getString("indicator_code"), new Decision(
                                    rs.getString("decision_id"), Judgment.valueOf(rs.getString("result")),
                                    new Period(Sql.localDate(rs, "period_start"), Sql.localDate(rs, "period_end")),
                                    rs.getLong("seq"))));
                });
        return found;
    }
}
