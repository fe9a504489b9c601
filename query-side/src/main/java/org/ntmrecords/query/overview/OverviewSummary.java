package org.ntmrecords.query.overview;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ntmrecords.events.scorecard.Judgment;

/**
 * Units counted: how many a set rates, how many are tracked against it, how many of those meet it, do not meet it or
 * are not assessed, and how many meet how many criteria.
 */
public record OverviewSummary(int units, int tracked, int met, int notMet, int notAssessed,
                              List<CriteriaMetCount> byCriteriaMet) {
    public OverviewSummary {
        byCriteriaMet = List.copyOf(byCriteriaMet);
    }

    /** How many tracked units meet {@code criteriaMet} of {@code criteriaTotal} criteria (18 of 19). */
    public record CriteriaMetCount(int criteriaMet, int criteriaTotal, int units) {
    }

    /** Counts units one at a time. */
    public static final class Counter {
        private int units;
        private int tracked;
        private int met;
        private int notMet;
        private int notAssessed;
        private final Map<Long, Integer> byCriteriaMet = new TreeMap<>();

        /** A unit the set rates that is not tracked against it (or not judged: no version in force). */
        public void untracked() {
            units++;
        }

        /** A tracked unit and its standing. */
        public void tracked(Judgment result, int criteriaMet, int criteriaTotal) {
            units++;
            tracked++;
            switch (result) {
                case MET -> met++;
                case NOT_MET -> notMet++;
                case NOT_ASSESSED -> notAssessed++;
            }
            byCriteriaMet.merge(((long) criteriaMet << 32) | criteriaTotal, 1, Integer::sum);
        }

        public OverviewSummary summary() {
            List<CriteriaMetCount> counts = new ArrayList<>();
            byCriteriaMet.forEach((key, n) -> counts.add(new CriteriaMetCount((int) (key >>> 32), (int) (long) key, n)));
            return new OverviewSummary(units, tracked, met, notMet, notAssessed, counts);
        }
    }
}
