package org.ntmrecords.command.recognition;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.DocumentRef;

/** Standards with a validity period held in a unit (a school's national standard) and the indicator resting on them. */
public final class CertificationCommands {
    private CertificationCommands() {
    }

    public record CertifyStandard(@TargetAggregateIdentifier String streamId, String certificationId,
                                  String unitCode, String subject, String standard, LocalDate validUntil,
                                  String setId, String indicatorCode, DocumentRef document, String note) {
    }

    public record RenewStandard(@TargetAggregateIdentifier String streamId, String unitCode, LocalDate validUntil,
                                DocumentRef document) {
    }
}
