package org.ntmrecords.events.plan;

import java.time.LocalDate;
import org.ntmrecords.events.common.DocumentRef;

/** A task was closed by a decision (not by its indicator being met), with the reason. */
public record PlanTaskClosedEvent(String planId, String itemId, String taskUnitCode, LocalDate date, String reason,
                                  DocumentRef decision) {
}
