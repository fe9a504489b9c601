package org.ntmrecords.events.criteria;

import java.util.List;

/**
 * One change an amendment makes to the indicators of a set, with its reason; the amendment's legal basis is its
 * legal basis.
 *
 * <p>A split maps explicitly: {@code indicatorCode} is replaced by {@code replacedBy}, new codes all. Entries
 * recorded under the old code stay readable under it and are not carried to any new code: the new indicators
 * start without data.
 *
 * @param criterionCode the criterion the change is in (for an added indicator, the one it joins)
 * @param indicatorCode the indicator changed (for an added indicator, its code)
 * @param previous      the indicator as the previous version defined it; {@code null} for an added one
 * @param indicators    the indicators the change puts in the new version: the added one, the parts of a split, or
 *                      the indicator with its new kind; empty for a removal
 * @param replacedBy    for a split, the codes that replace {@code indicatorCode}, in order; empty otherwise
 */
public record IndicatorStructureChange(StructureChangeKind kind, String criterionCode, String indicatorCode,
                                       IndicatorDefinition previous, List<IndicatorDefinition> indicators,
                                       List<String> replacedBy, String reason) {
    public IndicatorStructureChange {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        replacedBy = replacedBy == null ? List.of() : List.copyOf(replacedBy);
    }
}
