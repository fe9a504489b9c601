package org.ntmrecords.command.unit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.unit.UnitKind;

/**
 * Bring a unit in line with a row of an official list: register it if it is new, rename or move it if the
 * list differs from the record, do nothing if they agree. Re-running an import is therefore harmless. A row
 * dated (by {@code source.date}) before the unit's recorded reorganisation or cessation is older news and is
 * left alone, so re-importing the 2024 list does not undo the 2025 reform.
 */
public record ImportUnitCommand(@TargetAggregateIdentifier String code, String name, String fullName,
                                UnitKind kind, String parentCode, DocumentRef source) {
}
