package org.ntmrecords.events.criteria;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What a criteria set says about recognition beyond its criteria: the residents' satisfaction a title needs, how
 * long a title is valid, and what happens to an indicator when a standard it rests on lapses. Every part is
 * optional and carries where it comes from; a part a source does not state is absent rather than guessed.
 *
 * @param satisfaction the satisfaction thresholds, or {@code null}
 * @param validity     how long a granted title holds, or {@code null} when it holds until revoked
 * @param lapses       the indicators that rest on a standard with a validity period, and what a lapse does to them
 */
public record RecognitionRules(SatisfactionRule satisfaction, ValidityRule validity, List<LapseRule> lapses) {
    public RecognitionRules {
        lapses = lapses == null ? List.of() : List.copyOf(lapses);
    }

    public Optional<LapseRule> lapse(String indicatorCode) {
        return lapses.stream().filter(l -> l.indicatorCode().equals(indicatorCode)).findFirst();
    }

    /**
     * Satisfaction thresholds in percent: {@code overallMin} for the unit as a whole, {@code perUnitMin} in every
     * unit under it (a district's communes); either may be {@code null}.
     */
    public record SatisfactionRule(BigDecimal overallMin, BigDecimal perUnitMin, String provenance) {
    }

    /** A title is valid {@code firstYears} after a first recognition and {@code renewalYears} after a re-recognition. */
    public record ValidityRule(int firstYears, int renewalYears, String provenance) {
        public int years(boolean renewal) {
            return renewal ? renewalYears : firstYears;
        }
    }

    /** What the lapse of a standard an indicator rests on does to that indicator. */
    public enum LapseEffect {
        /** The recorded value no longer stands: the indicator is marked not assessed until it is checked again. */
        RECHECK
    }

    public record LapseRule(String indicatorCode, LapseEffect effect, String provenance) {
    }
}
