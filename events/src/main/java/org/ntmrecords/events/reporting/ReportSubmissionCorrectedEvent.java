package org.ntmrecords.events.reporting;

import java.time.LocalDate;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.common.DocumentRef;

/**
 * A recorded submission was corrected: a new submission ({@code submissionId}) takes the place of the one it names
 * ({@code correctsSubmissionId}), which stays in the record; the reason says why.
 */
public record ReportSubmissionCorrectedEvent(String dutyId, String unitCode, String submissionId,
                                             String correctsSubmissionId, BodyRef body, String period,
                                             LocalDate submittedOn, DocumentRef document, String reason) {
}
