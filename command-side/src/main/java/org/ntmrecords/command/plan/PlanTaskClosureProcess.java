package org.ntmrecords.command.plan;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.ntmrecords.command.common.SystemTasks;
import org.ntmrecords.command.common.WriteSide;
import org.ntmrecords.events.EventMetadata;
import org.ntmrecords.events.plan.PlanItemAddedEvent;
import org.ntmrecords.events.plan.PlanTaskClosedEvent;
import org.ntmrecords.events.plan.PlanTaskCompletedEvent;
import org.ntmrecords.events.plan.PlanTaskReopenedEvent;
import org.ntmrecords.events.scorecard.IndicatorJudgedEvent;
import org.ntmrecords.events.scorecard.Judgment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Closes the open tasks that target an indicator when the indicator is judged met for their unit: each gets a
 * {@link PlanCommands.CompleteByJudgment} naming the judgment event, sent as the task {@value #TASK} under the
 * judgment's correlation id. Its registry ({@code process.plan_task_target}: which open task targets which unit, set
 * and indicator) is built from the plan events by this process's own tracking processor, in store order, so a
 * judgment finds every task recorded before it. A failure is rethrown, so the processor retries the event rather
 * than skipping it; completing is idempotent (a judgment already used, or a task no longer open, records nothing), so
 * a replay from the start (a reset empties the registry) records nothing twice. The registry also keeps the latest
 * judgment of every indicator ({@code process.plan_indicator_judgment}), so that a task added for an indicator
 * already judged met is done at once, naming that judgment (the judgment preceding the row in store order).
 */
@Component
@WriteSide
@ProcessingGroup(PlanTaskClosureProcess.PROCESSING_GROUP)
public class PlanTaskClosureProcess {
    public static final String PROCESSING_GROUP = "plan-task-closure";
    public static final String TASK = "plan-task-closure";

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final SystemTasks tasks;

    public PlanTaskClosureProcess(JdbcTemplate jdbc, CommandGateway commands, SystemTasks tasks) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.tasks = tasks;
    }

    @ResetHandler
    public void reset() {
        jdbc.update("delete from process.plan_task_target");
        jdbc.update("delete from process.plan_indicator_judgment");
    }

    @EventHandler
    public void on(PlanItemAddedEvent event, EventMessage<?> message,
            @MetaDataValue(EventMetadata.CORRELATION_ID) String correlationId) throws Exception {
        if (event.setId() == null || event.indicatorCode() == null) {
            return;
        }
        for (String unit : event.unitCodes()) {
            jdbc.update("""
                    insert into process.plan_task_target (plan_id, item_id, unit_code, set_id, indicator_code, open)
                    values (?, ?, ?, ?, ?, true) on conflict (plan_id, item_id, unit_code) do nothing""",
                    event.planId(), event.itemId(), unit, event.setId(), event.indicatorCode());
            List<String[]> met = jdbc.query("""
                    select judgment_event_id, scorecard_id from process.plan_indicator_judgment
                    where unit_code = ? and set_id = ? and indicator_code = ? and met""",
                    (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, unit, event.setId(),
                    event.indicatorCode());
            for (String[] judgment : met) {
                complete(new Target(event.planId(), event.itemId(), unit), judgment[0], judgment[1],
                        correlationId == null ? message.getIdentifier() : correlationId);
            }
        }
    }

    @EventHandler
    public void on(PlanTaskCompletedEvent event) {
        open(event.planId(), event.itemId(), event.taskUnitCode(), false);
    }

    @EventHandler
    public void on(PlanTaskClosedEvent event) {
        open(event.planId(), event.itemId(), event.taskUnitCode(), false);
    }

    @EventHandler
    public void on(PlanTaskReopenedEvent event) {
        open(event.planId(), event.itemId(), event.taskUnitCode(), true);
    }

    private void open(String planId, String itemId, String unit, boolean open) {
        jdbc.update("update process.plan_task_target set open = ? where plan_id = ? and item_id = ? and unit_code = ?",
                open, planId, itemId, unit);
    }

    record Target(String planId, String itemId, String unitCode) {
    }

    @EventHandler
    public void on(IndicatorJudgedEvent event, EventMessage<?> message,
            @MetaDataValue(EventMetadata.CORRELATION_ID) String correlationId) throws Exception {
        jdbc.update("""
                insert into process.plan_indicator_judgment (unit_code, set_id, indicator_code, met, judgment_event_id,
                    scorecard_id) values (?, ?, ?, ?, ?, ?)
                on conflict (unit_code, set_id, indicator_code) do update set met = excluded.met,
                    judgment_event_id = excluded.judgment_event_id, scorecard_id = excluded.scorecard_id""",
                event.unitCode(), event.setId(), event.indicatorCode(), event.result() == Judgment.MET,
                message.getIdentifier(), event.scorecardId());
        if (event.result() != Judgment.MET) {
            return;
        }
        List<Target> open = jdbc.query("""
                select plan_id, item_id, unit_code from process.plan_task_target
                where unit_code = ? and set_id = ? and indicator_code = ? and open
                order by plan_id, item_id""", (rs, i) -> new Target(rs.getString(1), rs.getString(2),
                rs.getString(3)), event.unitCode(), event.setId(), event.indicatorCode());
        for (Target target : open) {
            complete(target, message.getIdentifier(), event.scorecardId(),
                    correlationId == null ? message.getIdentifier() : correlationId);
        }
    }

    private void complete(Target target, String judgmentEventId, String scorecardId, String correlationId)
            throws Exception {
        tasks.run(TASK, correlationId, () -> commands.sendAndWait(new PlanCommands.CompleteByJudgment(
                Plan.streamId(target.planId()), target.itemId(), target.unitCode(), judgmentEventId, scorecardId)));
        open(target.planId(), target.itemId(), target.unitCode(), false);
    }
}
