package org.ntmrecords.command.unit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.DocumentRef;

/** Move a unit under another parent unit of the level above. */
public record ChangeUnitParentCommand(@TargetAggregateIdentifier String code, String parentCode,
                                      DocumentRef basis) {
}
