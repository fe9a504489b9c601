package org.ntmrecords.events.plan;

import java.time.LocalDate;
import java.util.List;
import org.ntmrecords.events.common.DocumentRef;

/**
 * A plan was amended: a new version, naming what changed and why; the earlier versions stay readable. The title, aims
 * and legal bases are those of the new version (unchanged ones repeated).
 *
 * @param version  the new version (2, 3, …)
 * @param date     the day the amendment takes effect (the amending document's date)
 * @param changes  what changed, in words
 * @param reason   why
 * @param document the amending document, or null
 */
public record PlanAmendedEvent(String planId, String unitCode, int version, LocalDate date, String changes,
                               String reason, DocumentRef document, String title, List<PlanAim> aims,
                               List<DocumentRef> legalBases) {
    public PlanAmendedEvent {
        aims = aims == null ? List.of() : List.copyOf(aims);
        legalBases = legalBases == null ? List.of() : List.copyOf(legalBases);
    }
}
