package org.ntmrecords.events.plan;

import java.time.LocalDate;
import java.util.List;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.common.DocumentRef;

/**
 * Progress on a task (an item for one unit), by its lead body or the coordination office, with its evidence.
 *
 * @param taskUnitCode        the unit of the task
 * @param date                the day the progress describes
 * @param by                  the body reporting
 * @param evidence            documents cited
 * @param evidenceDocumentIds evidence documents of the record (attachEvidence) cited
 */
public record PlanTaskProgressNotedEvent(String planId, String itemId, String taskUnitCode, String noteId,
                                         LocalDate date, BodyRef by, String note, List<DocumentRef> evidence,
                                         List<String> evidenceDocumentIds) {
    public PlanTaskProgressNotedEvent {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        evidenceDocumentIds = evidenceDocumentIds == null ? List.of() : List.copyOf(evidenceDocumentIds);
    }
}
