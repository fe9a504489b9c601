package org.ntmrecords.command.recognition;

import org.ntmrecords.events.criteria.RecognitionRules.SatisfactionRule;
import org.ntmrecords.events.recognition.RevocationRule;

/**
 * The recognition rules the service is configured with where the sources leave them open: the satisfaction a
 * commune title needs (the sources do not state the commune threshold; a set that states one wins) and the
 * revocation rule. Both carry their provenance into the events that apply them.
 */
public record RecognitionPolicy(SatisfactionRule communeSatisfaction, RevocationRule revocation) {
}
