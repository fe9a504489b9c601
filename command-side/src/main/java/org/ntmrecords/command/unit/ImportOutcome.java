package org.ntmrecords.command.unit;

/** What an {@link ImportUnitCommand} did. */
public enum ImportOutcome {
    REGISTERED, UPDATED, UNCHANGED,
    /** The row describes the unit as of a date before its recorded reorganisation or cessation: left alone. */
    SUPERSEDED
}
