package org.ntmrecords.events.criteria;

/** How an indicator's requirement is stated, and therefore which kind of value it takes. */
public enum RequirementKind {
    /** A share in percent, at least the threshold (e.g. ≥ 95%). Takes a percentage or a ratio. */
    PERCENT_AT_LEAST,
    /** A share in percent, at most the threshold (e.g. multidimensional poverty rate). */
    PERCENT_AT_MOST,
    /** A ratio with numerator and denominator (e.g. 1,110/1,432 households), share at least the threshold in percent. */
    RATIO_AT_LEAST,
    /** A count, at least the threshold (e.g. at least 1 facility). */
    COUNT_AT_LEAST,
    /** An amount in the requirement's unit, at least the threshold (e.g. income in million VND/person/year). */
    AMOUNT_AT_LEAST,
    /** Achieved or not (Đạt / Chưa đạt). */
    ACHIEVED,
    /** A level on an ordered scale, at least the required level (e.g. national standard level 1). */
    LEVEL_AT_LEAST,
    /** At least n of m sub-indicators met (e.g. smart village: 27 sub-indicators). */
    N_OF_M,
    /**
     * At least n of the requirement's named items met (m = the number of items), each item assessed met, not met or
     * not assessed: the model commune's 4 conditions, a smart-village framework's 27 indicators. Takes no single
     * value: an item-by-item assessment ({@code IndicatorItemAssessedEvent}s) is recorded instead.
     */
    ITEMS_AT_LEAST
}
