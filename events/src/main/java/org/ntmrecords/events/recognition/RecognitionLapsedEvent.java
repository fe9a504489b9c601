package org.ntmrecords.events.recognition;

import java.time.LocalDate;

/**
 * A title with a validity period was not renewed in time: the recognition by {@code decisionNumber} (null when
 * not given) held until {@code validUntil} and no longer holds. Raised by the system when the deadline set by the
 * granting decision falls due.
 */
public record RecognitionLapsedEvent(String caseId, String unitCode, String decisionNumber, LocalDate validUntil) {
}
