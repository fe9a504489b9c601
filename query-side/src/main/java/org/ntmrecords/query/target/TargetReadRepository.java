package org.ntmrecords.query.target;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ntmrecords.events.common.Deadline;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.target.TargetDefinition;
import org.ntmrecords.events.target.TargetKind;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.ntmrecords.query.common.Json;
import org.ntmrecords.query.common.Keyset;
import org.ntmrecords.query.common.QueryText;
import org.ntmrecords.query.common.Sql;
import org.ntmrecords.query.target.TargetProgress.CriteriaMet;
import org.ntmrecords.query.target.TargetProgress.Measured;
import org.ntmrecords.query.target.TargetProgress.Progress;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Targets with their progress, computed for a whole page at once: three lookups (indicator standings, titles granted,
 * criteria met) for the page, never one per target.
 */
@Repository
public class TargetReadRepository {
    public static final List<String> TARGET_ORDER = List.of("t.deadline_last_day", "t.target_id");
    private final NamedParameterJdbcTemplate jdbc;

    public TargetReadRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A target's current version, its state, and its progress as of the day asked about. */
    public record TargetView(String unitCode, String targetId, int version, TargetDefinition definition,
                             String amendReason, boolean withdrawn, String withdrawnReason, Instant setAt,
                             Instant changedAt, Progress progress) {
        public TargetKind kind() {
            return definition.kind();
        }

        public String statement() {
            return definition.statement();
        }

        public int year() {
            return definition.year();
        }

        public String setId() {
            return definition.setId();
        }

        public String indicatorCode() {
            return definition.indicatorCode();
        }

        public String measure() {
            return definition.measure();
        }

        public BigDecimal value() {
            return definition.value();
        }

        public String valueAsWritten() {
            return definition.valueAsWritten();
        }

        public BigDecimal baseline() {
            return definition.baseline();
        }

        public Integer baselineYear() {
            return definition.baselineYear();
        }

        public String baselineAsWritten() {
            return definition.baselineAsWritten();
        }

        public Integer count() {
            return definition.count();
        }

        public List<String> unitCodes() {
            return definition.unitCodes();
        }

        public Deadline deadline() {
            return definition.deadline();
        }

        public DocumentRef source() {
            return definition.source();
        }

        public String provenance() {
            return definition.provenance();
        }

        TargetView with(Progress computed) {
            return new TargetView(unitCode, targetId, version, definition, amendReason, withdrawn, withdrawnReason,
                    setAt, changedAt, computed);
        }
    }

    private static final RowMapper<TargetView> ROW = (rs, n) -> new TargetView(rs.getString("unit_code"),
            rs.getString("target_id"), rs.getInt("version"), Json.read(rs.getString("definition"),
            TargetDefinition.class), rs.getString("amend_reason"), rs.getBoolean("withdrawn"),
            rs.getString("withdrawn_reason"), Sql.instant(rs, "set_at"), Sql.instant(rs, "changed_at"), null);

    /** A unit's targets, a page at a time in deadline order, with their progress as of {@code asOf}. */
    public List<TargetView> targets(String unitCode, Integer year, Boolean includeWithdrawn, LocalDate asOf,
                                    Integer withinDays, Keyset page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = filter(unitCode, year, includeWithdrawn, params);
        List<TargetView> rows = page.inListOrder(jdbc.query("select * from read_model.target t where " + where
                + page.condition(TARGET_ORDER, params) + page.orderAndLimit(TARGET_ORDER, params), params, ROW));
        return withProgress(rows, asOf, days(withinDays));
    }

