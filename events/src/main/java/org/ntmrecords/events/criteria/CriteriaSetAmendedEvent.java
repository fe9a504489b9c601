package org.ntmrecords.events.criteria;

import java.time.LocalDate;
import java.util.List;
import org.ntmrecords.events.common.LegalBasis;

/**
 * A criteria set was amended: a new version with changed requirements, its own legal basis and the date
 * from which it applies. The previous version stays as it was. {@code definition} is the complete new
 * version, so a reader never has to apply the changes itself.
 */
public record CriteriaSetAmendedEvent(String setId, int version, int previousVersion, LocalDate effectiveFrom,
                                      LegalBasis legalBasis, String reason, List<RequirementChange> changes,
                                      CriteriaSetDefinition definition) {
    public CriteriaSetAmendedEvent {
        changes = List.copyOf(changes);
    }
}
