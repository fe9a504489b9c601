package org.ntmrecords.events.common;

import java.time.LocalDate;

/**
 * A deadline as the source writes it ({@code "Tháng 6/2024"}, {@code "Quý II/2023"}, {@code "đến ngày 01/8/2024"}) and
 * the last day it allows: the end of the month or quarter named, or the day named.
 *
 * @param asWritten as the source writes it
 * @param lastDay   the last day by which it is met; a task not done by the end of this day is overdue
 */
public record Deadline(String asWritten, LocalDate lastDay) {
}
