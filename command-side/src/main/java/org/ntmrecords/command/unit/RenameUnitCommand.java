package org.ntmrecords.command.unit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.DocumentRef;

/** Change a unit's name (and its full name with prefix). */
public record RenameUnitCommand(@TargetAggregateIdentifier String code, String name, String fullName,
                                DocumentRef basis) {
}
