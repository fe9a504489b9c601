package org.ntmrecords.infra.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What the file endpoints (workbooks here, documents in {@code infra.document}) answer: the file as an attachment,
 * never cached (it is the record as read at one instant), or a refusal as the evidence-file endpoint gives one, JSON
 * {@code code}, {@code field}, {@code message} in the request's language.
 */
public final class ExportAnswers {
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private ExportAnswers() {
    }

    static ResponseEntity<byte[]> workbook(byte[] workbook, String filename) {
        return attachment(workbook, XLSX, filename);
    }

    public static ResponseEntity<byte[]> attachment(byte[] file, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type).contentLength(file.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file);
    }

    public static ResponseEntity<Map<String, Object>> refusal(HttpStatus status, String code, String field, Message message,
                                                       Locale language) {
        // no field (a refusal of the account, not of a parameter): null, as the GraphQL errors say it
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("code", code);
        body.put("field", field == null || field.isEmpty() ? null : field);
        body.put("message", message.in(language));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** The refusal of a required parameter left out or blank, if it is. */
    public static Optional<ResponseEntity<Map<String, Object>>> missing(String name, String value, Locale language) {
        return value == null || value.isBlank()
                ? Optional.of(refusal(HttpStatus.BAD_REQUEST, "INVALID_INPUT", name, ApiText.of("input.required", name),
                        language))
                : Optional.empty();
    }

    /** A parameter the request gave that cannot be read: its refusal, 400 {@code INVALID_INPUT} naming it. */
    static final class Unreadable extends RuntimeException {
        private final transient ResponseEntity<Map<String, Object>> answer;

        Unreadable(ResponseEntity<Map<String, Object>> answer) {
            super(null, null, false, false);
            this.answer = answer;
        }

        ResponseEntity<Map<String, Object>> answer() {
            return answer;
        }
    }

    /**
     * An optional date parameter, as GraphQL's {@code Date} reads it ({@code 2024-06-30}), within the dates the record
     * answers ({@link Args#date}); null when not given.
     */
    static LocalDate date(String name, String value, java.time.Clock clock, Locale language) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new Unreadable(refusal(HttpStatus.BAD_REQUEST, "INVALID_INPUT", name,
                    ApiText.of("export.badDate", name, value), language));
        }
        try {
            return Args.date(name, day, clock);
        } catch (InvalidArgumentException outOfRange) {
            throw new Unreadable(refusal(HttpStatus.BAD_REQUEST, "INVALID_INPUT", name, outOfRange.text(), language));
        }
    }

    /**
     * An optional instant parameter, as GraphQL's {@code DateTime} reads it ({@code 2024-06-30T17:00:00+07:00} or
     * {@code …Z}), within the instants the record answers ({@link Args#instant}); null when not given.
     */
    static Instant instant(String name, String value, java.time.Clock clock, Locale language) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(value.trim()).toInstant();
        } catch (java.time.DateTimeException e) {
            throw new Unreadable(refusal(HttpStatus.BAD_REQUEST, "INVALID_INPUT", name,
                    ApiText.of("export.badInstant", name, value), language));
        }
        try {
            return Args.instant(name, at, clock);
        } catch (InvalidArgumentException outOfRange) {
            throw new Unreadable(refusal(HttpStatus.BAD_REQUEST, "INVALID_INPUT", name, outOfRange.text(), language));
        }
    }
}
