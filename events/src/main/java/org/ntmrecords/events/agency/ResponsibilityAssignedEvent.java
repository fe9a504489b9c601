package org.ntmrecords.events.agency;

import java.util.List;
import org.ntmrecords.events.common.DocumentRef;

/**
 * An agency was made responsible for criteria (all their indicators) and indicators of a set, by a decision
 * or plan (e.g. the per-agency split of Kế hoạch 317/KH-UBND, Phụ lục 6).
 */
public record ResponsibilityAssignedEvent(String agencyId, String setId, List<String> criterionCodes,
                                          List<String> indicatorCodes, DocumentRef basis) {
    public ResponsibilityAssignedEvent {
        criterionCodes = List.copyOf(criterionCodes);
        indicatorCodes = List.copyOf(indicatorCodes);
    }
}
