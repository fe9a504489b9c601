/**
 * Targets per unit and year (chỉ tiêu, mục tiêu phấn đấu): a value to reach on an indicator, a title to reach, a number
 * of units to reach a title, a number of criteria to meet — each with its deadline as written, its source document and
 * the line that states it. Progress against a target is computed when asked, never stored.
 */
package org.ntmrecords.events.target;
