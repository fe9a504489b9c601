package org.ntmrecords.events.plan;

import java.time.LocalDate;
import org.ntmrecords.events.common.DocumentRef;

/** A done or closed task was reopened by a decision, with the reason. */
public record PlanTaskReopenedEvent(String planId, String itemId, String taskUnitCode, LocalDate date, String reason,
                                    DocumentRef decision) {
}
