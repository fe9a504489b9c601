package org.ntmrecords.query.recognition;

import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ntmrecords.events.recognition.ConditionJudgment;
import org.ntmrecords.events.recognition.RevocationRule;
import org.ntmrecords.events.recognition.RevocationTrigger;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.ntmrecords.query.common.Json;
import org.ntmrecords.query.common.Keyset;
import org.ntmrecords.query.common.QueryText;
import org.ntmrecords.query.common.Sql;
import org.ntmrecords.query.history.HistoryEntryView;
import org.ntmrecords.query.history.HistoryReadRepository;
import org.ntmrecords.query.unit.UnitReadRepository;
import org.ntmrecords.query.unit.UnitView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Recognition cases: one, or a list by unit, district and status, each with its timeline. */
@Repository
public class RecognitionReadRepository {
    static final int MAX_TIMELINE_EVENTS = 10_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final UnitReadRepository units;
    private final HistoryReadRepository history;

    private final RevocationRule revocationRule;

    public RecognitionReadRepository(NamedParameterJdbcTemplate jdbc, UnitReadRepository units, HistoryReadRepository history,
                              ObjectProvider<RevocationRule> revocationRule) {
        this.jdbc = jdbc;
        this.units = units;
        this.history = history;
        this.revocationRule = revocationRule.getIfAvailable();
    }

    /**
     * A case as it stands (a recognition or a revocation); {@code pendingStep} says which step is next,
     * {@code pendingRoles} which roles take it and {@code pendingUnitCode} for which unit's jurisdiction (null with
     * a step due at central level: a district title's appraisal and decision, nationwide).
     */
    public record CaseView(String caseId, String kind, String recognitionCaseId, String unitCode, String setId,
                           int setVersion, String grade, int year, String status, int round, boolean renewal,
                           BigDecimal surveyRate, List<String> surveyShortfalls, Boolean granted,
                           String decisionNumber, LocalDate decisionDate, LocalDate validUntil, boolean lapsed,
                           String revokedBy, Boolean triggerMet, String triggerReason, boolean overridden,
                           int discrepancies, String pendingStep, List<String> pendingRoles, String pendingUnitCode,
                           Instant openedAt, Instant updatedAt, Boolean noConstructionDebt,
                           List<ConditionJudgment> decidedConditions, boolean recordedAfterwards,
                           boolean yearStated) {
        /** Whether the next step is taken at central level (district titles' appraisal and decision). */
        public boolean pendingCentral() {
            return pendingStep != null && pendingUnitCode == null;
        }
    }

    /**
     * Which step is next, from the status: a proposal waits for the survey if none was recorded; a granted title
     * waits for its announcement (an outcome-only prior decision, without survey, does not); a revocation that
     * revoked, likewise.
     */
    static final String PENDING_STEP = """
            (case when c.status in ('OPENED', 'RETURNED') then 'SELF_ASSESSMENT'
                  when c.status = 'SELF_ASSESSED' then 'SUBMISSION'
                  when c.status = 'SUBMITTED' then 'VERIFICATION'
                  when c.status = 'VERIFIED' then 'APPRAISAL'
                  when c.status = 'PROPOSED' then case when c.survey_rate is null then 'SURVEY' else 'DECISION' end
                  when c.status = 'GRANTED' and c.kind = 'RECOGNITION' and c.survey_rate is not null then 'ANNOUNCEMENT'
                  when c.status = 'REVOKED' and c.kind = 'REVOCATION' then 'ANNOUNCEMENT'
                  else null end)""";

