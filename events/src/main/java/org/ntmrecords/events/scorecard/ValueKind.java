package org.ntmrecords.events.scorecard;

/** The shape of a recorded indicator value. */
public enum ValueKind {
    PERCENTAGE, RATIO, COUNT, AMOUNT, ACHIEVED, LEVEL, SUB_INDICATORS
}
