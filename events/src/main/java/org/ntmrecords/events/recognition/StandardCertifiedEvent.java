package org.ntmrecords.events.recognition;

import java.time.LocalDate;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.criteria.RecognitionRules.LapseEffect;

/**
 * A standard with a validity period held by something in a unit (e.g. a school's national standard), valid until
 * {@code validUntil} (inclusive): the certificate, and the indicator of a criteria set that rests on it with what
 * the set says a lapse does to it ({@code effect}, null when the set says nothing).
 */
public record StandardCertifiedEvent(String certificationId, String unitCode, String subject, String standard,
                                     LocalDate validUntil, String setId, String indicatorCode,
                                     LapseEffect effect, DocumentRef document, String note) {
}
