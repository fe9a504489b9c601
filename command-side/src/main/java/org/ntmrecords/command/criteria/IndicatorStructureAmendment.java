package org.ntmrecords.command.criteria;

import java.util.List;
import org.ntmrecords.events.criteria.IndicatorDefinition;
import org.ntmrecords.events.criteria.StructureChangeKind;

/**
 * One change an amendment makes to a set's indicators, with its reason.
 *
 * @param criterionCode for {@link StructureChangeKind#ADDED}: the criterion the new indicator joins
 * @param indicatorCode for a removal, split or change of kind: the indicator changed
 * @param indicators    the added indicator, the parts of a split (new codes, at least two), or the indicator with
 *                      its new kind (same code); none for a removal
 */
public record IndicatorStructureAmendment(StructureChangeKind kind, String criterionCode, String indicatorCode,
                                          List<IndicatorDefinition> indicators, String reason) {
}
