package org.ntmrecords.events.recognition;

import java.util.List;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.criteria.Grade;
import org.ntmrecords.events.unit.UnitKind;

/**
 * A revocation case opened against a granted recognition ({@code recognitionCaseId}, decided by
 * {@code recognitionDecision}, as written or null when not given): its own case, id
 * {@code <recognition case>@R<year>}, taken through the same steps as a recognition. {@code trigger}: the
 * revocation rule evaluated on the unit's computed standing under the recognised set when the case opened.
 */
public record RevocationCaseOpenedEvent(String caseId, String recognitionCaseId, String recognitionDecision,
                                        String unitCode, UnitKind unitKind, String setId, int setVersion, Grade grade,
                                        int year, List<String> criterionCodes, RevocationTrigger trigger,
                                        DocumentRef basis) {
    public RevocationCaseOpenedEvent {
        criterionCodes = List.copyOf(criterionCodes);
    }
}
