package org.ntmrecords.events.criteria;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.ntmrecords.events.unit.UnitKind;

/**
 * What a criteria set says about recognition beyond its criteria: the residents' satisfaction a title needs, how
 * long a title is valid, and what happens to an indicator when a standard it rests on lapses. Every part is
 * optional and carries where it comes from; a part a source does not state is absent rather than guessed.
 *
 * @param satisfaction the satisfaction thresholds, or {@code null}
 * @param validity     how long a granted title holds, or {@code null} when it holds until revoked
 * @param lapses       the indicators that rest on a standard with a validity period, and what a lapse does to them
 * @param conditions   what a title needs beyond the set's criteria, as the sources state them (a district title's
 *                     communes and townships, satisfaction, debt); empty for sets that state none
 * @param replaces     the older sets whose titles are judged by this set now (a title of 2019 under the 2016-2020 set
 *                     is at risk, and re-qualifies, by this one), each with its source and how their criteria map
 */
public record RecognitionRules(SatisfactionRule satisfaction, ValidityRule validity, List<LapseRule> lapses,
                               List<UnitCondition> conditions, List<SetReplacement> replaces) {
    public RecognitionRules {
        lapses = lapses == null ? List.of() : List.copyOf(lapses);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        replaces = replaces == null ? List.of() : List.copyOf(replaces);
    }

    public RecognitionRules(SatisfactionRule satisfaction, ValidityRule validity, List<LapseRule> lapses) {
        this(satisfaction, validity, lapses, List.of(), List.of());
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

    /** How a condition of a title is judged from the record. */
    public enum ConditionKind {
        /**
         * At least {@code minPercent} % of the units directly under the unit of the kinds named hold a title of
         * one of the grades named (granted, neither revoked nor lapsed).
         */
        TITLES_HELD,
        /** The case's satisfaction survey meets the set's satisfaction rule (see {@link SatisfactionRule}). */
        SATISFACTION,
        /** No outstanding capital-construction debt (nợ đọng xây dựng cơ bản), as the verification found it. */
        NO_CONSTRUCTION_DEBT
    }

    /**
     * A condition a title rests on besides the set's criteria, judged in three states like a criterion.
     *
     * @param code       the condition's number as the source gives it
     * @param text       the condition as the source words it
     * @param unitKinds  for {@link ConditionKind#TITLES_HELD}: the kinds of unit counted (communes, townships)
     * @param grades     for {@link ConditionKind#TITLES_HELD}: the titles that count
     * @param minPercent for {@link ConditionKind#TITLES_HELD}: the share of those units that must hold one
     */
    public record UnitCondition(String code, String text, ConditionKind kind, List<UnitKind> unitKinds,
                                List<Grade> grades, BigDecimal minPercent, String provenance) {
        public UnitCondition {
            unitKinds = unitKinds == null ? List.of() : List.copyOf(unitKinds);
            grades = grades == null ? List.of() : List.copyOf(grades);
        }
    }

    /**
     * An older set whose titles this set judges now, by its id (it need not be in the catalog), with the source that
     * says so. {@code criteria} maps the older set's criteria to this set's, where the sources give the older
     * criteria; empty, every criterion of this set applies to the older title as a whole.
     */
    public record SetReplacement(String setId, List<CriterionMapping> criteria, String provenance) {
        public SetReplacement {
            criteria = criteria == null ? List.of() : List.copyOf(criteria);
        }
    }

    /** An older criterion and the criteria of the newer set that judge what it judged. */
    public record CriterionMapping(String from, List<String> to) {
        public CriterionMapping {
            to = to == null ? List.of() : List.copyOf(to);
        }
    }
}
