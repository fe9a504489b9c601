package org.ntmrecords.command.scorecard;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.Period;

/**
 * What a scorecard keeps of one indicator to judge it: the entries not superseded by a correction, and the
 * latest human decision. Superseded entries stay in the event store, not here, so the state a command needs
 * does not grow with corrections.
 */
final class IndicatorRecord {
    /** A recorded value, or a not-assessed mark ({@code value == null}). {@code order} is record order. */
    record Entry(String id, IndicatorValue value, Period period, long order) {
        boolean notAssessed() {
            return value == null;
        }

        boolean isAtLeastAsRecentAs(Decision decision) {
            int byPeriod = period.end().compareTo(decision.period().end());
            return byPeriod > 0 || (byPeriod == 0 && order > decision.order());
        }
    }

    record Decision(String id, Judgment result, Period period, long order) {
    }

    private static final Comparator<Entry> RECENCY =
            Comparator.comparing((Entry e) -> e.period().end()).thenComparingLong(Entry::order);

    private Map<String, Entry> entries = new LinkedHashMap<>();
    private Decision latestDecision;

    Entry effectiveEntry() {
        return entries.values().stream().max(RECENCY).orElse(null);
    }

    Decision latestDecision() {
        return latestDecision;
    }

    Entry entry(String id) {
        return entries.get(id);
    }

    void add(Entry entry) {
        entries.put(entry.id(), entry);
    }

    void supersede(String id) {
        entries.remove(id);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndicatorRecord that && entries.equals(that.entries)
                && java.util.Objects.equals(latestDecision, that.latestDecision);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(entries, latestDecision);
    }

    void decide(Decision decision) {
        if (latestDecision == null
                || decision.period().end().isAfter(latestDecision.period().end())
                || (!decision.period().end().isBefore(latestDecision.period().end())
                && decision.order() > latestDecision.order())) {
            latestDecision = decision;
        }
    }
}
