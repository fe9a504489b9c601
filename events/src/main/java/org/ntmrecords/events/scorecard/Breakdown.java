package org.ntmrecords.events.scorecard;

import java.math.BigDecimal;

/** Part of a value attributed to a sub-unit (e.g. missing health-insurance cards per village). */
public record Breakdown(String subUnit, BigDecimal quantity, String note) {
}
