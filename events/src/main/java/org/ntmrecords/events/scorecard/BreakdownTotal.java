package org.ntmrecords.events.scorecard;

import java.math.BigDecimal;

/**
 * The unit's own figure that a value's breakdown splits, as the source states it: seed 004 line 141 gives the
 * commune's 273 missing health-insurance cards, then the cards missing in each village. The parts are checked
 * against it when read; they are never made to agree.
 *
 * @param quantity the unit's figure, in the parts' unit (273)
 * @param measure  what is counted, as written ({@code thẻ BHYT còn thiếu}); may be null
 */
public record BreakdownTotal(BigDecimal quantity, String measure) {
}
