package org.ntmrecords.events.recognition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * When a recognised commune's title is to be revoked (QĐ 18/2022, Art. 4): {@code majorityShare} or more of the
 * criteria no longer met, or from {@code partialShare} up to that share when the unmet criteria include a key
 * criterion (income, environment, defence and security) — {@code keyCriteria} names them per criteria set id.
 * The shares are configurable: the summary they come from is a secondary source whose wording is garbled, so
 * {@code provenance} says so and every evaluation carries it.
 */
public record RevocationRule(BigDecimal majorityShare, BigDecimal partialShare, Map<String, List<String>> keyCriteria,
                             String provenance) {
    public RevocationRule {
        keyCriteria = keyCriteria == null ? Map.of() : Map.copyOf(keyCriteria);
    }

    /** Evaluates the rule on a unit's standing under a set: {@code total} criteria, of which {@code unmet} are not met. */
    public RevocationTrigger evaluate(String setId, int total, List<String> unmet) {
        BigDecimal share = total == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(unmet.size()).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
        List<String> keys = keyCriteria.getOrDefault(setId, List.of());
        List<String> keyUnmet = unmet.stream().filter(keys::contains).toList();
        String reason;
        boolean triggered;
        if (share.compareTo(majorityShare) >= 0) {
            triggered = true;
            reason = percent(share) + " of the criteria not met (at least " + percent(majorityShare) + ")";
        } else if (share.compareTo(partialShare) >= 0 && !keyUnmet.isEmpty()) {
            triggered = true;
            reason = percent(share) + " of the criteria not met (from " + percent(partialShare) + ") including key "
                    + "criteria " + keyUnmet;
        } else {
            triggered = false;
            reason = percent(share) + " of the criteria not met" + (keyUnmet.isEmpty() ? "" : ", key criteria "
                    + keyUnmet) + ": below the revocation thresholds";
        }
        return new RevocationTrigger(triggered, total, List.copyOf(unmet), keyUnmet, share, reason, provenance);
    }

    private static String percent(BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
    }
}
