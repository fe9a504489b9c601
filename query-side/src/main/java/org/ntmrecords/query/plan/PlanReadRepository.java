package org.ntmrecords.query.plan;

import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.common.Deadline;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.common.Money;
import org.ntmrecords.events.plan.FundingSource;
import org.ntmrecords.events.plan.FundingStage;
import org.ntmrecords.events.plan.PlanAim;
import org.ntmrecords.events.plan.PlannedFunding;
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

/**
 * Plans, their items and tasks, progress notes and budgets, from the plan tables. A task's status is read against a
 * business date: an open task whose deadline's last day is before that date is OVERDUE — computed here, never stored.
 */
@Repository
public class PlanReadRepository {
    private final NamedParameterJdbcTemplate jdbc;

    public PlanReadRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A task's status on a day: OPEN (not yet past its deadline), OVERDUE, DONE (its indicator judged met), CLOSED. */
    public enum TaskStatus { OPEN, OVERDUE, DONE, CLOSED }

    public record PlanView(String planId, int version, int latestVersion, String unitCode, String number,
                           String annexNumber, LocalDate date, BodyRef issuer, int year, String title,
                           List<PlanAim> aims, List<DocumentRef> legalBases, LocalDate versionDate, String changes,
                           String reason, DocumentRef document, Instant recordedAt, String recordedBy,
                           String dateAsWritten) {
    }

    public record PlanItemView(String planId, String itemId, int planVersion, String row, String setId,
                               String criterionCode, String indicatorCode, String content, List<String> unitCodes,
                               String requirement, String stateAsWritten, List<String> stateValueEventIds,
                               String stateJudgmentEventId, String solution, BodyRef lead, List<BodyRef> coordinating,
                               Deadline deadline, Money cost, List<PlannedFunding> funding) {
        public String key() {
            return planId + "/" + itemId;
        }
    }

    public record PlanTaskView(String planId, String itemId, String unitCode, String planUnitCode, String setId,
                               String indicatorCode, String leadName, String leadAgencyId, String leadUnitCode,
                               LocalDate deadlineLastDay, TaskStatus status, LocalDate asOf, LocalDate statusDate,
                               String statusReason, DocumentRef statusDecision, String completedByEventId,
                               String completedScorecardId, Instant changedAt, String changedBy) {
        public String taskId() {
            return planId + "/" + itemId + "@" + unitCode;
        }

        public String itemKey() {
            return planId + "/" + itemId;
        }

        /**
         * Days from the business date to the deadline's last day (negative: that many days overdue); null for a task
         * done or closed, which no deadline presses.
         */
        public Long daysLeft() {
            return status == TaskStatus.DONE || status == TaskStatus.CLOSED ? null
                    : java.time.temporal.ChronoUnit.DAYS.between(asOf, deadlineLastDay);
        }
    }

    public record NoteView(String noteId, LocalDate date, BodyRef by, String note, List<DocumentRef> evidence,
                           List<String> evidenceDocumentIds, Instant recordedAt, String recordedBy) {
    }

    public record LeadCount(String leadName, String leadAgencyId, long overdue) {
    }

    /** An amount in đồng and the words of the entries it sums ("300 triệu"; several joined with " + "). */
    public record Amount(BigDecimal vnd, String asWritten) {
        static final Amount ZERO = new Amount(BigDecimal.ZERO, null);

        Amount plus(BigDecimal more, String words) {
            String joined = words == null ? asWritten : asWritten == null ? words : asWritten + " + " + words;
            return new Amount(vnd.add(more), joined);
        }
    }

    public record SourceBudget(FundingSource source, String sourceAsWritten, Amount planned, Amount mobilised,
                               Amount disbursed, BigDecimal mobilisedPercent, BigDecimal disbursedPercent,
                               List<String> statedShares) {
    }

    public record ItemBudget(String itemId, String row, String content, Money cost, Amount planned, Amount mobilised,
                             Amount disbursed, BigDecimal mobilisedPercent, BigDecimal disbursedPercent,
                             List<SourceBudget> sources) {
    }

    public record PlanBudget(String planId, Amount planned, Amount mobilised, Amount disbursed,
                             BigDecimal mobilisedPercent, BigDecimal disbursedPercent, List<ItemBudget> items) {
    }

    // ---- plans -----------------------------------------------------------------------------------------------------

