package org.ntmrecords.events.criteria;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ntmrecords.events.common.LegalBasis;

/**
 * One published version of a criteria set (bộ tiêu chí). A version, once published, never changes: an
 * amendment publishes the next version.
 *
 * @param id            stable identifier of the set across versions
 * @param version       1 for the first publication, +1 per amendment
 * @param level         the level of unit the set rates
 * @param grade         the title it leads to
 * @param phase         the programme phase, e.g. {@code 2021-2025}
 * @param legalBasis    the decision that issued (or, for later versions, amended) the set
 * @param effectiveFrom the business date from which this version applies
 * @param baseSetId     the set this one varies (a province's variant of a national set), or {@code null}
 * @param provinceCode  the province that issued a variant, or {@code null} for national sets
 * @param provenance    where the definition comes from and what it leaves out
 * @param recognition   the set's recognition rules (satisfaction thresholds, validity of the title, what a lapsed
 *                      standard does to an indicator), or {@code null} when the set states none
 */
public record CriteriaSetDefinition(String id, int version, String title, SetLevel level, Grade grade, String phase,
                                    LegalBasis legalBasis, LocalDate effectiveFrom, String baseSetId,
                                    String provinceCode, String provenance, List<CriterionDefinition> criteria,
                                    RecognitionRules recognition) {

    public CriteriaSetDefinition {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    /** A set that states no recognition rules of its own. */
    public CriteriaSetDefinition(String id, int version, String title, SetLevel level, Grade grade, String phase,
                                 LegalBasis legalBasis, LocalDate effectiveFrom, String baseSetId,
                                 String provinceCode, String provenance, List<CriterionDefinition> criteria) {
        this(id, version, title, level, grade, phase, legalBasis, effectiveFrom, baseSetId, provinceCode, provenance,
                criteria, null);
    }

    public Optional<CriterionDefinition> criterion(String code) {
        return criteria.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public Optional<IndicatorDefinition> indicator(String code) {
        return criteria.stream().flatMap(c -> c.indicators().stream()).filter(i -> i.code().equals(code)).findFirst();
    }

    /** The criterion an indicator belongs to. */
    public Optional<CriterionDefinition> criterionOf(String indicatorCode) {
        return criteria.stream()
                .filter(c -> c.indicators().stream().anyMatch(i -> i.code().equals(indicatorCode)))
                .findFirst();
    }

    public CriteriaSetDefinition withVersion(int newVersion, LegalBasis newBasis, LocalDate newEffectiveFrom,
                                             List<CriterionDefinition> newCriteria) {
        return new CriteriaSetDefinition(id, newVersion, title, level, grade, phase, newBasis, newEffectiveFrom,
                baseSetId, provinceCode, provenance, newCriteria, recognition);
    }
}
