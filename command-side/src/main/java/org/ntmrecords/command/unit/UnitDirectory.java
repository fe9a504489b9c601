package org.ntmrecords.command.unit;

import java.util.Optional;

/** Looks up units in the record, for checks that span aggregates (a parent exists; a tracked unit exists). */
public interface UnitDirectory {
    Optional<UnitFacts> find(String code);
}
