package org.ntmrecords.query.scorecard;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Optional;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.criteria.Requirement;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.JudgmentBasis;
import org.ntmrecords.events.scorecard.Period;
import org.ntmrecords.query.common.Json;
import org.ntmrecords.query.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the item-by-item assessment that counts for an itemised indicator. */
@Repository
public class ItemAssessmentReadRepository {
    private static final TypeReference<List<DocumentRef>> DOCUMENTS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public ItemAssessmentReadRepository(NamedParameterJdbcTemplate jdbc) {
        this.named = jdbc;
        this.jdbc = jdbc.getJdbcTemplate();
    }

    /**
     * One item of a recorded assessment, as an as-of appraisal needs it.
     *
     * @param seq record order within the scorecard (its event's sequence number)
     */
    public record ItemRow(String scorecardId, String assessmentId, String indicatorCode, String itemCode,
                          Judgment state, Period period, String correctsAssessmentId, long seq) {
    }

    /**
     * The assessments the rows make, by indicator code, in record order, leaving out those a correction among the rows
     * corrects (rows known at one instant: a correction known then supersedes, whatever its period).
     */
    public static java.util.Map<String, List<org.ntmrecords.events.judging.ItemsJudge.Assessment>> assessmentsOf(
            List<ItemRow> rows) {
        java.util.Set<String> corrected = new java.util.HashSet<>();
        rows.forEach(r -> {
            if (r.correctsAssessmentId() != null) {
                corrected.add(r.correctsAssessmentId());
            }
        });
        java.util.Map<String, java.util.Map<String, org.ntmrecords.events.judging.ItemsJudge.Assessment>> byIndicator =
                new java.util.LinkedHashMap<>();
        for (ItemRow row : rows) {
            if (corrected.contains(row.assessmentId())) {
                continue;
            }
            var byId = byIndicator.computeIfAbsent(row.indicatorCode(), k -> new java.util.LinkedHashMap<>());
            var current = byId.get(row.assessmentId());
            java.util.Map<String, Judgment> states = new java.util.LinkedHashMap<>(
                    current == null ? java.util.Map.of() : current.states());
            states.put(row.itemCode(), row.state());
            byId.put(row.assessmentId(), new org.ntmrecords.events.judging.ItemsJudge.Assessment(row.assessmentId(),
                    states, row.period(), current == null ? row.seq() : current.order()));
        }
        java.util.Map<String, List<org.ntmrecords.events.judging.ItemsJudge.Assessment>> result =
                new java.util.LinkedHashMap<>();
        byIndicator.forEach((code, byId) -> result.put(code, List.copyOf(byId.values())));
        return result;
    }

    /** Every assessed item of the given scorecards recorded at or before {@code at}, in record order. */
    public java.util.Map<String, List<ItemRow>> itemsKnownAt(java.util.Collection<String> scorecardIds,
                                                             java.time.Instant at) {
        if (scorecardIds.isEmpty()) {
            return java.util.Map.of();
        }
        return named.query("""
                        select scorecard_id, assessment_id, indicator_code, item_code, state, period_start, period_end,
                            corrects_assessment_id, seq
                        from read_model.indicator_item where scorecard_id in (:ids) and recorded_at <= :at
                        order by scorecard_id, seq""",
                        new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("ids", scorecardIds)
                                .addValue("at", Sql.timestamp(at)),
                        (rs, n) -> new ItemRow(rs.getString("scorecard_id"), rs.getString("assessment_id"),
                                rs.getString("indicator_code"), rs.getString("item_code"),
                                Judgment.valueOf(rs.getString("state")),
                                new Period(Sql.localDate(rs, "period_start"), Sql.localDate(rs, "period_end")),
                                rs.getString("corrects_assessment_id"), rs.getLong("seq")))
                .stream().collect(java.util.stream.Collectors.groupingBy(ItemRow::scorecardId));
    }

    private record Header(String assessmentId, Period period, String assessedBy, java.time.Instant recordedAt,
                          String recordedBy, String correctsAssessmentId, String reason, List<DocumentRef> evidence) {
    }

    private record Judged(String unitCode, String setId, Requirement requirement, String region,
                          java.math.BigDecimal threshold, Judgment result, JudgmentBasis basis) {
    }

    /**
     * The effective assessment (latest period, then latest recorded, not corrected) of the indicator, or empty when
     * the unit is not tracked against the set or none is recorded.
     */
    public Optional<ItemAssessmentView> find(String scorecardId, String indicatorCode) {
        List<Judged> judged = jdbc.query("""
                select s.unit_code, s.set_id, i.requirement::text as requirement, i.region, i.threshold, i.result,
                    i.basis
                from read_model.indicator_standing i join read_model.scorecard s on s.scorecard_id = i.scorecard_id
                where i.scorecard_id = ? and i.indicator_code = ?""", (rs, n) -> new Judged(rs.getString("unit_code"),
                rs.getString("set_id"), Json.read(rs.getString("requirement"), Requirement.class),
                rs.getString("region"), rs.getBigDecimal("threshold"), Judgment.valueOf(rs.getString("result")),
                JudgmentBasis.valueOf(rs.getString("basis"))), scorecardId, indicatorCode);
        if (judged.isEmpty()) {
            return Optional.empty();
        }
        List<Header> headers = jdbc.query("""
                select assessment_id, period_start, period_end, assessed_by, recorded_at, recorded_by,
                    corrects_assessment_id, reason, evidence::text as evidence
                from read_model.indicator_item
                where scorecard_id = ? and indicator_code = ? and corrected_by_assessment_id is null
                order by period_end desc, seq desc limit 1""", (rs, n) -> new Header(rs.getString("assessment_id"),
                new Period(Sql.localDate(rs, "period_start"), Sql.localDate(rs, "period_end")),
                rs.getString("assessed_by"), Sql.instant(rs, "recorded_at"), rs.getString("recorded_by"),
                rs.getString("corrects_assessment_id"), rs.getString("reason"),
                Json.read(rs.getString("evidence"), DOCUMENTS)), scorecardId, indicatorCode);
        if (headers.isEmpty()) {
            return Optional.empty();
        }
        Header header = headers.get(0);
        List<ItemAssessmentView.Item> items = jdbc.query("""
                select item_code, item_name, state, note from read_model.indicator_item
                where scorecard_id = ? and assessment_id = ? order by seq""",
                (rs, n) -> new ItemAssessmentView.Item(rs.getString("item_code"), rs.getString("item_name"),
                        Judgment.valueOf(rs.getString("state")), rs.getString("note")),
                scorecardId, header.assessmentId());
        Judged j = judged.get(0);
        java.math.BigDecimal threshold = j.threshold() != null ? j.threshold() : j.requirement().thresholdFor(j.region());
        return Optional.of(new ItemAssessmentView(j.unitCode(), j.setId(), indicatorCode, header.assessmentId(),
                header.period(), header.assessedBy(), header.recordedAt(), header.recordedBy(),
                header.correctsAssessmentId(), header.reason(), header.evidence(), items, threshold, j.result(),
                j.basis()));
    }
}
