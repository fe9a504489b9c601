package org.ntmrecords.events.recognition;

import java.time.LocalDate;

/** The recognition was announced (công bố): when and where. */
public record RecognitionAnnouncedEvent(String caseId, LocalDate date, String place) {
}
