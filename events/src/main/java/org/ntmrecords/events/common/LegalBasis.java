package org.ntmrecords.events.common;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The legal basis of a fact: the decision number exactly as written (e.g. {@code 863/QĐ-UBND-HC}), its date,
 * the issuing authority and, where known, the signer.
 */
public record LegalBasis(String decision, LocalDate date, String issuer, String signer) {
    public LegalBasis {
        Objects.requireNonNull(decision, "decision");
    }
}
