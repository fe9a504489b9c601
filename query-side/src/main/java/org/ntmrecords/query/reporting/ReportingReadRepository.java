package org.ntmrecords.query.reporting;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.common.Deadline;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.reporting.ReportingPeriods;
import org.ntmrecords.events.reporting.ScheduleRule;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.ntmrecords.query.common.Json;
import org.ntmrecords.query.common.Keyset;
import org.ntmrecords.query.common.QueryText;
import org.ntmrecords.query.common.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reporting duties, the bodies owing them, the submissions recorded, and compliance for a period. */
@Repository
public class ReportingReadRepository {
    public static final List<String> DUTY_ORDER = List.of("d.unit_code", "d.duty_id");
    public static final List<String> SUBMISSION_ORDER = List.of("s.submitted_on", "s.submission_id");
    private final NamedParameterJdbcTemplate jdbc;

    public ReportingReadRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record DutyView(String unitCode, String dutyId, String title, BodyRef recipient, List<BodyRef> owedBy,
                           String scheduleAsWritten, List<ScheduleRule> schedule, String dueAsWritten,
                           LocalDate dueLastDay, DocumentRef basis, String source, Instant establishedAt) {
        /** A one-off duty's deadline as written with its last day; null when scheduled or no day is stated. */
        public Deadline due() {
            return dueLastDay == null ? null : new Deadline(dueAsWritten, dueLastDay);
        }
    }

    public record SubmissionView(String submissionId, String unitCode, String dutyId, BodyRef body, String period,
                                 LocalDate submittedOn, DocumentRef document, String note, String correctsSubmissionId,
                                 String correctedBy, String reason, Instant recordedAt) {
    }

    /** One period of a duty as of a day: counts, and each owing body's standing. */
    public record ComplianceView(DutyView duty, String period, LocalDate dueDate, LocalDate asOf, long owedCount,
                                 long reportedCount, long onTimeCount, long lateCount, long missingCount,
                                 long notYetDueCount, List<Compliance.BodyStanding> bodies) {
    }

    private static final TypeReference<List<BodyRef>> BODIES = new TypeReference<>() { };
    private static final TypeReference<List<ScheduleRule>> RULES = new TypeReference<>() { };

    private static final RowMapper<DutyView> DUTY = (rs, n) -> new DutyView(rs.getString("unit_code"),
            rs.getString("duty_id"), rs.getString("title"), Json.read(rs.getString("recipient"), BodyRef.class),
            Json.read(rs.getString("owed_by"), BODIES), rs.getString("schedule_as_written"),
            Json.read(rs.getString("schedule"), RULES), rs.getString("due_as_written"),
            Sql.localDate(rs, "due_last_day"), Json.read(rs.getString("basis"), DocumentRef.class),
            rs.getString("source"), Sql.instant(rs, "established_at"));

    private static final RowMapper<SubmissionView> SUBMISSION = (rs, n) -> new SubmissionView(
            rs.getString("submission_id"), rs.getString("unit_code"), rs.getString("duty_id"),
            Json.read(rs.getString("body"), BodyRef.class), rs.getString("period"), Sql.localDate(rs, "submitted_on"),
            Json.read(rs.getString("document"), DocumentRef.class), rs.getString("note"), rs.getString("corrects_id"),
            rs.getString("corrected_by"), rs.getString("reason"), Sql.instant(rs, "recorded_at"));

    /** One duty. */
    public Optional<DutyView> find(String unitCode, String dutyId) {
        return jdbc.query("select * from read_model.reporting_duty d where unit_code = :u and duty_id = :d",
                Map.of("u", String.valueOf(unitCode), "d", String.valueOf(dutyId)), DUTY).stream().findFirst();
    }

    /** One submission of a duty. */
    public Optional<SubmissionView> findSubmission(String unitCode, String dutyId, String submissionId) {
        return jdbc.query("select * from read_model.report_submission s where unit_code = :u and duty_id = :d"
                        + " and submission_id = :s", Map.of("u", String.valueOf(unitCode), "d", String.valueOf(dutyId),
                        "s", String.valueOf(submissionId)), SUBMISSION).stream().findFirst();
    }

    /**
     * Duties, a page at a time: of one unit (the recipient's), and/or owed by one body (an agency, or a unit's
     * people's committee).
     */
    public List<DutyView> duties(String unitCode, String agencyId, String bodyUnitCode, Keyset page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = dutyFilter(unitCode, agencyId, bodyUnitCode, params);
        return page.inListOrder(jdbc.query("select * from read_model.reporting_duty d where " + where
                + page.condition(DUTY_ORDER, params) + page.orderAndLimit(DUTY_ORDER, params), params, DUTY));
    }

