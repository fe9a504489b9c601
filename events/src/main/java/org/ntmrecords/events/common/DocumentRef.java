package org.ntmrecords.events.common;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A reference to an official document (hồ sơ minh chứng, quyết định, kế hoạch, báo cáo): its number as
 * written (e.g. {@code 317/KH-UBND}), date, issuing body and title. Any part but the number may be unknown
 * in the source, and is then {@code null} rather than guessed.
 */
public record DocumentRef(String number, LocalDate date, String issuer, String title) {
    public DocumentRef {
        Objects.requireNonNull(number, "number");
    }

    public static DocumentRef of(String number, LocalDate date, String issuer, String title) {
        return new DocumentRef(number, date, issuer, title);
    }
}
