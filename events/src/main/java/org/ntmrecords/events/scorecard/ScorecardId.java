package org.ntmrecords.events.scorecard;

import java.util.Objects;

/**
 * Identity of one unit's record against one criteria set: {@code <unit code>@<set id>}, e.g.
 * {@code 30049@dongthap-commune-ntm-2021-2025}. This is the consistency boundary for values and the
 * judgments computed from them.
 */
public final class ScorecardId {
    private static final char SEPARATOR = '@';

    private ScorecardId() {
    }

    public static String of(String unitCode, String setId) {
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(setId, "setId");
        return unitCode + SEPARATOR + setId;
    }

    public static String unitCodeOf(String scorecardId) {
        return scorecardId.substring(0, scorecardId.indexOf(SEPARATOR));
    }

    public static String setIdOf(String scorecardId) {
        return scorecardId.substring(scorecardId.indexOf(SEPARATOR) + 1);
    }
}
