package org.ntmrecords.events.criteria;

/**
 * One named item of an itemised requirement ({@link RequirementKind#ITEMS_AT_LEAST}): a model commune's condition, a
 * smart-village framework's indicator. Items are named only as the sources name them; an item the sources do not
 * name keeps a numbered name that says so (e.g. {@code chỉ tiêu 5 (không nêu tên trong nguồn)}) and
 * {@code namedInSource} false.
 *
 * @param code          the item's code within its requirement ({@code 1}, {@code 2}, …), as the source numbers it
 * @param name          the item as the source words it, or a numbered stand-in that says the source does not name it
 * @param namedInSource whether {@code name} is the source's wording
 * @param provenance    where the item and its wording come from
 */
public record RequirementItem(String code, String name, boolean namedInSource, String provenance) {
}
