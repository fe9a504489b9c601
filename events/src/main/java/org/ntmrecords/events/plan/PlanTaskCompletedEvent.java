package org.ntmrecords.events.plan;

/**
 * A task is done: the indicator it targets was judged met for its unit. Recorded by the task-closure process.
 *
 * @param judgmentEventId the IndicatorJudgedEvent (its event id) that judged the indicator met
 * @param scorecardId     the record the judgment belongs to
 */
public record PlanTaskCompletedEvent(String planId, String itemId, String taskUnitCode, String setId,
                                     String indicatorCode, String judgmentEventId, String scorecardId) {
}
