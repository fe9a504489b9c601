package org.ntmrecords.events.recognition;

import java.time.LocalDate;
import org.ntmrecords.events.common.DocumentRef;

/** A certified standard was recognised again before (or after) it lapsed: valid until {@code validUntil}. */
public record StandardRenewedEvent(String certificationId, String unitCode, LocalDate validUntil, DocumentRef document) {
}
