package org.ntmrecords.infra.recognition;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Recognition rules the sources leave open, as configured (see the README, "Configuration").
 *
 * @param communeSatisfactionMin      the satisfaction a commune title needs, percent (the commune threshold of
 *                                    QĐ 18/2022 was not retrieved; a set that states one wins)
 * @param communeSatisfactionProvenance where the configured commune threshold comes from
 * @param revocationMajorityShare     share of criteria unmet from which a title is revoked (0–1)
 * @param revocationPartialShare      share from which a title is revoked when a key criterion is among them
 * @param revocationKeyCriteria       per criteria set id, the codes of its key criteria (income, environment,
 *                                    defence and security)
 * @param revocationProvenance        where the revocation rule comes from
 */
@ConfigurationProperties("ntm.recognition")
public record RecognitionProperties(BigDecimal communeSatisfactionMin, String communeSatisfactionProvenance,
                                    BigDecimal revocationMajorityShare, BigDecimal revocationPartialShare,
                                    Map<String, List<String>> revocationKeyCriteria, String revocationProvenance) {
    public RecognitionProperties {
        revocationMajorityShare = revocationMajorityShare == null ? new BigDecimal("0.5") : revocationMajorityShare;
        revocationPartialShare = revocationPartialShare == null ? new BigDecimal("0.3") : revocationPartialShare;
        revocationKeyCriteria = revocationKeyCriteria == null ? Map.of() : Map.copyOf(revocationKeyCriteria);
        if (revocationPartialShare.signum() < 0 || revocationPartialShare.compareTo(revocationMajorityShare) > 0
                || revocationMajorityShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("ntm.recognition: need 0 <= revocation-partial-share <= "
                    + "revocation-majority-share <= 1");
        }
        if (communeSatisfactionMin != null && (communeSatisfactionMin.signum() < 0
                || communeSatisfactionMin.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new IllegalArgumentException("ntm.recognition.commune-satisfaction-min is a percentage");
        }
    }
}