    public long countDuties(String unitCode, String agencyId, String bodyUnitCode) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Long count = jdbc.queryForObject("select count(*) from read_model.reporting_duty d where "
                + dutyFilter(unitCode, agencyId, bodyUnitCode, params), params, Long.class);
        return count == null ? 0 : count;
    }

    private static String dutyFilter(String unitCode, String agencyId, String bodyUnitCode,
                                     MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder("true");
        unitCode = Args.text("unitCode", unitCode);
        agencyId = Args.text("agencyId", agencyId);
        bodyUnitCode = Args.text("bodyUnitCode", bodyUnitCode);
        if (unitCode != null) {
            where.append(" and d.unit_code = :unit");
            params.addValue("unit", unitCode);
        }
        if (agencyId != null) {
            where.append(" and exists (select 1 from read_model.reporting_owed o where o.unit_code = d.unit_code"
                    + " and o.duty_id = d.duty_id and o.agency_id = :agency)");
            params.addValue("agency", agencyId);
        }
        if (bodyUnitCode != null) {
            where.append(" and exists (select 1 from read_model.reporting_owed o where o.unit_code = d.unit_code"
                    + " and o.duty_id = d.duty_id and o.body_unit_code = :bodyUnit)");
            params.addValue("bodyUnit", bodyUnitCode);
        }
        return where.toString();
    }

    /**
     * Submissions, a page at a time in the order received: of one duty or one unit's duties, by one body, for one
     * period; corrected ones included (they name their correction).
     */
    public List<SubmissionView> submissions(String unitCode, String dutyId, String agencyId, String bodyUnitCode,
                                            String period, Keyset page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = submissionFilter(unitCode, dutyId, agencyId, bodyUnitCode, period, params);
        return page.inListOrder(jdbc.query("select * from read_model.report_submission s where " + where
                + page.condition(SUBMISSION_ORDER, params) + page.orderAndLimit(SUBMISSION_ORDER, params), params,
                SUBMISSION));
    }

    public long countSubmissions(String unitCode, String dutyId, String agencyId, String bodyUnitCode,
                                 String period) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Long count = jdbc.queryForObject("select count(*) from read_model.report_submission s where "
                + submissionFilter(unitCode, dutyId, agencyId, bodyUnitCode, period, params), params, Long.class);
        return count == null ? 0 : count;
    }

    private static String submissionFilter(String unitCode, String dutyId, String agencyId, String bodyUnitCode,
                                           String period, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder("true");
        add(where, params, "s.unit_code", "unit", Args.text("unitCode", unitCode));
        add(where, params, "s.duty_id", "duty", Args.text("dutyId", dutyId));
        add(where, params, "s.period", "period", Args.text("period", period));
        String agency = Args.text("agencyId", agencyId);
        if (agency != null) {
            add(where, params, "s.body_key", "agencyKey", "agency:" + agency);
        }
        String bodyUnit = Args.text("bodyUnitCode", bodyUnitCode);
        if (bodyUnit != null) {
            add(where, params, "s.body_key", "unitKey", "unit:" + bodyUnit);
        }
        return where.toString();
    }

    private static void add(StringBuilder where, MapSqlParameterSource params, String column, String name,
                            String value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = :").append(name);
            params.addValue(name, value);
        }
    }

    /**
     * Compliance with one period of a duty as of a day ({@link Compliance}); empty when the unit has no such duty.
     * A scheduled duty needs a period on its schedule; a one-off duty takes none.
     */
    public Optional<ComplianceView> compliance(String unitCode, String dutyId, String period, LocalDate asOf) {
        Optional<DutyView> found = find(Args.text("unitCode", unitCode), Args.text("dutyId", dutyId));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DutyView duty = found.get();
        String key = Args.text("period", period);
        LocalDate due;
        if (duty.schedule().isEmpty()) {
            if (key != null) {
                throw new InvalidArgumentException(QueryText.of("reporting.oneOffHasNoPeriod", duty.dutyId()));
            }
            due = duty.dueLastDay();
        } else {
            ScheduleRule rule = key == null ? null : ReportingPeriods.ruleFor(duty.schedule(), key).orElse(null);
            if (rule == null) {
                throw new InvalidArgumentException(QueryText.of("reporting.periodNotScheduled",
                        String.valueOf(key), duty.dutyId()));
            }
            due = ReportingPeriods.dueDate(rule, key);
        }
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("u", duty.unitCode())
                .addValue("d", duty.dutyId()).addValue("p", key);
        List<Compliance.Received> received = jdbc.query("select submission_id, body_key, submitted_on"
                        + " from read_model.report_submission where unit_code = :u and duty_id = :d"
                        + " and corrected_by is null and period is not distinct from cast(:p as varchar)", params,
                (rs, n) -> new Compliance.Received(rs.getString("submission_id"), rs.getString("body_key"),
                        Sql.localDate(rs, "submitted_on")));
        Compliance.Result result = Compliance.of(duty.owedBy(), due, asOf, received);
        return Optional.of(new ComplianceView(duty, key, due, asOf, result.owed(), result.reported(),
                result.count(Compliance.Status.ON_TIME), result.count(Compliance.Status.LATE),
                result.count(Compliance.Status.MISSING), result.count(Compliance.Status.NOT_YET_DUE),
                result.bodies()));
    }
}
