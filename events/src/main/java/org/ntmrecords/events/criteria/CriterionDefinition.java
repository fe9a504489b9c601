package org.ntmrecords.events.criteria;

import java.util.List;

/**
 * A criterion (tiêu chí) of a set. It is met when every one of its indicators is met.
 *
 * @param code       the criterion's number within its set ({@code 13})
 * @param group      the content group it belongs to, where the set has groups
 * @param provenance where the name and the indicator list come from
 */
public record CriterionDefinition(String code, String name, String group, String provenance,
                                  List<IndicatorDefinition> indicators) {
    public CriterionDefinition {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }
}
