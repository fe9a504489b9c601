package org.ntmrecords.query.scorecard;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.criteria.Requirement;
import org.ntmrecords.events.scorecard.Breakdown;
import org.ntmrecords.events.scorecard.BreakdownTotal;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.JudgmentBasis;
import org.ntmrecords.events.scorecard.Period;
import org.ntmrecords.query.common.Json;
import org.ntmrecords.query.common.Keyset;
import org.ntmrecords.query.common.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads standings, criteria, indicators, entries and decisions. Methods taking collections answer for all
 * of them in one statement, so GraphQL batch loaders never issue one query per row.
 */
@Repository
public class StandingReadRepository {
    private static final TypeReference<List<DocumentRef>> DOCUMENTS = new TypeReference<>() { };
    private static final TypeReference<List<Breakdown>> BREAKDOWN = new TypeReference<>() { };

    private static final RowMapper<StandingView> STANDING = (rs, n) -> new StandingView(
            rs.getString("scorecard_id"), rs.getString("unit_code"), rs.getString("set_id"),
            rs.getInt("set_version"), rs.getString("region"), Judgment.valueOf(rs.getString("result")),
            rs.getInt("criteria_met"), rs.getInt("criteria_total"), Sql.strings(rs, "unmet_criteria"),
            Sql.strings(rs, "not_assessed_criteria"), Sql.instant(rs, "tracked_at"), rs.getString("tracked_by"),
            Sql.instant(rs, "last_changed_at"));

    private static final RowMapper<CriterionStandingView> CRITERION = (rs, n) -> new CriterionStandingView(
            rs.getString("scorecard_id"), rs.getString("criterion_code"), rs.getInt("position"), rs.getString("name"),
            Judgment.valueOf(rs.getString("result")), rs.getInt("indicators_met"), rs.getInt("indicators_total"),
            Sql.strings(rs, "unmet_indicators"), Sql.strings(rs, "not_assessed_indicators"),
            Sql.instant(rs, "last_changed_at"));

    private static final RowMapper<IndicatorStandingView> INDICATOR = (rs, n) -> {
        Requirement requirement = Json.read(rs.getString("requirement"), Requirement.class);
        String region = rs.getString("region");
        java.math.BigDecimal threshold = rs.getBigDecimal("threshold");
        JudgmentBasis basis = JudgmentBasis.valueOf(rs.getString("basis"));
        return new IndicatorStandingView(rs.getString("scorecard_id"), rs.getString("indicator_code"),
                rs.getString("criterion_code"), rs.getInt("position"), rs.getString("text"), requirement,
                Judgment.valueOf(rs.getString("result")), basis,
                threshold != null || basis == JudgmentBasis.COMPUTED ? threshold : requirement.thresholdFor(region),
                rs.getString("required_level") != null ? rs.getString("required_level") : requirement.requiredLevel(),
                rs.getBigDecimal("measured"), region, rs.getInt("set_version"), rs.getString("latest_entry_id"),
                rs.getString("decision_id"), Sql.instant(rs, "last_changed_at"));
    };

    private static final RowMapper<IndicatorEntryView> ENTRY = (rs, n) -> new IndicatorEntryView(
            rs.getString("scorecard_id"), rs.getString("entry_id"), rs.getString("indicator_code"),
            rs.getString("criterion_code"), rs.getString("entry_type"),
            Json.read(rs.getString("value"), IndicatorValue.class), rs.getString("display"),
            rs.getBigDecimal("share"),
            new Period(Sql.localDate(rs, "period_start"), Sql.localDate(rs, "period_end")),
            rs.getString("source_agency"), Json.read(rs.getString("evidence"), DOCUMENTS), rs.getString("note"),
            Json.read(rs.getString("breakdown"), BREAKDOWN), rs.getString("corrects_entry_id"),
            rs.getString("correction_reason"), rs.getString("corrected_by_entry_id"),
            Sql.instant(rs, "recorded_at"), rs.getString("recorded_by"), rs.getLong("seq"),
            Json.read(rs.getString("breakdown_total"), BreakdownTotal.class));

    private static final RowMapper<IndicatorDecisionView> DECISION = (rs, n) -> new IndicatorDecisionView(
            rs.getString("scorecard_id"), rs.getString("decision_id"), rs.getString("indicator_code"),
            Judgment.valueOf(rs.getString("result")),
            new Period(Sql.localDate(rs, "period_start"), Sql.localDate(rs, "period_end")),
            rs.getString("decided_by"), Json.read(rs.getString("basis"), DOCUMENTS), rs.getString("note"),
            Sql.instant(rs, "recorded_at"), rs.getString("recorded_by"), rs.getLong("seq"));

