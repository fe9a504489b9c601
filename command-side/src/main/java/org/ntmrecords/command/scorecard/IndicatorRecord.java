package org.ntmrecords.command.scorecard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.ntmrecords.events.judging.Decision;
import org.ntmrecords.events.judging.Entry;
import org.ntmrecords.events.judging.Recency;

/**
 * What a scorecard keeps of one indicator to judge it: the entries not superseded by a correction, and the
 * latest human decision. Superseded entries stay in the event store, not here, so the state a command needs
 * does not grow with corrections.
 */
final class IndicatorRecord {
    private Map<String, Entry> entries = new LinkedHashMap<>();
    private Decision latestDecision;

    Entry effectiveEntry() {
        return Recency.effective(entries.values());
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

    void decide(Decision decision) {
        if (latestDecision == null || Recency.DECISIONS.compare(decision, latestDecision) > 0) {
            latestDecision = decision;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndicatorRecord that && entries.equals(that.entries)
                && Objects.equals(latestDecision, that.latestDecision);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries, latestDecision);
    }
}