    /**
     * Every case query reads through this: the case row with whose step is next, for which unit — the unit itself
     * for its own steps, its parent for verification, its province for appraisal and decision of commune titles
     * (the province announces district titles; their appraisal and decision are central, by the central roles).
     */
    static final String CASES = """
            select c.*, %1$s as pending_step,
                case when %1$s is null then null
                     when %1$s in ('SELF_ASSESSMENT', 'SUBMISSION', 'SURVEY') then c.unit_code
                     when %1$s = 'VERIFICATION' then u.parent_code
                     when u.level = 3 then case when p.level = 1 then p.code else g.code end
                     when %1$s = 'ANNOUNCEMENT' then u.parent_code
                     else null end as pending_unit,
                case when %1$s is null then '{}'::text[]
                     when %1$s in ('SELF_ASSESSMENT', 'SUBMISSION', 'SURVEY') then
                         case when u.level = 3 then '{COMMUNE_OFFICER,DISTRICT_COORDINATION_OFFICE}'::text[]
                              else '{DISTRICT_COORDINATION_OFFICE}'::text[] end
                     when %1$s = 'VERIFICATION' then
                         case when u.level = 3 then '{VERIFIER}'::text[] else '{VERIFIER,APPRAISER}'::text[] end
                     when %1$s = 'APPRAISAL' then
                         case when u.level = 3 then '{APPRAISER}'::text[] else '{CENTRAL_APPRAISER}'::text[] end
                     when %1$s = 'DECISION' and u.level < 3 then '{CENTRAL_AUTHORITY}'::text[]
                     else '{DECISION_AUTHORITY}'::text[] end as pending_roles
            from read_model.recognition_case c
            left join read_model.unit u on u.code = c.unit_code
            left join read_model.unit p on p.code = u.parent_code
            left join read_model.unit g on g.code = p.parent_code
            """.formatted(PENDING_STEP);

    private static final TypeReference<List<ConditionJudgment>> CONDITIONS = new TypeReference<>() {
    };

