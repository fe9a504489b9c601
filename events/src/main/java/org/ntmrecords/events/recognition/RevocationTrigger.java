package org.ntmrecords.events.recognition;

import java.math.BigDecimal;
import java.util.List;

/**
 * The revocation rule evaluated on a recognised unit's computed standing at one moment: whether it calls for
 * revocation, the criteria not met (and which of them are key criteria), their share, in words, and the rule's
 * provenance.
 */
public record RevocationTrigger(boolean triggered, int criteriaTotal, List<String> unmetCriteria,
                                List<String> keyCriteriaUnmet, BigDecimal unmetShare, String reason,
                                String provenance) {
    public RevocationTrigger {
        unmetCriteria = unmetCriteria == null ? List.of() : List.copyOf(unmetCriteria);
        keyCriteriaUnmet = keyCriteriaUnmet == null ? List.of() : List.copyOf(keyCriteriaUnmet);
    }
}
