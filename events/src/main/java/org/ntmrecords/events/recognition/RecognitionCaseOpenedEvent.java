package org.ntmrecords.events.recognition;

import java.util.List;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.criteria.Grade;
import org.ntmrecords.events.criteria.RecognitionRules.SatisfactionRule;
import org.ntmrecords.events.criteria.RecognitionRules.ValidityRule;
import org.ntmrecords.events.unit.UnitKind;

/**
 * A unit registered the target of a title (criteria set) for a year; the case follows its steps from here, judged
 * on the criteria of the set version in force when it opened ({@code criterionCodes}). {@code renewal}: a
 * re-recognition of a title held before. {@code satisfaction} and {@code validity}: the rules the case is held to,
 * from the set (or, for a commune threshold the sources do not state, from the service's configuration — the
 * rule's provenance says which); {@code null} when none applies. {@code recordedAfterwards}: a title decided before
 * the record was kept, recorded from a source stating it; {@code yearStated} false: that source does not state the
 * year, and {@code year} is the source's own, the latest the title can be of. Both additive: cases stored before
 * them read as opened in the record, with their year stated.
 */
public record RecognitionCaseOpenedEvent(String caseId, String unitCode, UnitKind unitKind, String setId,
                                         int setVersion, Grade grade, int year, List<String> criterionCodes,
                                         DocumentRef basis, boolean renewal, SatisfactionRule satisfaction,
                                         ValidityRule validity, Boolean recordedAfterwards, Boolean yearStated) {
    public RecognitionCaseOpenedEvent {
        criterionCodes = List.copyOf(criterionCodes);
    }

    public RecognitionCaseOpenedEvent(String caseId, String unitCode, UnitKind unitKind, String setId, int setVersion,
                                      Grade grade, int year, List<String> criterionCodes, DocumentRef basis,
                                      boolean renewal, SatisfactionRule satisfaction, ValidityRule validity) {
        this(caseId, unitCode, unitKind, setId, setVersion, grade, year, criterionCodes, basis, renewal, satisfaction,
                validity, null, null);
    }
}
