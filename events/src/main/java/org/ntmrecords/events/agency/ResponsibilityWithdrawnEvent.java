package org.ntmrecords.events.agency;

import java.util.List;
import org.ntmrecords.events.common.DocumentRef;

/** An agency is no longer responsible for the given criteria and indicators of a set. */
public record ResponsibilityWithdrawnEvent(String agencyId, String setId, List<String> criterionCodes,
                                           List<String> indicatorCodes, String reason, DocumentRef basis) {
    public ResponsibilityWithdrawnEvent {
        criterionCodes = List.copyOf(criterionCodes);
        indicatorCodes = List.copyOf(indicatorCodes);
    }
}
