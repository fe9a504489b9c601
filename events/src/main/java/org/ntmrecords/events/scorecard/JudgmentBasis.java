package org.ntmrecords.events.scorecard;

/** What an indicator judgment rests on. */
public enum JudgmentBasis {
    /** The set's rule applied to the effective value. */
    COMPUTED,
    /** A recorded human decision (the requirement has no verified threshold, or no value is recorded). */
    HUMAN_DECISION,
    /** The indicator was explicitly marked not assessed for the latest period. */
    MARKED_NOT_ASSESSED,
    /** A value is recorded but the requirement cannot be computed and no decision is recorded yet. */
    AWAITING_DECISION,
    /** Nothing is recorded for the indicator. */
    NO_DATA,
    /**
     * An itemised requirement ("at least n of m items") that its items cannot decide yet: too few items are met, but
     * the items not assessed could still make it met, so it is not assessed rather than not met.
     */
    ITEMS_UNDECIDED
}
