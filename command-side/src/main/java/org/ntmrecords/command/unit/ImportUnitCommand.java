package org.ntmrecords.command.unit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.unit.UnitKind;

/**
 * Bring a unit in line with a row of an official list: register it if it is new, rename or move it if the
 * list differs from the record, do nothing if they agree. Re-running an import is therefore harmless.
 */
public record ImportUnitCommand(@TargetAggregateIdentifier String code, String name, String fullName,
                                UnitKind kind, String parentCode, DocumentRef source) {
}
