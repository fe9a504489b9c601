package org.ntmrecords.command.criteria;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.LegalBasis;

/** Amend a published set: publishes the next version with the given requirements changed. */
public record AmendCriteriaSetCommand(@TargetAggregateIdentifier String setId, LegalBasis legalBasis,
                                      LocalDate effectiveFrom, String reason,
                                      List<RequirementAmendment> changes) {
}