    private static final String ENTRY_COLUMNS = """
            e.scorecard_id, e.entry_id, e.indicator_code, e.criterion_code, e.entry_type, e.value::text as value,
            e.display, e.share, e.period_start, e.period_end, e.source_agency, e.evidence::text as evidence, e.note,
            e.breakdown::text as breakdown, e.breakdown_total::text as breakdown_total, e.corrects_entry_id, e.correction_reason, e.corrected_by_entry_id,
            e.recorded_at, e.recorded_by, e.seq""";

    private final NamedParameterJdbcTemplate jdbc;

    public StandingReadRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StandingView> find(String scorecardId) {
        return jdbc.query("select * from read_model.scorecard where scorecard_id = :id", Map.of("id", scorecardId),
                STANDING).stream().findFirst();
    }

    /** Standings of the given units under a set, in unit-code order. */
    public List<StandingView> forUnits(Collection<String> unitCodes, String setId) {
        if (unitCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select * from read_model.scorecard where set_id = :setId and unit_code in (:codes)"
                + " order by unit_code", Map.of("setId", setId, "codes", unitCodes), STANDING);
    }

    /** Every standing of each given unit, grouped by unit. */
    public Map<String, List<StandingView>> byUnit(Collection<String> unitCodes) {
        if (unitCodes.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("select * from read_model.scorecard where unit_code in (:codes) order by unit_code, set_id",
                        Map.of("codes", unitCodes), STANDING)
                .stream().collect(Collectors.groupingBy(StandingView::unitCode));
    }

    public Map<String, List<CriterionStandingView>> criteria(Collection<String> scorecardIds) {
        if (scorecardIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("select * from read_model.criterion_standing where scorecard_id in (:ids)"
                        + " order by scorecard_id, position", Map.of("ids", scorecardIds), CRITERION)
                .stream().collect(Collectors.groupingBy(CriterionStandingView::scorecardId));
    }

    public Map<CriterionStandingView.Key, List<IndicatorStandingView>> indicators(
            Collection<CriterionStandingView.Key> criteria) {
        if (criteria.isEmpty()) {
            return Map.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("ids", criteria.stream().map(CriterionStandingView.Key::scorecardId).toArray(String[]::new))
                .addValue("codes", criteria.stream().map(CriterionStandingView.Key::criterionCode).toArray(String[]::new));
        return jdbc.query("""
                        select i.scorecard_id, i.indicator_code, i.criterion_code, i.position, i.text,
                               i.requirement::text as requirement, i.result, i.basis, i.threshold, i.required_level,
                               i.measured, i.region, i.set_version, i.latest_entry_id, i.decision_id, i.last_changed_at
                        from read_model.indicator_standing i
                        join unnest(:ids, :codes) as k(scorecard_id, criterion_code)
                          on k.scorecard_id = i.scorecard_id and k.criterion_code = i.criterion_code
                        order by i.scorecard_id, i.position""", params, INDICATOR)
                .stream().collect(Collectors.groupingBy(
                        i -> new CriterionStandingView.Key(i.scorecardId(), i.criterionCode())));
    }

    public Map<IndicatorEntryView.Key, IndicatorEntryView> entries(Collection<IndicatorEntryView.Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("ids", keys.stream().map(IndicatorEntryView.Key::scorecardId).toArray(String[]::new))
                .addValue("entries", keys.stream().map(IndicatorEntryView.Key::entryId).toArray(String[]::new));
        return jdbc.query("select " + ENTRY_COLUMNS + " from read_model.indicator_entry e"
                        + " join unnest(:ids, :entries) as k(scorecard_id, entry_id)"
                        + " on k.scorecard_id = e.scorecard_id and k.entry_id = e.entry_id", params, ENTRY)
                .stream().collect(Collectors.toMap(e -> new IndicatorEntryView.Key(e.scorecardId(), e.id()),
                        Function.identity()));
    }

    public Map<IndicatorEntryView.Key, IndicatorDecisionView> decisions(Collection<IndicatorEntryView.Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("ids", keys.stream().map(IndicatorEntryView.Key::scorecardId).toArray(String[]::new))
                .addValue("decisions", keys.stream().map(IndicatorEntryView.Key::entryId).toArray(String[]::new));
        return jdbc.query("""
                        select d.scorecard_id, d.decision_id, d.indicator_code, d.result, d.period_start, d.period_end,
                               d.decided_by, d.basis::text as basis, d.note, d.recorded_at, d.recorded_by,
                               d.seq
                        from read_model.indicator_decision d
                        join unnest(:ids, :decisions) as k(scorecard_id, decision_id)
                          on k.scorecard_id = d.scorecard_id and k.decision_id = d.decision_id""", params, DECISION)
                .stream().collect(Collectors.toMap(d -> new IndicatorEntryView.Key(d.scorecardId(), d.id()),
                        Function.identity()));
    }

    /** The order of an indicator's entries: oldest first, by when each was recorded and then by its id. */
    public static final List<String> ENTRY_ORDER = List.of("e.recorded_at", "e.entry_id");

    /**
     * A page of the entries recorded for an indicator (values, corrections, not-assessed marks), oldest first
     * ({@link #ENTRY_ORDER}: the keys are the recorded instant and the entry id).
     */
    public List<IndicatorEntryView> entriesOf(String scorecardId, String indicatorCode, Keyset page) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", scorecardId).addValue("code", indicatorCode);
        String sql = "select " + ENTRY_COLUMNS + " from read_model.indicator_entry e"
                + " where e.scorecard_id = :id and e.indicator_code = :code" + page.condition(ENTRY_ORDER, params)
                + page.orderAndLimit(ENTRY_ORDER, params);
        return page.inListOrder(jdbc.query(sql, params, ENTRY));
    }

    /** How many entries are recorded for an indicator (every page of {@link #entriesOf} together). */
    public long countEntries(String scorecardId, String indicatorCode) {
        Long count = jdbc.queryForObject("select count(*) from read_model.indicator_entry e"
                        + " where e.scorecard_id = :id and e.indicator_code = :code",
                Map.of("id", scorecardId, "code", indicatorCode), Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Every entry of the given scorecards recorded at or before {@code at}, in record order, each showing the
     * correction that superseded it only if that correction too was recorded by then.
     */
    public Map<String, List<IndicatorEntryView>> entriesKnownAt(Collection<String> scorecardIds, Instant at) {
        if (scorecardIds.isEmpty()) {
            return Map.of();
        }
        String columns = ENTRY_COLUMNS.replace("e.corrected_by_entry_id,", """
                (select c.entry_id from read_model.indicator_entry c
                  where c.scorecard_id = e.scorecard_id and c.entry_id = e.corrected_by_entry_id
                    and c.recorded_at <= :at) as corrected_by_entry_id,""");
        return jdbc.query("select " + columns + " from read_model.indicator_entry e"
                                + " where e.scorecard_id in (:ids) and e.recorded_at <= :at order by e.scorecard_id, e.seq",
                        new MapSqlParameterSource("ids", scorecardIds).addValue("at", Sql.timestamp(at)), ENTRY)
                .stream().collect(Collectors.groupingBy(IndicatorEntryView::scorecardId));
    }

    /** Every human decision of the given scorecards recorded at or before {@code at}, in record order. */
    public Map<String, List<IndicatorDecisionView>> decisionsKnownAt(Collection<String> scorecardIds, Instant at) {
        if (scorecardIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("""
                        select d.scorecard_id, d.decision_id, d.indicator_code, d.result, d.period_start, d.period_end,
                               d.decided_by, d.basis::text as basis, d.note, d.recorded_at, d.recorded_by, d.seq
                        from read_model.indicator_decision d
                        where d.scorecard_id in (:ids) and d.recorded_at <= :at
                        order by d.scorecard_id, d.seq""",
                        new MapSqlParameterSource("ids", scorecardIds).addValue("at", Sql.timestamp(at)), DECISION)
                .stream().collect(Collectors.groupingBy(IndicatorDecisionView::scorecardId));
    }

    /** The given scorecards as far as they existed at {@code at} (tracked by then), in id order. */
    public List<StandingView> trackedAt(Collection<String> scorecardIds, Instant at) {
        if (scorecardIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select * from read_model.scorecard where scorecard_id in (:ids) and tracked_at <= :at"
                        + " order by scorecard_id",
                new MapSqlParameterSource("ids", scorecardIds).addValue("at", Sql.timestamp(at)), STANDING);
    }
}
