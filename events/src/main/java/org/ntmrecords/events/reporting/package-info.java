/**
 * Reporting duties (chế độ báo cáo): who owes which report to whom, on which schedule or by which day, on which basis;
 * the reports submitted and their corrections. Compliance for a period is computed from these, never stored.
 */
package org.ntmrecords.events.reporting;
