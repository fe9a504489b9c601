package org.ntmrecords.command.criteria;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.LegalBasis;

/**
 * Amend a published set: publishes the next version with the given requirements changed and the given indicators
 * added, removed, split or given another kind.
 */
public record AmendCriteriaSetCommand(@TargetAggregateIdentifier String setId, LegalBasis legalBasis,
                                      LocalDate effectiveFrom, String reason,
                                      List<RequirementAmendment> changes,
                                      List<IndicatorStructureAmendment> structureChanges) {

    /** An amendment of requirements only. */
    public AmendCriteriaSetCommand(String setId, LegalBasis legalBasis, LocalDate effectiveFrom, String reason,
                                   List<RequirementAmendment> changes) {
        this(setId, legalBasis, effectiveFrom, reason, changes, List.of());
    }
}
