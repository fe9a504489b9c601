package org.ntmrecords.command.plan;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.ntmrecords.command.access.AccessPolicy.Decision;
import org.ntmrecords.command.access.AccessRules;
import org.ntmrecords.command.access.Acting;
import org.ntmrecords.command.access.AccessChecks;
import org.ntmrecords.command.access.FeatureAccess;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.events.common.Message;

/**
 * Plans are issued, amended and decided on (items added, tasks closed or reopened, money recorded) by the unit's
 * people's committee or its coordination office: the district coordination office for a district and its communes,
 * the commune officer for its commune's plan, and administrators. Progress on a task is noted by its lead (a district
 * agency for the tasks it leads, a commune officer for the tasks its commune's committee leads — the plan checks the
 * lead) or by the coordination office. Only the task-closure process completes a task by judgment.
 */
public class PlanAccess implements FeatureAccess {
    /** Those who issue and decide on plans within their jurisdiction. */
    static final Set<Role> PLANNERS = Collections.unmodifiableSet(
            EnumSet.of(Role.DISTRICT_COORDINATION_OFFICE, Role.COMMUNE_OFFICER));
    /** Those who note progress on a task within their jurisdiction (the plan checks that they lead it). */
    static final Set<Role> PROGRESS = Collections.unmodifiableSet(
            EnumSet.of(Role.DISTRICT_COORDINATION_OFFICE, Role.COMMUNE_OFFICER, Role.DISTRICT_AGENCY));

    @Override
    public void register(AccessRules rules) {
        rules.on(PlanCommands.Issue.class, (acting, c, checks) ->
                        planner(acting, c.unitCode(), checks, CommandText.of("access.do.issuePlan")))
                .on(PlanCommands.Amend.class, (acting, c, checks) ->
                        planner(acting, c.unitCode(), checks, CommandText.of("access.do.amendPlan")))
                .on(PlanCommands.AddItem.class, (acting, c, checks) ->
                        planner(acting, c.unitCode(), checks, CommandText.of("access.do.amendPlan")))
                .on(PlanCommands.CloseTask.class, (acting, c, checks) ->
                        planner(acting, c.unitCode(), checks, CommandText.of("access.do.decidePlanTask")))
                .on(PlanCommands.ReopenTask.class, (acting, c, checks) ->
                        planner(acting, c.unitCode(), checks, CommandText.of("access.do.decidePlanTask")))
                .on(PlanCommands.RecordFunds.class, (acting, c, checks) ->
                        planner(acting, c.unitCode(), checks, CommandText.of("access.do.recordPlanFunds")))
                .on(PlanCommands.NoteProgress.class, (acting, c, checks) -> acting.role() == Role.ADMINISTRATOR
                        ? Decision.allow(c.taskUnitCode())
                        : checks.roleWithin(acting, c.taskUnitCode(), PROGRESS,
                        CommandText.of("access.do.notePlanProgress")))
                .on(PlanCommands.CompleteByJudgment.class, (acting, c, checks) ->
                        checks.roleWithin(acting, c.taskUnitCode(), Set.of(),
                                CommandText.of("access.do.completePlanTask")));
    }

    private static Decision planner(Acting acting, String unit, AccessChecks checks, Message what) {
        if (acting.role() == Role.ADMINISTRATOR) {
            return Decision.allow(unit);
        }
        return checks.roleWithin(acting, unit, PLANNERS, what);
    }
}
