package org.ntmrecords.infra.api.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.api.Connection;
import org.ntmrecords.infra.api.CursorKeys;
import org.ntmrecords.infra.api.Paging;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.ntmrecords.query.plan.PlanReadRepository;
import org.ntmrecords.query.plan.PlanReadRepository.LeadCount;
import org.ntmrecords.query.plan.PlanReadRepository.NoteView;
import org.ntmrecords.query.plan.PlanReadRepository.PlanBudget;
import org.ntmrecords.query.plan.PlanReadRepository.PlanItemView;
import org.ntmrecords.query.plan.PlanReadRepository.PlanTaskView;
import org.ntmrecords.query.plan.PlanReadRepository.PlanView;
import org.ntmrecords.query.plan.PlanReadRepository.TaskFilter;
import org.ntmrecords.query.plan.PlanReadRepository.TaskStatus;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Plans, their tasks by status, what is overdue and due, and budgets, for a coordination office's dashboard. Nested
 * lists (a plan's items and versions, a task's row, plan and notes) are loaded in batches.
 */
@Controller
public class PlanQueries {
    static final int MAX_DAYS = 3_660;

    private final PlanReadRepository plans;
    private final Paging paging;
    private final Clock clock;

    public PlanQueries(PlanReadRepository plans, Paging paging, Clock clock) {
        this.plans = plans;
        this.paging = paging;
        this.clock = clock;
    }

    @QueryMapping
    public PlanView plan(@Argument String planId, @Argument Integer version) {
        return plans.plan(planId, version).orElse(null);
    }

    @QueryMapping
    public Connection<PlanView> plans(@Argument String unitCode, @Argument String districtCode,
                                      @Argument Integer first, @Argument String after, @Argument Integer last,
                                      @Argument String before) {
        Paging.PageRequest page = paging.request("plans", first, after, last, before);
        List<PlanView> rows = plans.plans(unitCode, districtCode, CursorKeys.keyset(page, "year",
                CursorKeys.Type.INTEGER, "id", CursorKeys.Type.TEXT));
        return paging.connection(rows, page, p -> Map.of("year", p.year(), "id", p.planId()),
                plans.countPlans(unitCode, districtCode));
    }

    @QueryMapping
    public Connection<PlanTaskView> planTasks(@Argument String unitCode, @Argument String districtCode,
                                              @Argument String planId, @Argument TaskStatus status,
                                              @Argument String leadAgencyId, @Argument LocalDate asOf,
                                              @Argument Integer first, @Argument String after,
                                              @Argument Integer last, @Argument String before) {
        return tasks("planTasks", new TaskFilter(unitCode, districtCode, planId, status, leadAgencyId, null, null,
                day(asOf)), first, after, last, before);
    }

    @QueryMapping
    public Connection<PlanTaskView> overdueTasks(@Argument String unitCode, @Argument String districtCode,
                                                 @Argument String leadAgencyId, @Argument LocalDate asOf,
                                                 @Argument Integer first, @Argument String after,
                                                 @Argument Integer last, @Argument String before) {
        return tasks("overdueTasks", new TaskFilter(unitCode, districtCode, null, TaskStatus.OVERDUE, leadAgencyId,
                null, null, day(asOf)), first, after, last, before);
    }

    @QueryMapping
    public List<LeadCount> overdueTasksByLead(@Argument String unitCode, @Argument String districtCode,
                                              @Argument LocalDate asOf) {
        return plans.overdueByLead(unitCode, districtCode, day(asOf));
    }

    @QueryMapping
    public Connection<PlanTaskView> tasksDue(@Argument Integer withinDays, @Argument String unitCode,
                                             @Argument String districtCode, @Argument LocalDate asOf,
                                             @Argument Integer first, @Argument String after, @Argument Integer last,
                                             @Argument String before) {
        if (withinDays == null || withinDays < 0 || withinDays > MAX_DAYS) {
            throw new InvalidArgumentException(ApiText.of("plan.withinDays", MAX_DAYS, String.valueOf(withinDays)));
        }
        LocalDate day = day(asOf);
        return tasks("tasksDue", new TaskFilter(unitCode, districtCode, null, TaskStatus.OPEN, null, day,
                day.plusDays(withinDays), day), first, after, last, before);
    }

    private Connection<PlanTaskView> tasks(String list, TaskFilter filter, Integer first, String after,
                                           Integer last, String before) {
        Paging.PageRequest page = paging.request(list, first, after, last, before);
        List<PlanTaskView> rows = plans.tasks(filter, CursorKeys.keyset(page, "deadline", CursorKeys.Type.DATE,
                "plan", CursorKeys.Type.TEXT, "item", CursorKeys.Type.TEXT, "unit", CursorKeys.Type.TEXT));
        return paging.connection(rows, page, t -> Map.of("deadline", t.deadlineLastDay().toString(), "plan",
                t.planId(), "item", t.itemId(), "unit", t.unitCode()), plans.countTasks(filter));
    }

    private LocalDate day(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(clock);
    }

    @QueryMapping
    public PlanBudget planBudget(@Argument String planId) {
        return plans.budget(planId).orElse(null);
    }

    @BatchMapping(typeName = "Plan", field = "items")
    public Map<PlanView, List<PlanItemView>> items(List<PlanView> list) {
        return plans.items(list);
    }

    @BatchMapping(typeName = "Plan", field = "versions")
    public Map<PlanView, List<PlanView>> versions(List<PlanView> list) {
        Map<PlanView, List<PlanView>> result = new java.util.LinkedHashMap<>();
        Map<String, List<PlanView>> byPlan = plans.versions(list.stream().map(PlanView::planId).distinct().toList());
        list.forEach(p -> result.put(p, byPlan.getOrDefault(p.planId(), List.of())));
        return result;
    }

    @BatchMapping(typeName = "PlanTask", field = "item")
    public Map<PlanTaskView, PlanItemView> item(List<PlanTaskView> tasks) {
        return plans.itemsOf(tasks);
    }

    @BatchMapping(typeName = "PlanTask", field = "planNumber")
    public Map<PlanTaskView, String> planNumber(List<PlanTaskView> tasks) {
        Map<PlanTaskView, String> result = new java.util.LinkedHashMap<>();
        plans.plansOf(tasks).forEach((task, plan) -> result.put(task, plan == null ? null : plan.number()));
        return result;
    }

    @BatchMapping(typeName = "PlanTask", field = "progress")
    public Map<PlanTaskView, List<NoteView>> progress(List<PlanTaskView> tasks) {
        return plans.notes(tasks);
    }
}
