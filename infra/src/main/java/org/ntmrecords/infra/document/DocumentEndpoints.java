package org.ntmrecords.infra.document;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.export.ExportAnswers;
import org.ntmrecords.infra.security.NtmPrincipal;
import org.ntmrecords.infra.security.ReadPolicy;
import org.ntmrecords.query.audit.AsOf;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.ntmrecords.query.overview.OverviewRefusedException;
import org.ntmrecords.query.plan.PlanReadRepository.PlanView;
import org.ntmrecords.query.unit.UnitReadRepository;
import org.ntmrecords.query.unit.UnitView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /documents/quarterly-report.docx|.pdf?districtCode=&year=&quarter=} and
 * {@code GET /documents/plan-annex.docx|.pdf?planId=}, each with optional {@code recordedAt} (an instant, default now:
 * the record time the figures are read at; the answer's {@code X-Record-Time} header gives it back exactly, so the
 * same figures can be asked for again) and {@code asOf} (the business date: by default a report's quarter's last day,
 * an annex's plan date). Open to every account but dashboards: both read values, cases' steps and reports received,
 * which the read policy gives to {@link ReadPolicy.Audience#RECORDS}. Refusals are JSON {@code code}, {@code field},
 * {@code message} in the request's language: 400 {@code INVALID_INPUT} for a parameter missing or malformed,
 * {@code UNIT_LEVEL_MISMATCH} or {@code UNIT_CEASED} as {@code districtOverview} refuses, 404 {@code UNKNOWN_UNIT} or
 * {@code UNKNOWN_PLAN}, 403 {@code NOT_ALLOWED}.
 */
@RestController
public class DocumentEndpoints {
    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final String RECORD_TIME = "X-Record-Time";

    private final QuarterlyReport reports;
    private final PlanAnnex annexes;
    private final UnitReadRepository units;
    private final Clock clock;

    public DocumentEndpoints(QuarterlyReport reports, PlanAnnex annexes, UnitReadRepository units, Clock clock) {
        this.reports = reports;
        this.annexes = annexes;
        this.units = units;
        this.clock = clock;
    }

    /** A refusal thrown from a check, so that each check reads as one line; caught by the endpoint. */
    private static final class RefusedException extends RuntimeException {
        private final transient ResponseEntity<Map<String, Object>> answer;

        RefusedException(ResponseEntity<Map<String, Object>> answer) {
            super(null, null, false, false);
            this.answer = answer;
        }
    }

    @GetMapping("/documents/quarterly-report.{format}")
    public ResponseEntity<?> quarterlyReport(@PathVariable String format,
                                             @RequestParam(required = false) String districtCode,
                                             @RequestParam(required = false) String year,
                                             @RequestParam(required = false) String quarter,
                                             @RequestParam(required = false) String asOf,
                                             @RequestParam(required = false) String recordedAt,
                                             @AuthenticationPrincipal NtmPrincipal user,
                                             @RequestHeader HttpHeaders headers) throws IOException {
        Locale language = ApiText.language(headers);
        try {
            Format kind = format(format, language);
            allowed(user, language);
            required("districtCode", districtCode, language);
            int y = number("year", year, 2010, 2100, "document.invalidYear", language);
            int q = number("quarter", quarter, 1, 4, "document.invalidQuarter", language);
            // the quarter's end when no day is given, bound as a given day is (a year after today at most)
            LocalDate day = asOf == null ? within("year", QuarterlyReport.end(y, q), language)
                    : date("asOf", asOf, language);
            if (day.isBefore(QuarterlyReport.start(y, q))) {
                throw refused(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "asOf",
                        ApiText.of("document.asOfBeforeQuarter", Figures.date(day), String.valueOf(q),
                                String.valueOf(y)), language);
            }
            AsOf at = asOf(day, recordedAt, language);
            UnitView district = units.find(districtCode.trim()).orElseThrow(() -> refused(HttpStatus.NOT_FOUND,
                    "UNKNOWN_UNIT", "districtCode", ApiText.of("document.unknownUnit", districtCode.trim()), language));
            DocumentText text;
            try {
                text = reports.write(district, y, q, at);
            } catch (OverviewRefusedException refused) {
                throw refused(HttpStatus.BAD_REQUEST, refused.code().name(), refused.field(), refused.text(),
                        language);
            }
            return answer(kind, text, "bao-cao-quy-" + q + "-" + y + "-" + district.code(), at.recordedAt());
        } catch (RefusedException refused) {
            return refused.answer;
        }
    }

    @GetMapping("/documents/plan-annex.{format}")
    public ResponseEntity<?> planAnnex(@PathVariable String format,
                                       @RequestParam(required = false) String planId,
                                       @RequestParam(required = false) String asOf,
                                       @RequestParam(required = false) String recordedAt,
                                       @AuthenticationPrincipal NtmPrincipal user,
                                       @RequestHeader HttpHeaders headers) throws IOException {
        Locale language = ApiText.language(headers);
        try {
            Format kind = format(format, language);
            allowed(user, language);
            required("planId", planId, language);
            LocalDate day = asOf == null ? null : date("asOf", asOf, language);
            Instant record = asOf(null, recordedAt, language).recordedAt();
            PlanView plan = annexes.recordedBy(planId.trim(), record).orElseThrow(() -> refused(
                    HttpStatus.NOT_FOUND, "UNKNOWN_PLAN", "planId", ApiText.of("document.unknownPlan", planId.trim()),
                    language));
            AsOf at = new AsOf(day != null ? day : plan.date() != null ? plan.date()
                    : LocalDate.ofInstant(record, clock.getZone()), record);
            return answer(kind, annexes.write(plan, at), "phu-luc-" + plan.planId(), record);
        } catch (RefusedException refused) {
            return refused.answer;
        }
    }

    private enum Format { DOCX, PDF }

    private static ResponseEntity<byte[]> answer(Format format, DocumentText text, String name, Instant recordedAt)
            throws IOException {
        ResponseEntity<byte[]> file = format == Format.PDF
                ? ExportAnswers.attachment(Pdf.write(text), MediaType.APPLICATION_PDF, name + ".pdf")
                : ExportAnswers.attachment(Docx.write(text), DOCX, name + ".docx");
        return ResponseEntity.status(file.getStatusCode()).headers(file.getHeaders())
                .header(RECORD_TIME, recordedAt.toString()).body(file.getBody());
    }

    private static Format format(String format, Locale language) {
        return switch (format) {
            case "docx" -> Format.DOCX;
            case "pdf" -> Format.PDF;
            default -> throw refused(HttpStatus.NOT_FOUND, "UNKNOWN_FORMAT", "format",
                    ApiText.of("document.unknownFormat", format), language);
        };
    }

    private static void allowed(NtmPrincipal user, Locale language) {
        if (user == null || !ReadPolicy.Audience.RECORDS.admits(user.role())) {
            throw refused(HttpStatus.FORBIDDEN, "NOT_ALLOWED", null, ApiText.of("document.mayNotRead"), language);
        }
    }

    private static void required(String name, String value, Locale language) {
        ExportAnswers.missing(name, value, language).ifPresent(answer -> {
            throw new RefusedException(answer);
        });
    }

    private static int number(String name, String value, int min, int max, String key, Locale language) {
        required(name, value, language);
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // refused below, as a number out of range is
        }
        throw refused(HttpStatus.BAD_REQUEST, "INVALID_INPUT", name, ApiText.of(key, value, String.valueOf(min), String.valueOf(max)), language);
    }

    private LocalDate date(String name, String value, Locale language) {
        LocalDate day;
        try {
            day = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw refused(HttpStatus.BAD_REQUEST, "INVALID_INPUT", name, ApiText.of("document.invalidDate", value),
                    language);
        }
        return within(name, day, language);
    }

    /** A day the record answers about ({@link Args#date}: from 1900 to a year after today), or its refusal. */
    private LocalDate within(String name, LocalDate day, Locale language) {
        try {
            return Args.date(name, day, clock);
        } catch (InvalidArgumentException outOfRange) {
            throw refused(HttpStatus.BAD_REQUEST, "INVALID_INPUT", name, outOfRange.text(), language);
        }
    }

    private AsOf asOf(LocalDate day, String recordedAt, Locale language) {
        Instant at;
        try {
            at = recordedAt == null ? null : Instant.parse(recordedAt.trim());
        } catch (java.time.DateTimeException e) {
            throw refused(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "recordedAt",
                    ApiText.of("document.invalidInstant", recordedAt), language);
        }
        try {
            Args.instant("recordedAt", at, clock);
        } catch (InvalidArgumentException outOfRange) {
            throw refused(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "recordedAt", outOfRange.text(), language);
        }
        try {
            return AsOf.of(day, at, clock);
        } catch (InvalidArgumentException future) {
            throw refused(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "recordedAt", future.text(), language);
        }
    }

    private static RefusedException refused(HttpStatus status, String code, String field,
                                            org.ntmrecords.events.common.Message message, Locale language) {
        return new RefusedException(ExportAnswers.refusal(status, code, field, message, language));
    }
}
