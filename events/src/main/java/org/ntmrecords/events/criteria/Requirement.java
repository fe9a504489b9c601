package org.ntmrecords.events.criteria;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What an indicator requires.
 *
 * <p>A requirement is judged by computation only when its threshold is known (stated in the source documents
 * or verified); otherwise, or when {@code decidedByHuman} is set because the requirement has clauses the
 * value cannot express, the indicator is judged by a recorded human decision and the record says so.
 *
 * @param kind                how the requirement is stated
 * @param text                the requirement as written in the source (e.g. {@code ≥ 85%}, {@code Ít nhất 01 cơ sở})
 * @param threshold           the common threshold: percent for shares and ratios, a number for counts and amounts,
 *                            n for n-of-m; {@code null} when not verified
 * @param regionalThresholds  thresholds that differ by region (region key → threshold); empty when none
 * @param levels              for {@link RequirementKind#LEVEL_AT_LEAST}: the scale from lowest to highest
 * @param requiredLevel       for {@link RequirementKind#LEVEL_AT_LEAST}: the lowest level that meets it
 * @param subIndicatorTotal   for {@link RequirementKind#N_OF_M}: m, the number of sub-indicators
 * @param unit                unit of measure as written (e.g. {@code %}, {@code cơ sở}, {@code triệu đồng/người/năm})
 * @param decidedByHuman      judged by a recorded decision even though a threshold is given
 * @param note                why the requirement is judged as it is, or what it does not capture
 * @param items               for {@link RequirementKind#ITEMS_AT_LEAST}: the items, in the source's order (m is their
 *                            number); empty for every other kind
 */
public record Requirement(RequirementKind kind, String text, BigDecimal threshold,
                          Map<String, BigDecimal> regionalThresholds, List<String> levels, String requiredLevel,
                          Integer subIndicatorTotal, String unit, boolean decidedByHuman, String note,
                          List<RequirementItem> items) {

    public Requirement {
        regionalThresholds = regionalThresholds == null ? Map.of() : Map.copyOf(regionalThresholds);
        levels = levels == null ? List.of() : List.copyOf(levels);
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** A requirement without items (every kind but {@link RequirementKind#ITEMS_AT_LEAST}). */
    public Requirement(RequirementKind kind, String text, BigDecimal threshold,
                       Map<String, BigDecimal> regionalThresholds, List<String> levels, String requiredLevel,
                       Integer subIndicatorTotal, String unit, boolean decidedByHuman, String note) {
        this(kind, text, threshold, regionalThresholds, levels, requiredLevel, subIndicatorTotal, unit,
                decidedByHuman, note, List.of());
    }

    /** The item with this code, if the requirement lists one. */
    public java.util.Optional<RequirementItem> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /** The threshold that applies in the given region (falls back to the common threshold). */
    public BigDecimal thresholdFor(String region) {
        if (region != null && regionalThresholds.containsKey(region)) {
            return regionalThresholds.get(region);
        }
        return threshold;
    }

    /** Whether the system can judge this requirement from a value alone, in the given region. */
    public boolean computableIn(String region) {
        if (decidedByHuman) {
            return false;
        }
        return switch (kind) {
            case ACHIEVED -> true;
            case LEVEL_AT_LEAST -> requiredLevel != null && levels.contains(requiredLevel);
            case N_OF_M -> subIndicatorTotal != null && thresholdFor(region) != null;
            case ITEMS_AT_LEAST -> !items.isEmpty() && thresholdFor(region) != null;
            default -> thresholdFor(region) != null;
        };
    }

    public Requirement withThresholds(String newText, BigDecimal newThreshold, Map<String, BigDecimal> newRegional,
                                      String newRequiredLevel) {
        return new Requirement(kind, newText, newThreshold, newRegional, levels, newRequiredLevel,
                subIndicatorTotal, unit, decidedByHuman, note, items);
    }
}
