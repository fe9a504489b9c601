package org.ntmrecords.events.reporting;

/**
 * One line of a reporting schedule: "hàng tháng vào ngày 20 của tháng" is {@code MONTHLY, 20}; "quý … vào ngày 10
 * của tháng cuối quý" is {@code QUARTERLY, 10}; "năm trước ngày 10 tháng 11" is {@code YEARLY, 10, 11, before}.
 *
 * @param frequency which periods it covers
 * @param day       the day of the month the report is due (a month shorter than it: its last day)
 * @param month     for {@code YEARLY} only, the month of the due day; null otherwise
 * @param before    whether the report is due before that day ("trước ngày"), so by the day before it
 */
public record ScheduleRule(ReportFrequency frequency, int day, Integer month, boolean before) {
}
