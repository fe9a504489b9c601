package org.ntmrecords.events.recognition;

import java.util.List;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.criteria.Grade;
import org.ntmrecords.events.unit.UnitKind;

/**
 * A unit registered the target of a title (criteria set) for a year; the case follows its steps from here, judged
 * on the criteria of the set version in force when it opened ({@code criterionCodes}).
 */
public record RecognitionCaseOpenedEvent(String caseId, String unitCode, UnitKind unitKind, String setId,
                                         int setVersion, Grade grade, int year, List<String> criterionCodes,
                                         DocumentRef basis) {
    public RecognitionCaseOpenedEvent {
        criterionCodes = List.copyOf(criterionCodes);
    }
}
