package org.ntmrecords.events.criteria;

/**
 * An indicator (chỉ tiêu) of a criterion, identified by its code within its set ({@code 17.7}). The same code
 * in another set may mean something else.
 *
 * @param provenance where the text and the requirement come from, and how sure that is
 */
public record IndicatorDefinition(String code, String text, Requirement requirement, String provenance) {
}