    public long countTargets(String unitCode, Integer year, Boolean includeWithdrawn) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Long count = jdbc.queryForObject("select count(*) from read_model.target t where "
                + filter(unitCode, year, includeWithdrawn, params), params, Long.class);
        return count == null ? 0 : count;
    }

    /** One target, with its progress as of {@code asOf}. */
    public java.util.Optional<TargetView> find(String unitCode, String targetId, LocalDate asOf) {
        List<TargetView> rows = jdbc.query("select * from read_model.target t where unit_code = :u"
                + " and target_id = :t", Map.of("u", String.valueOf(unitCode), "t", String.valueOf(targetId)), ROW);
        return withProgress(rows, asOf, TargetProgress.DEFAULT_WITHIN_DAYS).stream().findFirst();
    }

    private static String filter(String unitCode, Integer year, Boolean includeWithdrawn,
                                 MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder("t.unit_code = :unit");
        params.addValue("unit", String.valueOf(Args.text("unitCode", unitCode)));
        if (year != null) {
            where.append(" and t.year = :year");
            params.addValue("year", year);
        }
        if (!Boolean.TRUE.equals(includeWithdrawn)) {
            where.append(" and not t.withdrawn");
        }
        return where.toString();
    }

    /**
     * The targets at risk in an area (the unit and every unit under it): not reached, and past their last day or
     * within {@code withinDays} of it, as of {@code asOf}; in deadline order, unit and id breaking ties.
     */
    public List<TargetView> atRisk(String areaCode, LocalDate asOf, Integer withinDays) {
        int days = days(withinDays);
        List<TargetView> candidates = jdbc.query("""
                with recursive area(code, depth) as (
                    select code, 0 from read_model.unit where code = :area
                    union all
                    select u.code, a.depth + 1 from read_model.unit u join area a on u.parent_code = a.code
                    where a.depth < 4)
                select t.* from read_model.target t join area a on a.code = t.unit_code
                where not t.withdrawn and t.deadline_last_day <= :until""",
                new MapSqlParameterSource().addValue("area", String.valueOf(Args.text("areaCode", areaCode)))
                        .addValue("until", Sql.date(asOf.plusDays(days))), ROW);
        return withProgress(candidates, asOf, days).stream()
                .filter(t -> t.progress().status() != TargetProgress.Status.REACHED)
                .sorted(Comparator.comparing((TargetView t) -> t.deadline().lastDay())
                        .thenComparing(TargetView::unitCode).thenComparing(TargetView::targetId))
                .toList();
    }

    private static int days(Integer withinDays) {
        int days = withinDays == null ? TargetProgress.DEFAULT_WITHIN_DAYS : withinDays;
        if (days < 0 || days > 3660) {
            throw new InvalidArgumentException(QueryText.of("target.withinDays", days));
        }
        return days;
    }

    /** Progress for every target given, from three lookups for them all. */
    List<TargetView> withProgress(List<TargetView> targets, LocalDate asOf, int withinDays) {
        if (targets.isEmpty()) {
            return targets;
        }
        Set<String> scorecards = new HashSet<>();
        Map<String, Set<String>> titleNeeds = new HashMap<>();
        for (TargetView t : targets) {
            TargetDefinition d = t.definition();
            if (d.setId() != null && (d.kind() == TargetKind.INDICATOR_VALUE && d.indicatorCode() != null
                    || d.kind() == TargetKind.CRITERIA_MET)) {
                scorecards.add(t.unitCode() + "@" + d.setId());
            }
            TargetProgress.titleNeeds(t.unitCode(), d, titleNeeds);
        }
        Map<String, Measured> measured = new HashMap<>();
        Map<String, CriteriaMet> standings = new HashMap<>();
        if (!scorecards.isEmpty()) {
            jdbc.query("select scorecard_id, indicator_code, measured, requirement->>'kind' as kind"
                            + " from read_model.indicator_standing where scorecard_id in (:ids)",
                    Map.of("ids", scorecards), rs -> {
                        measured.put(rs.getString("scorecard_id") + "/" + rs.getString("indicator_code"),
                                new Measured(rs.getBigDecimal("measured"), rs.getString("kind")));
                    });
            jdbc.query("select scorecard_id, criteria_met, criteria_total from read_model.scorecard"
                            + " where scorecard_id in (:ids)", Map.of("ids", scorecards), rs -> {
                        standings.put(rs.getString("scorecard_id"),
                                new CriteriaMet(rs.getInt("criteria_met"), rs.getInt("criteria_total")));
                    });
        }
        Map<String, Map<String, LocalDate>> titles = new HashMap<>();
        if (!titleNeeds.isEmpty()) {
            Set<String> units = new HashSet<>();
            titleNeeds.values().forEach(units::addAll);
            jdbc.query("select unit_code, set_id, min(decision_date) as granted_on"
                            + " from read_model.recognition_case where granted and set_id in (:sets)"
                            + " and unit_code in (:units) group by unit_code, set_id",
                    Map.of("sets", titleNeeds.keySet(), "units", units), rs -> {
                        titles.computeIfAbsent(rs.getString("set_id"), s -> new HashMap<>())
                                .put(rs.getString("unit_code"), Sql.localDate(rs, "granted_on"));
                    });
        }
        List<TargetView> result = new ArrayList<>();
        for (TargetView t : targets) {
            result.add(t.with(TargetProgress.of(t.unitCode(), t.definition(), asOf, withinDays, measured, titles,
                    standings)));
        }
        return result;
    }
}
