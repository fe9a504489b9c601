package org.ntmrecords.command.agency;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.DocumentRef;

/** End an agency's responsibility for criteria and/or indicators of a set. */
public record WithdrawResponsibilityCommand(String agencyId, String setId, List<String> criterionCodes,
                                            List<String> indicatorCodes, String reason, DocumentRef basis) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return Agency.streamId(agencyId);
    }
}
