package org.ntmrecords.events.judging;

import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.Period;

/**
 * A recorded value, or a not-assessed mark ({@code value == null}), as the rules see it.
 *
 * @param order record order within the unit's scorecard (later recorded = larger)
 */
public record Entry(String id, IndicatorValue value, Period period, long order) {
    public boolean notAssessed() {
        return value == null;
    }

    /** Whether this entry describes a later period than the decision, or the same period and was recorded later. */
    public boolean isAtLeastAsRecentAs(Decision decision) {
        int byPeriod = period.end().compareTo(decision.period().end());
        return byPeriod > 0 || (byPeriod == 0 && order > decision.order());
    }
}
