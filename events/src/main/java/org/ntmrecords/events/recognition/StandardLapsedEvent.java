package org.ntmrecords.events.recognition;

import java.time.LocalDate;
import org.ntmrecords.events.criteria.RecognitionRules.LapseEffect;

/**
 * A certified standard passed its validity without renewal. Raised by the system when the certificate's deadline
 * falls due; {@code effect} is applied to the indicator that rests on it, as its set defines.
 */
public record StandardLapsedEvent(String certificationId, String unitCode, String subject, String standard,
                                  LocalDate validUntil, String setId, String indicatorCode, LapseEffect effect) {
}
