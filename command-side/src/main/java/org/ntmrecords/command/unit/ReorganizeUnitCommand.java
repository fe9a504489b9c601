package org.ntmrecords.command.unit;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.unit.UnitKind;

/**
 * Reorganise a unit from a date on a legal basis: a new name, kind and/or parent, each {@code null} when it
 * stays as it is.
 */
public record ReorganizeUnitCommand(@TargetAggregateIdentifier String code, String name, String fullName,
                                    UnitKind kind, String parentCode, LocalDate effectiveFrom, DocumentRef basis) {
}
