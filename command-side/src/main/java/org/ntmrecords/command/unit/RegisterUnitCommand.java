package org.ntmrecords.command.unit;

import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.unit.UnitKind;

/** Enter a new administrative unit under its official code. */
public record RegisterUnitCommand(String code, String name, String fullName, UnitKind kind, String parentCode,
                                  DocumentRef source) {
}
