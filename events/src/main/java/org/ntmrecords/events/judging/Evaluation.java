package org.ntmrecords.events.judging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.criteria.IndicatorDefinition;

/**
 * A whole set judged at once from the effective entry and latest decision of each indicator: every indicator's
 * verdict, every criterion's tally and the standing, in definition order.
 */
public record Evaluation(CriteriaSetDefinition definition, String region, Map<String, Verdict> indicators,
                         Map<String, Tally> criteria, Tally standing) {

    public Evaluation {
        indicators = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(indicators));
        criteria = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(criteria));
    }

    /**
     * @param effective the effective entry of an indicator (by code), or {@code null}
     * @param latest    the latest decision on an indicator (by code), or {@code null}
     */
    public static Evaluation of(CriteriaSetDefinition definition, String region, Function<String, Entry> effective,
                                Function<String, Decision> latest) {
        return of(definition, region, effective, latest, code -> null);
    }

    /**
     * @param effective the effective entry of an indicator (by code), or {@code null}
     * @param latest    the latest decision on an indicator (by code), or {@code null}
     * @param items     the effective item-by-item assessment of an itemised indicator (by code), or {@code null}
     */
    public static Evaluation of(CriteriaSetDefinition definition, String region, Function<String, Entry> effective,
                                Function<String, Decision> latest, Function<String, ItemsJudge.Assessment> items) {
        Map<String, Verdict> indicators = new LinkedHashMap<>();
        Map<String, Tally> criteria = new LinkedHashMap<>();
        for (CriterionDefinition criterion : definition.criteria()) {
            for (IndicatorDefinition indicator : criterion.indicators()) {
                indicators.put(indicator.code(), indicator.requirement().kind()
                        == org.ntmrecords.events.criteria.RequirementKind.ITEMS_AT_LEAST
                        ? ItemsJudge.judge(indicator.requirement(), region, items.apply(indicator.code()),
                        latest.apply(indicator.code()))
                        : IndicatorJudge.judge(indicator.requirement(), region, effective.apply(indicator.code()),
                        latest.apply(indicator.code())));
            }
            criteria.put(criterion.code(), Tally.of(
                    criterion.indicators().stream().map(IndicatorDefinition::code).toList(),
                    code -> indicators.get(code).result()));
        }
        Tally standing = Tally.of(definition.criteria().stream().map(CriterionDefinition::code).toList(),
                code -> criteria.get(code).result());
        return new Evaluation(definition, region, indicators, criteria, standing);
    }
}
