package org.ntmrecords.command.common;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.common.LegalBasis;
import java.util.regex.Pattern;

/**
 * Rules every piece of text and every date in a command follows: text is stored in Unicode NFC (Vietnamese
 * typed in NFD is the same text), trimmed, never empty where required, never longer than its limit, and free
 * of control characters — checked before trimming, so none is silently dropped. A single-line field (a name,
 * a number, a code) allows no control or line-separator character at all; free text (a note, a reason)
 * allows line breaks and tabs. Dates are not in the future.
 */
public final class Inputs {
    public static final int NAME_MAX = 200;
    public static final int TEXT_MAX = 2_000;
    public static final int CODE_MAX = 64;
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

    /** Control and format characters, except line breaks and tabs, and the zero-width (non-)joiners. */
    private static final Pattern CONTROL_IN_TEXT =
            Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]|[\\p{Cf}&&[^\\u200c\\u200d]]");
    /** Every control and format character (but the joiners) and the Unicode line and paragraph separators. */
    private static final Pattern CONTROL_IN_LINE =
            Pattern.compile("\\p{Cc}|[\\p{Cf}&&[^\\u200c\\u200d]]|\\p{Zl}|\\p{Zp}");
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._\\-]*");

    private Inputs() {
    }

    /** NFC-normalises and trims; {@code null} stays {@code null}. */
    public static String normalize(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }

    /** Free text (may span lines), required. */
    public static String requiredText(String field, String value, int max) {
        return required(field, optionalText(field, value, max));
    }

    /** Free text (may span lines); {@code null} when absent or blank. */
    public static String optionalText(String field, String value, int max) {
        return checked(field, value, max, CONTROL_IN_TEXT);
    }

    /** A single line (a name, a number as written, an issuer), required. */
    public static String requiredLine(String field, String value, int max) {
        return required(field, optionalLine(field, value, max));
    }

    /** A single line; {@code null} when absent or blank. */
    public static String optionalLine(String field, String value, int max) {
        return checked(field, value, max, CONTROL_IN_LINE);
    }

    private static String required(String field, String text) {
        if (text == null || text.isEmpty()) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, field, CommandText.of("input.empty", CommandText.field(field)));
        }
        return text;
    }

    private static String checked(String field, String value, int max, Pattern forbidden) {
        if (value == null) {
            return null;
        }
        if (!isWellFormed(value)) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, field,
                    CommandText.of("input.malformed", CommandText.field(field)));
        }
        String nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
        if (forbidden.matcher(nfc).find()) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, field,
                    CommandText.of("input.control", CommandText.field(field)));
        }
        String text = nfc.strip();
        if (text.codePointCount(0, text.length()) > max) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, field,
                    CommandText.of("input.tooLong", CommandText.field(field), max));
        }
        return text.isEmpty() ? null : text;
    }

    /**
     * Whether a text is well-formed Unicode: every surrogate is half of a pair. A lone surrogate cannot be written
     * as UTF-8 (PostgreSQL and every export would refuse or alter it), so such text is refused, never repaired.
     */
    public static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a value can safely be looked up as an identifier (no control characters, not absurdly long).
     * Lookups of anything else find nothing, without reaching the database.
     */
    public static boolean isLookupSafe(String value) {
        return value != null && !value.isBlank() && value.length() <= 256 && isWellFormed(value)
                && !CONTROL_IN_LINE.matcher(value).find();
    }

    /** An identifier such as a unit code, set id or indicator code: letters, digits, '.', '_' and '-'. */
    public static String requiredCode(String field, String value) {
        String text = requiredLine(field, value, CODE_MAX);
        if (!CODE.matcher(text).matches()) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, field,
                    CommandText.of("input.code", CommandText.field(field), text));
        }
        return text;
    }

    public static LocalDate pastOrToday(String field, LocalDate date, LocalDate today) {
        if (date == null) {
            return null;
        }
        if (date.isAfter(today)) {
            throw new CommandRejectedException(RejectionCode.FUTURE_DATE, field,
                    CommandText.of("input.future", CommandText.field(field), date, today));
        }
        if (date.isBefore(EARLIEST_DATE)) {
            throw new CommandRejectedException(RejectionCode.OUT_OF_RANGE, field,
                    CommandText.of("input.tooEarly", CommandText.field(field), date, EARLIEST_DATE));
        }
        return date;
    }

    public static final int DOCUMENTS_MAX = 50;

    /** A document reference with its number required and every part checked like any other input. */
    public static DocumentRef document(String field, DocumentRef ref, LocalDate today) {
        if (ref == null) {
            return null;
        }
        return new DocumentRef(
                requiredLine(field + ".number", ref.number(), NAME_MAX),
                pastOrToday(field + ".date", ref.date(), today),
                optionalLine(field + ".issuer", ref.issuer(), NAME_MAX),
                optionalText(field + ".title", ref.title(), TEXT_MAX));
    }

    public static List<DocumentRef> documents(String field, List<DocumentRef> refs, LocalDate today) {
        if (refs == null) {
            return List.of();
        }
        if (refs.size() > DOCUMENTS_MAX) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, field,
                    CommandText.of("input.tooManyDocuments", CommandText.field(field), DOCUMENTS_MAX));
        }
        List<DocumentRef> checked = new ArrayList<>(refs.size());
        for (int i = 0; i < refs.size(); i++) {
            if (refs.get(i) == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, field + "[" + i + "]",
                        CommandText.of("input.empty", field + "[" + i + "]"));
            }
            checked.add(document(field + "[" + i + "]", refs.get(i), today));
        }
        return List.copyOf(checked);
    }

    public static LegalBasis legalBasis(String field, LegalBasis basis, LocalDate today) {
        if (basis == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, field, CommandText.of("input.required", CommandText.field(field)));
        }
        return new LegalBasis(
                requiredLine(field + ".decision", basis.decision(), NAME_MAX),
                pastOrToday(field + ".date", basis.date(), today),
                optionalLine(field + ".issuer", basis.issuer(), NAME_MAX),
                optionalLine(field + ".signer", basis.signer(), NAME_MAX));
    }
}
