package org.ntmrecords.events.judging;

import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.Period;

/** A recorded human decision on an indicator, as the rules see it; {@code order} as for {@link Entry}. */
public record Decision(String id, Judgment result, Period period, long order) {
}
