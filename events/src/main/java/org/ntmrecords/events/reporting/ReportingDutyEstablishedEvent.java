package org.ntmrecords.events.reporting;

import java.util.List;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.common.Deadline;
import org.ntmrecords.events.common.DocumentRef;

/**
 * A reporting duty was established: the bodies that owe a report ({@code owedBy}), the body they send it to
 * ({@code recipient}, usually the district's coordination office), and when — a schedule ("Hàng tháng vào ngày 20 …",
 * seed 000 line 134) or one due day ("mẫu số 10 … đến ngày 10/7/2024", seed 000 line 132), or neither when the source
 * states no day (a request answered by a cut-off, seed 001 line 73).
 *
 * @param dutyId            the duty's id within its unit
 * @param unitCode          the unit whose programme the reports serve (the recipient's unit, e.g. the district)
 * @param title             what is reported, as written
 * @param recipient         the body the reports go to
 * @param owedBy            the bodies that owe it, in the source's order
 * @param scheduleAsWritten the schedule as the source writes it, or null for a one-off duty
 * @param schedule          the schedule's rules; empty for a one-off duty
 * @param due               a one-off duty's deadline as written with its last day; null when scheduled or not stated
 * @param basis             the plan or letter that establishes the duty, or null when the source names none
 * @param source            where the duty is stated (e.g. {@code seed 000 line 134}), or null
 */
public record ReportingDutyEstablishedEvent(String dutyId, String unitCode, String title, BodyRef recipient,
                                            List<BodyRef> owedBy, String scheduleAsWritten,
                                            List<ScheduleRule> schedule, Deadline due, DocumentRef basis,
                                            String source) {
    public ReportingDutyEstablishedEvent {
        owedBy = List.copyOf(owedBy);
        schedule = schedule == null ? List.of() : List.copyOf(schedule);
    }
}
