package org.ntmrecords.events.criteria;

import java.time.LocalDate;
import java.util.List;
import org.ntmrecords.events.common.LegalBasis;

/**
 * A criteria set was amended: a new version with changed requirements and indicators, its own legal basis and
 * the date from which it applies. The previous version stays as it was. {@code definition} is the complete new
 * version, so a reader never has to apply the changes itself.
 *
 * @param structureChanges indicators added, removed, split or given another kind, each with its reason (additive:
 *                         payloads stored before it read with it empty)
 */
public record CriteriaSetAmendedEvent(String setId, int version, int previousVersion, LocalDate effectiveFrom,
                                      LegalBasis legalBasis, String reason, List<RequirementChange> changes,
                                      CriteriaSetDefinition definition,
                                      List<IndicatorStructureChange> structureChanges) {
    public CriteriaSetAmendedEvent {
        changes = changes == null ? List.of() : List.copyOf(changes);
        structureChanges = structureChanges == null ? List.of() : List.copyOf(structureChanges);
    }

    /** An amendment of requirements only. */
    public CriteriaSetAmendedEvent(String setId, int version, int previousVersion, LocalDate effectiveFrom,
                                   LegalBasis legalBasis, String reason, List<RequirementChange> changes,
                                   CriteriaSetDefinition definition) {
        this(setId, version, previousVersion, effectiveFrom, legalBasis, reason, changes, definition, List.of());
    }
}
