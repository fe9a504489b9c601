package org.ntmrecords.command.unit;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.unit.Successor;

/**
 * Record that a unit ceased from a date on a legal basis, merged into its successors (none when it was abolished
 * without one).
 */
public record CeaseUnitCommand(@TargetAggregateIdentifier String code, LocalDate effectiveFrom,
                               List<Successor> successors, DocumentRef basis) {
}
