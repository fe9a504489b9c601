package org.ntmrecords.events.reporting;

/**
 * How often a scheduled report is due, as seed 000 (Kế hoạch 317/KH-UBND, line 134) names them: "Hàng tháng …, quý,
 * 6 tháng, 9 tháng …, năm …". Each names its periods by a key ({@link ReportingPeriods}).
 */
public enum ReportFrequency {
    /** Hàng tháng: periods {@code 2024-03}; due on the rule's day of that month. */
    MONTHLY,
    /** Quý: periods {@code 2024-Q1}; due on the rule's day of the quarter's last month. */
    QUARTERLY,
    /** 6 tháng: the first half year, period {@code 2024-H1}; due on the rule's day of June. */
    SIX_MONTHS,
    /** 9 tháng: the first nine months, period {@code 2024-M9}; due on the rule's day of September. */
    NINE_MONTHS,
    /** Năm: period {@code 2024}; due on (or, {@code before}, the day before) the rule's day and month of that year. */
    YEARLY
}