    private static final RowMapper<PlanView> PLAN = (rs, n) -> new PlanView(rs.getString("plan_id"),
            rs.getInt("version"), rs.getInt("latest_version"), rs.getString("unit_code"), rs.getString("number"),
            rs.getString("annex_number"), Sql.localDate(rs, "plan_date"),
            Json.read(rs.getString("issuer"), BodyRef.class), rs.getInt("year"), rs.getString("title"),
            Json.read(rs.getString("aims"), new TypeReference<List<PlanAim>>() { }),
            Json.read(rs.getString("legal_bases"), new TypeReference<List<DocumentRef>>() { }),
            Sql.localDate(rs, "version_date"), rs.getString("changes"), rs.getString("reason"),
            Json.read(rs.getString("document"), DocumentRef.class), Sql.instant(rs, "recorded_at"),
            rs.getString("recorded_by"), rs.getString("date_as_written"));

    private static final String PLAN_SELECT = """
            select v.*, (select max(version) from read_model.plan_version l where l.plan_id = v.plan_id)
                as latest_version
            from read_model.plan_version v""";

    /** A plan at a version (the latest when null). */
    public Optional<PlanView> plan(String planId, Integer version) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", Args.text("planId", planId));
        String which = version == null
                ? "v.version = (select max(version) from read_model.plan_version l where l.plan_id = v.plan_id)"
                : "v.version = :version";
        params.addValue("version", version);
        return jdbc.query(PLAN_SELECT + " where v.plan_id = :id and " + which, params, PLAN).stream().findFirst();
    }

    /** Every version of each plan, oldest first, in one query for the whole list. */
    public Map<String, List<PlanView>> versions(List<String> planIds) {
        if (planIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.query(PLAN_SELECT + " where v.plan_id in (:ids) order by v.plan_id, v.version",
                new MapSqlParameterSource("ids", planIds), PLAN).stream()
                .collect(Collectors.groupingBy(PlanView::planId, LinkedHashMap::new, Collectors.toList()));
    }

    public static final List<String> PLAN_ORDER = List.of("v.year", "v.plan_id");

    /** The latest versions of the plans of a unit, or of a district and the units directly under it. */
    public List<PlanView> plans(String unitCode, String districtCode, Keyset page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = plansWhere(unitCode, districtCode, params);
        return page.inListOrder(jdbc.query(PLAN_SELECT + " where " + where + page.condition(PLAN_ORDER, params)
                + page.orderAndLimit(PLAN_ORDER, params), params, PLAN));
    }

    public long countPlans(String unitCode, String districtCode) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Long count = jdbc.queryForObject("select count(*) from read_model.plan_version v where "
                + plansWhere(unitCode, districtCode, params), params, Long.class);
        return count == null ? 0 : count;
    }

    private static String plansWhere(String unitCode, String districtCode, MapSqlParameterSource params) {
        return "v.version = (select max(version) from read_model.plan_version l where l.plan_id = v.plan_id) and "
                + scope("v.unit_code", unitCode, districtCode, params);
    }

    /** The units a query is about: one unit, or a district (or any parent) and the units directly under it. */
    private static String scope(String column, String unitCode, String districtCode, MapSqlParameterSource params) {
        if ((unitCode == null) == (districtCode == null)) {
            throw new InvalidArgumentException(QueryText.of("plan.scope"));
        }
        if (unitCode != null) {
            params.addValue("unit", Args.text("unitCode", unitCode));
            return column + " = :unit";
        }
        params.addValue("district", Args.text("districtCode", districtCode));
        return column + " in (select code from read_model.unit where code = :district or parent_code = :district)";
    }

    // ---- items -----------------------------------------------------------------------------------------------------

    private static final RowMapper<PlanItemView> ITEM = (rs, n) -> new PlanItemView(rs.getString("plan_id"),
            rs.getString("item_id"), rs.getInt("plan_version"), rs.getString("row_label"), rs.getString("set_id"),
            rs.getString("criterion_code"), rs.getString("indicator_code"), rs.getString("content"),
            Sql.strings(rs, "unit_codes"), rs.getString("requirement"), rs.getString("state_as_written"),
            Sql.strings(rs, "state_value_event_ids"), rs.getString("state_judgment_event_id"),
            rs.getString("solution"), Json.read(rs.getString("lead"), BodyRef.class),
            Json.read(rs.getString("coordinating"), new TypeReference<List<BodyRef>>() { }),
            new Deadline(rs.getString("deadline_as_written"), Sql.localDate(rs, "deadline_last_day")),
            rs.getBigDecimal("cost_vnd") == null ? null
                    : new Money(rs.getBigDecimal("cost_vnd"), rs.getString("cost_as_written")),
            Json.read(rs.getString("funding"), new TypeReference<List<PlannedFunding>>() { }));

    /** The items of each plan version (those added up to that version), in the order they were added. */
    public Map<PlanView, List<PlanItemView>> items(List<PlanView> plans) {
        List<String> ids = plans.stream().map(PlanView::planId).distinct().toList();
        Map<String, List<PlanItemView>> found = ids.isEmpty() ? Map.of() : jdbc.query("""
                        select * from read_model.plan_item where plan_id in (:ids) order by added_at, item_id""",
                new MapSqlParameterSource("ids", ids), ITEM).stream()
                .collect(Collectors.groupingBy(PlanItemView::planId));
        Map<PlanView, List<PlanItemView>> result = new LinkedHashMap<>();
        plans.forEach(p -> result.put(p, found.getOrDefault(p.planId(), List.of()).stream()
                .filter(i -> i.planVersion() <= p.version()).toList()));
        return result;
    }

    /** The item of each task, in one query for the whole list. */
    public Map<PlanTaskView, PlanItemView> itemsOf(List<PlanTaskView> tasks) {
        List<String> keys = tasks.stream().map(PlanTaskView::itemKey).distinct().toList();
        Map<String, PlanItemView> found = keys.isEmpty() ? Map.of() : jdbc.query("""
                        select * from read_model.plan_item where plan_id || '/' || item_id in (:keys)""",
                new MapSqlParameterSource("keys", keys), ITEM).stream()
                .collect(Collectors.toMap(PlanItemView::key, i -> i));
        Map<PlanTaskView, PlanItemView> result = new LinkedHashMap<>();
        tasks.forEach(t -> result.put(t, found.get(t.itemKey())));
        return result;
    }

    /** The number each task's plan is known by, in one query for the whole list. */
    public Map<PlanTaskView, PlanView> plansOf(List<PlanTaskView> tasks) {
        List<String> ids = tasks.stream().map(PlanTaskView::planId).distinct().toList();
        Map<String, PlanView> found = ids.isEmpty() ? Map.of() : jdbc.query(PLAN_SELECT + """
                         where v.plan_id in (:ids) and v.version =
                         (select max(version) from read_model.plan_version l where l.plan_id = v.plan_id)""".indent(1),
                new MapSqlParameterSource("ids", ids), PLAN).stream()
                .collect(Collectors.toMap(PlanView::planId, p -> p));
        Map<PlanTaskView, PlanView> result = new LinkedHashMap<>();
        tasks.forEach(t -> result.put(t, found.get(t.planId())));
        return result;
    }

    // ---- tasks -----------------------------------------------------------------------------------------------------

    /** Which tasks: of a unit or a district, of a plan, by status on {@code asOf}, by lead agency, by deadline. */
    public record TaskFilter(String unitCode, String districtCode, String planId, TaskStatus status,
                             String leadAgencyId, LocalDate deadlineFrom, LocalDate deadlineTo, LocalDate asOf) {
    }

    public static final List<String> TASK_ORDER = List.of("t.deadline_last_day", "t.plan_id", "t.item_id",
            "t.unit_code");

    private static RowMapper<PlanTaskView> task(LocalDate asOf) {
        return (rs, n) -> {
            LocalDate deadline = Sql.localDate(rs, "deadline_last_day");
            String recorded = rs.getString("status");
            TaskStatus status = switch (recorded) {
                case "DONE" -> TaskStatus.DONE;
                case "CLOSED" -> TaskStatus.CLOSED;
                default -> deadline.isBefore(asOf) ? TaskStatus.OVERDUE : TaskStatus.OPEN;
            };
            return new PlanTaskView(rs.getString("plan_id"), rs.getString("item_id"), rs.getString("unit_code"),
                    rs.getString("plan_unit_code"), rs.getString("set_id"), rs.getString("indicator_code"),
                    rs.getString("lead_name"), rs.getString("lead_agency_id"), rs.getString("lead_unit_code"),
                    deadline, status, asOf, Sql.localDate(rs, "status_date"), rs.getString("status_reason"),
                    Json.read(rs.getString("status_decision"), DocumentRef.class),
                    rs.getString("completed_by_event_id"), rs.getString("completed_scorecard_id"),
                    Sql.instant(rs, "changed_at"), rs.getString("changed_by"));
        };
    }

    public List<PlanTaskView> tasks(TaskFilter filter, Keyset page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = tasksWhere(filter, params);
        return page.inListOrder(jdbc.query("select * from read_model.plan_task t where " + where
                + page.condition(TASK_ORDER, params) + page.orderAndLimit(TASK_ORDER, params), params,
                task(filter.asOf())));
    }

    /** One task, its status read on {@code asOf}. */
    public Optional<PlanTaskView> task(String planId, String itemId, String unitCode, LocalDate asOf) {
        return jdbc.query("""
                select * from read_model.plan_task t where t.plan_id = :plan and t.item_id = :item
                and t.unit_code = :unit""", new MapSqlParameterSource("plan", planId).addValue("item", itemId)
                .addValue("unit", unitCode), task(asOf)).stream().findFirst();
    }

    public long countTasks(TaskFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Long count = jdbc.queryForObject("select count(*) from read_model.plan_task t where "
                + tasksWhere(filter, params), params, Long.class);
        return count == null ? 0 : count;
    }

    /** Overdue tasks on {@code asOf} counted by lead body, most overdue first (then by name). */
    public List<LeadCount> overdueByLead(String unitCode, String districtCode, LocalDate asOf) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = tasksWhere(new TaskFilter(unitCode, districtCode, null, TaskStatus.OVERDUE, null, null, null,
                asOf), params);
        return jdbc.query("select t.lead_name, t.lead_agency_id, count(*) as overdue from read_model.plan_task t where "
                        + where + " group by t.lead_name, t.lead_agency_id order by overdue desc, t.lead_name,"
                        + " t.lead_agency_id", params,
                (rs, n) -> new LeadCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }

    private static String tasksWhere(TaskFilter f, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder(f.planId() != null && f.unitCode() == null && f.districtCode() == null
                ? "true" : scope("t.unit_code", f.unitCode(), f.districtCode(), params));
        if (f.planId() != null) {
            where.append(" and t.plan_id = :plan");
            params.addValue("plan", Args.text("planId", f.planId()));
        }
        params.addValue("asOf", Sql.date(f.asOf()));
        if (f.status() != null) {
            where.append(switch (f.status()) {
                case OPEN -> " and t.status = 'OPEN' and t.deadline_last_day >= :asOf";
                case OVERDUE -> " and t.status = 'OPEN' and t.deadline_last_day < :asOf";
                case DONE -> " and t.status = 'DONE'";
                case CLOSED -> " and t.status = 'CLOSED'";
            });
        }
        if (f.leadAgencyId() != null) {
            where.append(" and t.lead_agency_id = :lead");
            params.addValue("lead", Args.text("leadAgencyId", f.leadAgencyId()));
        }
        if (f.deadlineFrom() != null) {
            where.append(" and t.deadline_last_day >= :from");
            params.addValue("from", Sql.date(f.deadlineFrom()));
        }
        if (f.deadlineTo() != null) {
            where.append(" and t.deadline_last_day <= :to");
            params.addValue("to", Sql.date(f.deadlineTo()));
        }
        return where.toString();
    }

    /** The progress notes of each task, oldest first, in one query for the whole list. */
    public Map<PlanTaskView, List<NoteView>> notes(List<PlanTaskView> tasks) {
        List<String> keys = tasks.stream().map(PlanTaskView::taskId).distinct().toList();
        Map<String, List<NoteView>> found = new LinkedHashMap<>();
        if (!keys.isEmpty()) {
            jdbc.query("""
                    select * from read_model.plan_task_note
                    where plan_id || '/' || item_id || '@' || unit_code in (:keys)
                    order by note_date, recorded_at, note_id""", new MapSqlParameterSource("keys", keys), rs -> {
                    String key = rs.getString("plan_id") + "/" + rs.getString("item_id") + "@"
                            + rs.getString("unit_code");
                    found.computeIfAbsent(key, k -> new ArrayList<>()).add(note(rs));
                });
        }
        Map<PlanTaskView, List<NoteView>> result = new LinkedHashMap<>();
        tasks.forEach(t -> result.put(t, found.getOrDefault(t.taskId(), List.of())));
        return result;
    }

    private static NoteView note(ResultSet rs) throws SQLException {
        return new NoteView(rs.getString("note_id"), Sql.localDate(rs, "note_date"),
                Json.read(rs.getString("noted_by_body"), BodyRef.class), rs.getString("note"),
                Json.read(rs.getString("evidence"), new TypeReference<List<DocumentRef>>() { }),
                Sql.strings(rs, "evidence_document_ids"), Sql.instant(rs, "recorded_at"), rs.getString("recorded_by"));
    }

    // ---- budget ----------------------------------------------------------------------------------------------------

    /**
     * A plan's budget: per item and source the planned amount (the item's funding), what was mobilised and disbursed
     * (every recorded entry summed), and the shares reached in percent — exact sums, the share rounded half-up to two
     * decimals and null where nothing is planned. An item with no planned amount per source counts its cost estimate
     * as planned.
     */
    public Optional<PlanBudget> budget(String planId) {
        Optional<PlanView> plan = plan(planId, null);
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        List<PlanItemView> items = items(List.of(plan.get())).get(plan.get());
        record Funds(String itemId, FundingSource source, String sourceAsWritten, FundingStage stage, BigDecimal vnd,
                     String asWritten, String statedShare) {
        }
        List<Funds> funds = jdbc.query("""
                        select * from read_model.plan_funds where plan_id = :id
                        order by funds_date, recorded_at, funds_id""",
                new MapSqlParameterSource("id", planId), (rs, n) -> new Funds(rs.getString("item_id"),
                        FundingSource.valueOf(rs.getString("source")), rs.getString("source_as_written"),
                        FundingStage.valueOf(rs.getString("stage")), rs.getBigDecimal("amount_vnd"),
                        rs.getString("amount_as_written"), rs.getString("stated_share")));
        Amount planTotal = Amount.ZERO;
        Amount planMobilised = Amount.ZERO;
        Amount planDisbursed = Amount.ZERO;
        List<ItemBudget> itemBudgets = new ArrayList<>();
        for (PlanItemView item : items) {
            Map<FundingSource, SourceBudget> sources = new LinkedHashMap<>();
            for (PlannedFunding f : item.funding()) {
                SourceBudget s = sources.getOrDefault(f.source(), new SourceBudget(f.source(), f.asWritten(),
                        Amount.ZERO, Amount.ZERO, Amount.ZERO, null, null, List.of()));
                Amount planned = f.amount() == null ? s.planned()
                        : s.planned().plus(f.amount().vnd(), f.amount().asWritten());
                sources.put(f.source(), new SourceBudget(f.source(), s.sourceAsWritten(), planned, s.mobilised(),
                        s.disbursed(), null, null, s.statedShares()));
            }
            for (Funds f : funds) {
                if (!f.itemId().equals(item.itemId())) {
                    continue;
                }
                SourceBudget s = sources.getOrDefault(f.source(), new SourceBudget(f.source(), f.sourceAsWritten(),
                        Amount.ZERO, Amount.ZERO, Amount.ZERO, null, null, List.of()));
                List<String> stated = new ArrayList<>(s.statedShares());
                if (f.statedShare() != null) {
                    stated.add(f.statedShare());
                }
                sources.put(f.source(), new SourceBudget(f.source(), s.sourceAsWritten(), s.planned(),
                        f.stage() == FundingStage.MOBILISED ? s.mobilised().plus(f.vnd(), f.asWritten())
                                : s.mobilised(),
                        f.stage() == FundingStage.DISBURSED ? s.disbursed().plus(f.vnd(), f.asWritten())
                                : s.disbursed(), null, null, List.copyOf(stated)));
            }
            Amount planned = Amount.ZERO;
            Amount mobilised = Amount.ZERO;
            Amount disbursed = Amount.ZERO;
            List<SourceBudget> sourceBudgets = new ArrayList<>();
            for (SourceBudget s : sources.values()) {
                planned = planned.plus(s.planned().vnd(), s.planned().asWritten());
                mobilised = mobilised.plus(s.mobilised().vnd(), s.mobilised().asWritten());
                disbursed = disbursed.plus(s.disbursed().vnd(), s.disbursed().asWritten());
                sourceBudgets.add(new SourceBudget(s.source(), s.sourceAsWritten(), s.planned(), s.mobilised(),
                        s.disbursed(), percent(s.mobilised(), s.planned()), percent(s.disbursed(), s.planned()),
                        s.statedShares()));
            }
            if (planned.vnd().signum() == 0 && item.cost() != null) {
                planned = new Amount(item.cost().vnd(), item.cost().asWritten());
            }
            itemBudgets.add(new ItemBudget(item.itemId(), item.row(), item.content(), item.cost(), planned, mobilised,
                    disbursed, percent(mobilised, planned), percent(disbursed, planned), sourceBudgets));
            planTotal = planTotal.plus(planned.vnd(), planned.asWritten());
            planMobilised = planMobilised.plus(mobilised.vnd(), mobilised.asWritten());
            planDisbursed = planDisbursed.plus(disbursed.vnd(), disbursed.asWritten());
        }
        return Optional.of(new PlanBudget(planId, planTotal, planMobilised, planDisbursed,
                percent(planMobilised, planTotal), percent(planDisbursed, planTotal), itemBudgets));
    }

    /** {@code part} as a percentage of {@code whole}, half-up to two decimals; null when nothing is planned. */
    static BigDecimal percent(Amount part, Amount whole) {
        if (whole.vnd().signum() == 0) {
            return null;
        }
        return part.vnd().multiply(BigDecimal.valueOf(100)).divide(whole.vnd(), 2, RoundingMode.HALF_UP);
    }
}