    static final RowMapper<CaseView> ROW = (rs, n) -> new CaseView(rs.getString("case_id"), rs.getString("kind"),
            rs.getString("recognition_case_id"), rs.getString("unit_code"), rs.getString("set_id"),
            rs.getInt("set_version"), rs.getString("grade"), rs.getInt("year"), rs.getString("status"),
            rs.getInt("round"), rs.getBoolean("renewal"), rs.getBigDecimal("survey_rate"),
            Sql.strings(rs, "survey_shortfalls"), (Boolean) rs.getObject("granted"), rs.getString("decision_number"),
            date(rs, "decision_date"), date(rs, "valid_until"), rs.getBoolean("lapsed"), rs.getString("revoked_by"),
            (Boolean) rs.getObject("trigger_met"), rs.getString("trigger_reason"), rs.getBoolean("overridden"),
            rs.getInt("discrepancies"), rs.getString("pending_step"), Sql.strings(rs, "pending_roles"),
            rs.getString("pending_unit"), rs.getTimestamp("opened_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant(), (Boolean) rs.getObject("no_construction_debt"),
            Json.read(rs.getString("decided_conditions"), CONDITIONS), rs.getBoolean("recorded_afterwards"),
            rs.getBoolean("year_stated"));

    private static LocalDate date(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    public CaseView recognitionCase(String caseId) {
        return jdbc.query(CASES + " where c.case_id = :id",
                Map.of("id", Args.text("caseId", caseId)), ROW).stream().findFirst().orElse(null);
    }

    /** The order of case lists: by unit, then year, then case id (a recognition before its revocation cases). */
    public static final List<String> CASE_ORDER = List.of("x.unit_code", "x.year", "x.case_id");

    /**
     * Which cases a list holds: of a unit, of the units under a district (and the district's own), in a status, of a
     * kind, and/or whose next step is taken for the jurisdiction of {@code pendingUnitCode} by {@code pendingRole}.
     * At least one of unit, district, status and pending unit is given.
     */
    public record CaseFilter(String unitCode, String districtCode, String status, String kind, String pendingUnitCode,
                             String pendingRole) {
    }

    /** A page of the cases the filter keeps, in {@link #CASE_ORDER} (keys: unit code, year, case id). */
    public List<CaseView> recognitionCases(CaseFilter filter, Keyset page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String from = cases(filter, params);
        return page.inListOrder(jdbc.query("select * from " + from + page.condition(CASE_ORDER, params)
                + page.orderAndLimit(CASE_ORDER, params), params, ROW));
    }

    /** How many cases the filter keeps (every page of {@link #recognitionCases} together). */
    public long countRecognitionCases(CaseFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        return count("select count(*) from " + cases(filter, params), params);
    }

    /** The cases a filter keeps, as {@code (...) x where ...}. */
    private static String cases(CaseFilter filter, MapSqlParameterSource params) {
        StringBuilder where = unitFilter("c", filter.unitCode(), filter.districtCode(), params);
        if (filter.status() != null) {
            where.append(" and c.status = :status");
            params.addValue("status", filter.status());
        }
        if (filter.kind() != null) {
            where.append(" and c.kind = :kind");
            params.addValue("kind", filter.kind());
        }
        if (filter.unitCode() == null && filter.districtCode() == null && filter.status() == null
                && filter.pendingUnitCode() == null) {
            throw new InvalidArgumentException(QueryText.of("recognition.filterNeeded"));
        }
        String pending = "";
        if (filter.pendingUnitCode() != null) {
            pending = " and x.pending_unit = :pendingUnit";
            params.addValue("pendingUnit", Args.text("pendingUnitCode", filter.pendingUnitCode()));
        }
        if (filter.pendingRole() != null) {
            pending += " and :pendingRole = any(x.pending_roles)";
            params.addValue("pendingRole", Args.text("pendingRole", filter.pendingRole()));
        }
        return "(" + CASES + " where " + where + ") x where true" + pending;
    }

    /**
     * The order of a work list: the case waiting longest since its last step first, then by case id. A case whose
     * next step is taken leaves the list or moves to its end, so paging forward never skips one.
     */
    public static final List<String> PENDING_ORDER = List.of("x.updated_at", "x.case_id");

    /**
     * A page of the cases whose next step the given roles take for a unit in the jurisdiction of {@code unitCode}
     * (the unit itself or a unit directly under it); every pending case when {@code unitCode} is null
     * (administrators, and the central roles, which act nationwide). In {@link #PENDING_ORDER} (keys: last change, case id).
     */
    public List<CaseView> pendingFor(List<String> roles, String unitCode, Keyset page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String from = pending(roles, unitCode, params);
        return page.inListOrder(jdbc.query("select * from " + from + page.condition(PENDING_ORDER, params)
                + page.orderAndLimit(PENDING_ORDER, params), params, ROW));
    }

    /** How many cases wait for the given roles in the jurisdiction of {@code unitCode} (see {@link #pendingFor}). */
    public long countPendingFor(List<String> roles, String unitCode) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        return count("select count(*) from " + pending(roles, unitCode, params), params);
    }

    private static String pending(List<String> roles, String unitCode, MapSqlParameterSource params) {
        params.addValue("roles", roles.toArray(String[]::new));
        String unit = "";
        if (unitCode != null) {
            unit = " and (x.pending_unit = :unit or x.pending_unit in"
                    + " (select u.code from read_model.unit u where u.parent_code = :unit))";
            params.addValue("unit", unitCode);
        }
        return "(" + CASES + " where " + PENDING_STEP + " is not null) x"
                + " where x.pending_roles && cast(:roles as text[])" + unit;
    }

    /** A step that judged a criterion otherwise than the computed judgment at that moment. */
    public record DiscrepancyView(String caseId, String unitCode, String step, int round, String criterionCode,
                                  String assessed, String computed, String note, Instant recordedAt,
                                  String recordedBy) {
    }

    /**
     * The order of discrepancies: by unit, case, when the step was recorded, then step, round and criterion (the
     * last four with the case name one row).
     */
    public static final List<String> DISCREPANCY_ORDER = List.of("d.unit_code", "d.case_id", "d.recorded_at", "d.step",
            "d.round", "d.criterion_code");

    /**
     * A page of the discrepancies of a unit, of the units under a district, and/or of a criterion, in {@link
     * #DISCREPANCY_ORDER} (keys: unit code, case id, recorded instant, step, round, criterion code).
     */
    public List<DiscrepancyView> recognitionDiscrepancies(String unitCode, String districtCode, String criterionCode,
                                                          Keyset page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = discrepancies(unitCode, districtCode, criterionCode, params);
        return page.inListOrder(jdbc.query("select * from read_model.recognition_discrepancy d where " + where
                        + page.condition(DISCREPANCY_ORDER, params) + page.orderAndLimit(DISCREPANCY_ORDER, params),
                params, (rs, n) -> new DiscrepancyView(rs.getString("case_id"), rs.getString("unit_code"),
                        rs.getString("step"), rs.getInt("round"), rs.getString("criterion_code"),
                        rs.getString("assessed"), rs.getString("computed"), rs.getString("note"),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"))));
    }

    /** How many discrepancies the filters keep (every page of {@link #recognitionDiscrepancies} together). */
    public long countRecognitionDiscrepancies(String unitCode, String districtCode, String criterionCode) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        return count("select count(*) from read_model.recognition_discrepancy d where "
                + discrepancies(unitCode, districtCode, criterionCode, params), params);
    }

    private static String discrepancies(String unitCode, String districtCode, String criterionCode,
                                        MapSqlParameterSource params) {
        StringBuilder where = unitFilter("d", unitCode, districtCode, params);
        if (criterionCode != null) {
            where.append(" and d.criterion_code = :criterion");
            params.addValue("criterion", Args.text("criterionCode", criterionCode));
        }
        if (unitCode == null && districtCode == null && criterionCode == null) {
            throw new InvalidArgumentException(QueryText.of("recognition.discrepancyFilterNeeded"));
        }
        return where.toString();
    }

    /**
     * A granted recognition whose unit's computed standing now falls short, under the recognised set or, for a title
     * of an older set, under the set that replaces it ({@code judgedBySetId}).
     */
    public record AtRiskView(CaseView recognition, String standing, int criteriaMet, int criteriaTotal,
                             List<String> unmetCriteria, RevocationTrigger revocationTrigger, String judgedBySetId) {
    }

    /**
     * A title granted under an older set, with the set that judges it now ({@code currentSetId}, null when no set in
     * the catalog replaces it) and the unit's standing under that set (null fields when the unit is not tracked).
     */
    public record RequalificationView(CaseView title, String currentSetId, String standing, Integer criteriaMet,
                                      Integer criteriaTotal, List<String> unmetCriteria,
                                      List<String> notAssessedCriteria) {
        public boolean tracked() {
            return standing != null;
        }
    }

    /**
     * Which set judges the titles of an older one now: each latest set version's {@code recognition.replaces}, paired
     * with that set and every province's variant of it ({@code declared_by}: the set that states the replacement).
     */
    static final String GENERATIONS = """
            (select r->>'setId' as older_set_id, w.set_id as current_set_id, v.set_id as declared_by
             from read_model.criteria_set s
             join read_model.criteria_set_version v on v.set_id = s.set_id and v.version = s.latest_version
             cross join jsonb_array_elements(coalesce(v.definition->'recognition'->'replaces', '[]'::jsonb)) r
             join read_model.criteria_set sw on true
             join read_model.criteria_set_version w on w.set_id = sw.set_id and w.version = sw.latest_version
                 and (w.set_id = v.set_id or w.base_set_id = v.set_id))""";

    /** Titles held: granted, neither lapsed nor revoked. */
    private static final String HELD = " and c.kind = 'RECOGNITION' and c.granted and not c.lapsed and c.revoked_by is null";

    /**
     * A page of the titles granted under older sets (a set another replaces, or one not in the catalog), of a unit,
     * of the units under a district, or all, in {@link #CASE_ORDER}, each with its standing under the set that judges
     * it now: the one the unit is tracked under among the replacing set and its variants, else the replacing set.
     */
    public List<RequalificationView> requalifications(String unitCode, String districtCode, Keyset page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String from = requalifying(unitCode, districtCode, params);
        String current = " left join lateral (select g.current_set_id, sc.result, sc.criteria_met, sc.criteria_total,"
                + " sc.unmet_criteria, sc.not_assessed_criteria from " + GENERATIONS + " g"
                + " left join read_model.scorecard sc on sc.unit_code = x.unit_code and sc.set_id = g.current_set_id"
                + " where g.older_set_id = x.set_id"
                + " order by sc.scorecard_id is null, g.current_set_id <> g.declared_by, g.current_set_id limit 1) r on true where true";
        return page.inListOrder(jdbc.query("select x.*, r.current_set_id, r.result as standing, r.criteria_met,"
                        + " r.criteria_total, r.unmet_criteria, r.not_assessed_criteria from" + from + current
                        + page.condition(CASE_ORDER, params) + page.orderAndLimit(CASE_ORDER, params),
                params, (rs, n) -> new RequalificationView(ROW.mapRow(rs, n), rs.getString("current_set_id"),
                        rs.getString("standing"), (Integer) rs.getObject("criteria_met"),
                        (Integer) rs.getObject("criteria_total"), Sql.strings(rs, "unmet_criteria"),
                        Sql.strings(rs, "not_assessed_criteria"))));
    }

    /** How many titles under older sets these filters hold (every page of {@link #requalifications} together). */
    public long countRequalifications(String unitCode, String districtCode) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        return count("select count(*) from" + requalifying(unitCode, districtCode, params), params);
    }

    private static String requalifying(String unitCode, String districtCode, MapSqlParameterSource params) {
        StringBuilder where = unitFilter("c", unitCode, districtCode, params).append(HELD)
                .append(" and (c.set_id in (select g.older_set_id from ").append(GENERATIONS).append(" g)")
                .append(" or c.set_id not in (select cs.set_id from read_model.criteria_set cs))");
        return " (" + CASES + " where " + where + ") x";
    }

    /**
     * A page of the granted recognitions at risk (held, and the unit's computed standing under the set not met), of a
     * unit, of the units under a district, or all, in {@link #CASE_ORDER} (keys: unit code, year, case id).
     */
    public List<AtRiskView> recognitionsAtRisk(String unitCode, String districtCode, Keyset page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String from = atRisk(unitCode, districtCode, params);
        return page.inListOrder(jdbc.query("""
                        select x.*, s.result as standing, s.criteria_met, s.criteria_total, s.unmet_criteria,
                            s.set_id as judged_by
                        from""" + from + page.condition(CASE_ORDER, params) + page.orderAndLimit(CASE_ORDER, params),
                params, (rs, n) -> {
                    List<String> unmet = Sql.strings(rs, "unmet_criteria");
                    CaseView recognition = ROW.mapRow(rs, n);
                    String judgedBy = rs.getString("judged_by");
                    return new AtRiskView(recognition, rs.getString("standing"), rs.getInt("criteria_met"),
                            rs.getInt("criteria_total"), unmet, revocationRule == null ? null
                            : revocationRule.evaluate(judgedBy, rs.getInt("criteria_total"), unmet), judgedBy);
                }));
    }

    /** How many recognitions are at risk with these filters (every page of {@link #recognitionsAtRisk} together). */
    public long countRecognitionsAtRisk(String unitCode, String districtCode) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        return count("select count(*) from" + atRisk(unitCode, districtCode, params), params);
    }

    private static String atRisk(String unitCode, String districtCode, MapSqlParameterSource params) {
        StringBuilder where = unitFilter("c", unitCode, districtCode, params).append(HELD);
        // the title's own set, else the set that replaces it (or a province's variant of it) the unit is tracked under
        return " (" + CASES + " where " + where + ") x cross join lateral (select sc.* from read_model.scorecard sc"
                + " where sc.unit_code = x.unit_code and (sc.set_id = x.set_id or sc.set_id in"
                + " (select g.current_set_id from " + GENERATIONS + " g where g.older_set_id = x.set_id))"
                + " order by sc.set_id <> x.set_id, sc.set_id limit 1) s where s.result = 'NOT_MET'";
    }

    private long count(String sql, MapSqlParameterSource params) {
        Long count = jdbc.queryForObject(sql, params, Long.class);
        return count == null ? 0 : count;
    }

    /** Rows of a unit, or of a district and the units directly under it ({@code alias.unit_code}). */
    private static StringBuilder unitFilter(String alias, String unitCode, String districtCode,
                                            MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder("true");
        if (unitCode != null) {
            where.append(" and ").append(alias).append(".unit_code = :unit");
            params.addValue("unit", Args.text("unitCode", unitCode));
        }
        if (districtCode != null) {
            where.append(" and (").append(alias).append(".unit_code = :district or ").append(alias)
                    .append(".unit_code in (select u.code from read_model.unit u where u.parent_code = :district))");
            params.addValue("district", Args.text("districtCode", districtCode));
        }
        return where;
    }

    public Map<CaseView, UnitView> unit(List<CaseView> cases) {
        Map<String, UnitView> found = units.findAll(cases.stream().map(CaseView::unitCode).distinct().toList());
        Map<CaseView, UnitView> result = new LinkedHashMap<>();
        cases.forEach(c -> result.put(c, found.get(c.unitCode())));
        return result;
    }

    public Map<CaseView, List<HistoryEntryView>> timeline(List<CaseView> cases) {
        Map<String, List<HistoryEntryView>> found = history.ofSubjects(
                cases.stream().map(c -> "case:" + c.caseId()).toList(), MAX_TIMELINE_EVENTS);
        Map<CaseView, List<HistoryEntryView>> result = new LinkedHashMap<>();
        cases.forEach(c -> result.put(c, found.getOrDefault("case:" + c.caseId(), List.of())));
        return result;
    }
}
