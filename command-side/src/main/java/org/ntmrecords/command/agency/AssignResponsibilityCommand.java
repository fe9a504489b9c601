package org.ntmrecords.command.agency;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.DocumentRef;

/** Make an agency responsible for criteria and/or indicators of a set, on the basis of a document. */
public record AssignResponsibilityCommand(String agencyId, String setId, List<String> criterionCodes,
                                          List<String> indicatorCodes, DocumentRef basis) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return Agency.streamId(agencyId);
    }
}
