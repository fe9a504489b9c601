package org.ntmrecords.events.judging;

import java.util.Collection;
import java.util.Comparator;

/**
 * Which entry and which decision count: the one describing the latest period, the later recorded one on a tie.
 * Corrected entries are left out by the caller before choosing.
 */
public final class Recency {
    public static final Comparator<Entry> ENTRIES =
            Comparator.comparing((Entry e) -> e.period().end()).thenComparingLong(Entry::order);
    public static final Comparator<Decision> DECISIONS =
            Comparator.comparing((Decision d) -> d.period().end()).thenComparingLong(Decision::order);

    private Recency() {
    }

    /** The effective entry among those that still count, or {@code null}. */
    public static Entry effective(Collection<Entry> entries) {
        return entries.stream().max(ENTRIES).orElse(null);
    }

    /** The latest decision, or {@code null}. */
    public static Decision latest(Collection<Decision> decisions) {
        return decisions.stream().max(DECISIONS).orElse(null);
    }
}
