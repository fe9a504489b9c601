package org.ntmrecords.command.scorecard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.ntmrecords.events.judging.ItemsJudge;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.Period;

/**
 * What a scorecard keeps of an itemised indicator to judge it: its assessments not corrected, each with its items'
 * states. The effective one describes the latest period (the later recorded on a tie), as for values.
 */
final class ItemsRecord {
    private Map<String, ItemsJudge.Assessment> assessments = new LinkedHashMap<>();

    ItemsJudge.Assessment effective() {
        return assessments.values().stream()
                .max(java.util.Comparator.comparing((ItemsJudge.Assessment a) -> a.period().end())
                        .thenComparingLong(ItemsJudge.Assessment::order))
                .orElse(null);
    }

    /** Adds one item's state to its assessment, opening the assessment with its first item. */
    void add(String assessmentId, String itemCode, Judgment state, Period period, long order) {
        ItemsJudge.Assessment current = assessments.get(assessmentId);
        Map<String, Judgment> states = new LinkedHashMap<>(current == null ? Map.of() : current.states());
        states.put(itemCode, state);
        assessments.put(assessmentId, new ItemsJudge.Assessment(assessmentId, states, period,
                current == null ? order : current.order()));
    }

    void supersede(String assessmentId) {
        assessments.remove(assessmentId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ItemsRecord that && assessments.equals(that.assessments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(assessments);
    }
}
