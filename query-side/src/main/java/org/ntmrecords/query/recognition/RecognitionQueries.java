package org.ntmrecords.query.recognition;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.ntmrecords.query.history.HistoryEntryView;
import org.ntmrecords.query.history.HistoryReadRepository;
import org.ntmrecords.query.unit.UnitReadRepository;
import org.ntmrecords.query.unit.UnitView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Controller;

/** Recognition cases: one, or a list by unit, district and status, each with its timeline. */
@Controller
public class RecognitionQueries {
    static final int MAX_CASES = 500;
    static final int MAX_TIMELINE_EVENTS = 10_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final UnitReadRepository units;
    private final HistoryReadRepository history;

    public RecognitionQueries(NamedParameterJdbcTemplate jdbc, UnitReadRepository units, HistoryReadRepository history) {
        this.jdbc = jdbc;
        this.units = units;
        this.history = history;
    }

    /** A case as it stands; {@code pendingStep} says whose turn it is. */
    public record CaseView(String caseId, String unitCode, String setId, int setVersion, String grade, int year,
                           String status, int round, BigDecimal surveyRate, Boolean granted, String decisionNumber,
                           LocalDate decisionDate, boolean overridden, int discrepancies, Instant openedAt,
                           Instant updatedAt) {
        public String pendingStep() {
            return switch (status) {
                case "OPENED", "RETURNED" -> "SELF_ASSESSMENT";
                case "SELF_ASSESSED" -> "SUBMISSION";
                case "SUBMITTED" -> "VERIFICATION";
                case "VERIFIED" -> "APPRAISAL";
                case "PROPOSED" -> surveyRate == null ? "SURVEY" : "DECISION";
                case "GRANTED" -> "ANNOUNCEMENT";
                default -> null;
            };
        }
    }

    private static final RowMapper<CaseView> ROW = (rs, n) -> new CaseView(rs.getString("case_id"),
            rs.getString("unit_code"), rs.getString("set_id"), rs.getInt("set_version"), rs.getString("grade"),
            rs.getInt("year"), rs.getString("status"), rs.getInt("round"), rs.getBigDecimal("survey_rate"),
            (Boolean) rs.getObject("granted"), rs.getString("decision_number"),
            rs.getObject("decision_date") == null ? null : rs.getDate("decision_date").toLocalDate(),
            rs.getBoolean("overridden"), rs.getInt("discrepancies"), rs.getTimestamp("opened_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());

    @QueryMapping
    public CaseView recognitionCase(@Argument String caseId) {
        return jdbc.query("select * from read_model.recognition_case where case_id = :id",
                Map.of("id", Args.text("caseId", caseId)), ROW).stream().findFirst().orElse(null);
    }

    @QueryMapping
    public List<CaseView> recognitionCases(@Argument String unitCode, @Argument String districtCode,
                                           @Argument String status) {
        MapSqlParameterSource params = new MapSqlParameterSource("limit", MAX_CASES);
        StringBuilder where = unitFilter("c", unitCode, districtCode, params);
        if (status != null) {
            where.append(" and c.status = :status");
            params.addValue("status", status);
        }
        if (unitCode == null && districtCode == null && status == null) {
            throw new InvalidArgumentException("give unitCode, districtCode or status");
        }
        return jdbc.query("select * from read_model.recognition_case c where " + where
                + " order by c.unit_code, c.year, c.case_id limit :limit", params, ROW);
    }

    /** A step that judged a criterion otherwise than the computed judgment at that moment. */
    public record DiscrepancyView(String caseId, String unitCode, String step, int round, String criterionCode,
                                  String assessed, String computed, String note, Instant recordedAt,
                                  String recordedBy) {
    }

    @QueryMapping
    public List<DiscrepancyView> recognitionDiscrepancies(@Argument String unitCode, @Argument String districtCode,
                                                          @Argument String criterionCode) {
        MapSqlParameterSource params = new MapSqlParameterSource("limit", MAX_CASES * 20);
        StringBuilder where = unitFilter("d", unitCode, districtCode, params);
        if (criterionCode != null) {
            where.append(" and d.criterion_code = :criterion");
            params.addValue("criterion", Args.text("criterionCode", criterionCode));
        }
        if (unitCode == null && districtCode == null && criterionCode == null) {
            throw new InvalidArgumentException("give unitCode, districtCode or criterionCode");
        }
        return jdbc.query("select * from read_model.recognition_discrepancy d where " + where
                        + " order by d.unit_code, d.case_id, d.recorded_at, d.criterion_code limit :limit", params,
                (rs, n) -> new DiscrepancyView(rs.getString("case_id"), rs.getString("unit_code"), rs.getString("step"),
                        rs.getInt("round"), rs.getString("criterion_code"), rs.getString("assessed"),
                        rs.getString("computed"), rs.getString("note"), rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("recorded_by")));
    }

    /** A granted recognition whose unit's computed standing under the recognised set now falls short. */
    public record AtRiskView(CaseView recognition, String standing, int criteriaMet, int criteriaTotal,
                             List<String> unmetCriteria) {
    }

    @QueryMapping
    public List<AtRiskView> recognitionsAtRisk(@Argument String unitCode, @Argument String districtCode) {
        MapSqlParameterSource params = new MapSqlParameterSource("limit", MAX_CASES);
        StringBuilder where = unitFilter("c", unitCode, districtCode, params)
                .append(" and c.granted and s.result = 'NOT_MET'");
        return jdbc.query("""
                        select c.*, s.result as standing, s.criteria_met, s.criteria_total, s.unmet_criteria
                        from read_model.recognition_case c
                        join read_model.scorecard s on s.scorecard_id = c.unit_code || '@' || c.set_id""" + " where "
                        + where + " order by c.unit_code, c.year, c.case_id limit :limit", params,
                (rs, n) -> new AtRiskView(ROW.mapRow(rs, n), rs.getString("standing"), rs.getInt("criteria_met"),
                        rs.getInt("criteria_total"), org.ntmrecords.query.common.Sql.strings(rs, "unmet_criteria")));
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

    @BatchMapping(typeName = "RecognitionCase", field = "unit")
    public Map<CaseView, UnitView> unit(List<CaseView> cases) {
        Map<String, UnitView> found = units.findAll(cases.stream().map(CaseView::unitCode).distinct().toList());
        Map<CaseView, UnitView> result = new LinkedHashMap<>();
        cases.forEach(c -> result.put(c, found.get(c.unitCode())));
        return result;
    }

    @BatchMapping(typeName = "RecognitionCase", field = "timeline")
    public Map<CaseView, List<HistoryEntryView>> timeline(List<CaseView> cases) {
        Map<String, List<HistoryEntryView>> found = history.ofSubjects(
                cases.stream().map(c -> "case:" + c.caseId()).toList(), MAX_TIMELINE_EVENTS);
        Map<CaseView, List<HistoryEntryView>> result = new LinkedHashMap<>();
        cases.forEach(c -> result.put(c, found.getOrDefault("case:" + c.caseId(), List.of())));
        return result;
    }
}
