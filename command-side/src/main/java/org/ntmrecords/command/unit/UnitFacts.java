package org.ntmrecords.command.unit;

import org.ntmrecords.events.unit.UnitKind;

/** What the command side needs to know of a unit to check commands about other records. */
public record UnitFacts(String code, String name, UnitKind kind, String parentCode) {
}
