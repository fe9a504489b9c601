package org.ntmrecords.infra.export;

import static org.ntmrecords.infra.export.WorkbookCells.DATE;
import static org.ntmrecords.infra.export.WorkbookCells.MINUTE;
import static org.ntmrecords.infra.export.WorkbookCells.VIETNAM;

import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.api.history.HistoryQueries;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.ntmrecords.query.criteria.CriteriaSetReadRepository;
import org.ntmrecords.query.history.HistoryEntryView;
import org.ntmrecords.query.history.HistoryReadRepository;
import org.ntmrecords.query.unit.UnitReadRepository;
import org.ntmrecords.query.unit.UnitView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /exports/unit-history.xlsx?unitCode=30049[&setId=…][&criterionCode=…|&indicatorCode=…]
 * [&includePredecessors=true][&recordedFrom=…][&recordedTo=…][&businessFrom=…][&businessTo=…][&actor=…]
 * [&types=A,B][&correlationId=…]}: the entries {@code history} answers for that subject and filter
 * ({@link UnitHistoryWorkbook}), newest first. The subject and filter are checked and read by {@link HistoryQueries}'
 * own code and the entries by the same {@link HistoryReadRepository#page} as the query, a page of
 * {@code ntm.export.history-page-size} entries (default 500) at a time, so a long history is never loaded at once.
 * <p>
 * Like {@code history}, every account but dashboards (403 {@code NOT_ALLOWED}). An unknown unit or set: 404
 * {@code UNKNOWN_UNIT} / {@code UNKNOWN_CRITERIA_SET}; a subject or filter the query refuses, an unreadable date or
 * instant, a missing unit: 400 {@code INVALID_INPUT} with the query's message.
 */
@RestController
public class UnitHistoryExport {
    private final HistoryQueries queries;
    private final HistoryReadRepository history;
    private final UnitReadRepository units;
    private final CriteriaSetReadRepository sets;
    private final ExportAccess access;
    private final Clock clock;
    private final int pageSize;
    private final org.springframework.graphql.execution.GraphQlSource graphQl;

    public UnitHistoryExport(HistoryQueries queries, HistoryReadRepository history, UnitReadRepository units,
                             CriteriaSetReadRepository sets, ExportAccess access, Clock clock,
                             org.springframework.graphql.execution.GraphQlSource graphQl,
                             @Value("${ntm.export.history-page-size:500}") int pageSize) {
        this.graphQl = graphQl;
        this.queries = queries;
        this.history = history;
        this.units = units;
        this.sets = sets;
        this.access = access;
        this.clock = clock;
        if (pageSize < 1) {
            throw new IllegalArgumentException("ntm.export.history-page-size must be at least 1: " + pageSize);
        }
        this.pageSize = pageSize;
    }

    @GetMapping("/exports/unit-history.xlsx")
    public ResponseEntity<?> unitHistory(@RequestParam(required = false) String unitCode,
                                         @RequestParam(required = false) String setId,
                                         @RequestParam(required = false) String criterionCode,
                                         @RequestParam(required = false) String indicatorCode,
                                         @RequestParam(required = false) Boolean includePredecessors,
                                         @RequestParam(required = false) String recordedFrom,
                                         @RequestParam(required = false) String recordedTo,
                                         @RequestParam(required = false) String businessFrom,
                                         @RequestParam(required = false) String businessTo,
                                         @RequestParam(required = false) String actor,
                                         @RequestParam(required = false) String types,
                                         @RequestParam(required = false) String correlationId,
                                         @RequestHeader HttpHeaders headers, Principal principal) throws IOException {
        Locale language = ApiText.language(headers);
        Optional<? extends ResponseEntity<?>> refused = ExportAnswers.missing("unitCode", unitCode, language)
                .or(() -> access.refusedUnless(principal, "Query", "history", "unitCode", language));
        if (refused.isPresent()) {
            return refused.get();
        }
        HistoryQueries.HistoryFilterInput filterInput;
        Map<String, String> subjects;
        HistoryReadRepository.Filter filter;
        String unit;
        String set;
        try {
            filterInput = new HistoryQueries.HistoryFilterInput(
                    ExportAnswers.instant("recordedFrom", recordedFrom, clock, language),
                    ExportAnswers.instant("recordedTo", recordedTo, clock, language),
                    ExportAnswers.date("businessFrom", businessFrom, clock, language),
                    ExportAnswers.date("businessTo", businessTo, clock, language),
                    actor, types == null || types.isBlank() ? null : Arrays.stream(types.split(","))
                    .map(String::trim).filter(t -> !t.isEmpty()).toList(), correlationId);
            // the types the query's enum HistoryEventType has; any other is refused, as GraphQL refuses it
            graphql.schema.GraphQLEnumType known = (graphql.schema.GraphQLEnumType) graphQl.schema()
                    .getType("HistoryEventType");
            if (filterInput.types() != null) {
                for (String type : filterInput.types()) {
                    if (known.getValue(type) == null) {
                        return ExportAnswers.refusal(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "types",
                                ApiText.of("export.unknownType", type.length() > 60 ? type.substring(0, 60) + "…"
                                        : type), language);
                    }
                }
            }
            unit = Args.text("unitCode", unitCode);
            set = setId == null || setId.isBlank() ? null : Args.text("setId", setId);
            subjects = queries.subjects(new HistoryQueries.HistorySubjectInput(unit, set, criterionCode,
                    indicatorCode, null, includePredecessors));
            filter = HistoryQueries.filter(filterInput, clock);
        } catch (ExportAnswers.Unreadable unreadable) {
            return unreadable.answer();
        } catch (InvalidArgumentException invalid) {
            return ExportAnswers.refusal(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "", invalid.text(), language);
        }
        Optional<UnitView> unitView = units.find(unit);
        if (unitView.isEmpty()) {
            return ExportAnswers.refusal(HttpStatus.NOT_FOUND, "UNKNOWN_UNIT", "unitCode",
                    ApiText.of("export.unknownUnit", unit), language);
        }
        if (set != null && sets.versions(set).isEmpty()) {
            return ExportAnswers.refusal(HttpStatus.NOT_FOUND, "UNKNOWN_CRITERIA_SET", "setId",
                    ApiText.of("export.unknownSet", set), language);
        }
        Instant readAt = clock.instant();
        long count = history.count(subjects, filter);
        List<String> head = new ArrayList<>();
        head.add("Lịch sử hồ sơ của " + unitView.get().fullName() + " (mã " + unit + ")");
        head.add(WorkbookCells.readLine(readAt, LocalDate.ofInstant(readAt, VIETNAM)));
        head.add("Chủ đề: " + subject(set, criterionCode, indicatorCode, includePredecessors));
        head.add("Lọc: " + filtered(filterInput));
        head.add("Số mục: " + count + ", mới nhất trước");
        byte[] workbook = UnitHistoryWorkbook.write(head, each -> {
            Long before = null;
            while (true) {
                List<HistoryEntryView> page = history.page(subjects, filter, before, false, pageSize);
                // a page read backward comes in store order: newest first means from its end
                for (int k = page.size() - 1; k >= 0; k--) {
                    each.accept(page.get(k));
                }
                if (page.size() < pageSize) {
                    break;
                }
                before = page.get(0).position();
            }
        });
        String filename = "lich-su-" + unit + (set == null ? "" : "-" + set) + ".xlsx";
        return ExportAnswers.workbook(workbook, filename);
    }

    private static String subject(String set, String criterion, String indicator, Boolean predecessors) {
        StringBuilder s = new StringBuilder(set == null ? "cả đơn vị" : "bộ tiêu chí " + set);
        if (criterion != null && !criterion.isBlank()) {
            s.append(", tiêu chí ").append(criterion.trim());
        }
        if (indicator != null && !indicator.isBlank()) {
            s.append(", chỉ tiêu ").append(indicator.trim());
        }
        if (Boolean.TRUE.equals(predecessors)) {
            s.append(", gồm các đơn vị tiền thân");
        }
        return s.toString();
    }

    private static String filtered(HistoryQueries.HistoryFilterInput f) {
        List<String> parts = new ArrayList<>();
        if (f.recordedFrom() != null) {
            parts.add("ghi từ " + MINUTE.format(f.recordedFrom().atZone(VIETNAM)));
        }
        if (f.recordedTo() != null) {
            parts.add("ghi đến " + MINUTE.format(f.recordedTo().atZone(VIETNAM)));
        }
        if (f.businessFrom() != null) {
            parts.add("ngày nghiệp vụ từ " + DATE.format(f.businessFrom()));
        }
        if (f.businessTo() != null) {
            parts.add("ngày nghiệp vụ đến " + DATE.format(f.businessTo()));
        }
        if (f.actor() != null && !f.actor().isBlank()) {
            parts.add("người thực hiện " + f.actor().trim());
        }
        if (f.types() != null) {
            parts.add("loại " + String.join(", ", f.types()));
        }
        if (f.correlationId() != null && !f.correlationId().isBlank()) {
            parts.add("mã tương quan " + f.correlationId().trim());
        }
        return parts.isEmpty() ? "không" : String.join("; ", parts);
    }
}
