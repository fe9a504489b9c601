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
 *
 * <p>The effective entry is kept as entries come and go, so that judging does not scan every entry of every
 * indicator of the criterion (13 % of a command thread's samples at one client, docs/benchmarks/README.md, finding
 * 18); it is worked out again from the entries only when the effective one is superseded, and after a snapshot is
 * loaded (it is not part of the snapshot).
 */
final class IndicatorRecord {
    private Map<String, Entry> entries = new LinkedHashMap<>();
    private Decision latestDecision;
    /** The effective entry while {@link #effectiveKnown}; derived from {@link #entries}, never serialised. */
    private transient Entry effective;
    private transient boolean effectiveKnown;

    Entry effectiveEntry() {
        if (!effectiveKnown) {
            effective = Recency.effective(entries.values());
            effectiveKnown = true;
        }
        return effective;
    }

    Decision latestDecision() {
        return latestDecision;
    }

    Entry entry(String id) {
        return entries.get(id);
    }

    void add(Entry entry) {
        Entry replaced = entries.put(entry.id(), entry);
        if (replaced != null) {
            effectiveKnown = false;
        } else if (effectiveKnown && (effective == null || Recency.ENTRIES.compare(entry, effective) > 0)) {
            // the same choice as Recency.effective: a later entry wins only if it compares strictly greater
            effective = entry;
        }
    }

    void supersede(String id) {
        Entry removed = entries.remove(id);
        if (removed != null && effectiveKnown && Objects.equals(removed, effective)) {
            effectiveKnown = false;
        }
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
