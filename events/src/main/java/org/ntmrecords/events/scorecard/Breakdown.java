package org.ntmrecords.events.scorecard;

import java.math.BigDecimal;

/**
 * Part of a value attributed to a sub-unit (e.g. missing health-insurance cards per village).
 *
 * @param subUnit  the sub-unit as the source names it ({@code Phúc Ngán vài}, as seed 004 writes it)
 * @param unitCode the registered unit it is, a unit under the value's unit (a village of the commune:
 *                 {@code 15169-phuc-ngan-vai}); null when the part names no registered unit (additive: parts stored
 *                 before it read with it null)
 */
public record Breakdown(String subUnit, BigDecimal quantity, String note, String unitCode) {
    public Breakdown(String subUnit, BigDecimal quantity, String note) {
        this(subUnit, quantity, note, null);
    }
}
