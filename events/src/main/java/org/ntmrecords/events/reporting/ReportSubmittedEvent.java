package org.ntmrecords.events.reporting;

import java.time.LocalDate;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.common.DocumentRef;

/**
 * A body that owes a duty's report submitted it: for which period, on which day (business time: when the recipient
 * received it, as the source states), with which document.
 *
 * @param period      the period key ({@link ReportingPeriods}); null for a one-off duty
 * @param submittedOn the day the report reached the recipient
 * @param document    the report (its number as written, date, issuer), or null when the source gives none
 * @param note        a note, or null
 */
public record ReportSubmittedEvent(String dutyId, String unitCode, String submissionId, BodyRef body, String period,
                                   LocalDate submittedOn, DocumentRef document, String note) {
}
