package org.ntmrecords.command.unit;

/** What an {@link ImportUnitCommand} did. */
public enum ImportOutcome {
    REGISTERED, UPDATED, UNCHANGED
}
