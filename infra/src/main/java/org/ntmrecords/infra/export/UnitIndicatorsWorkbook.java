package org.ntmrecords.infra.export;

import static org.ntmrecords.infra.export.WorkbookCells.DATE;
import static org.ntmrecords.infra.export.WorkbookCells.MINUTE;
import static org.ntmrecords.infra.export.WorkbookCells.VIETNAM;
import static org.ntmrecords.infra.export.WorkbookCells.date;
import static org.ntmrecords.infra.export.WorkbookCells.dateTime;
import static org.ntmrecords.infra.export.WorkbookCells.judgment;
import static org.ntmrecords.infra.export.WorkbookCells.number;
import static org.ntmrecords.infra.export.WorkbookCells.readLine;
import static org.ntmrecords.infra.export.WorkbookCells.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.criteria.Requirement;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.JudgmentBasis;
import org.ntmrecords.query.evidence.EvidenceReadRepository.EvidenceView;
import org.ntmrecords.query.scorecard.IndicatorDecisionView;
import org.ntmrecords.query.scorecard.IndicatorEntryView;
import org.ntmrecords.query.unit.UnitView;

/**
 * A unit's indicator table under a set as an .xlsx workbook, in Vietnamese, as the unit page shows it: "Chỉ tiêu"
 * (every criterion of the standing, each followed by its indicators with the requirement, the judgment and what it
 * rests on and, for accounts that read values, the latest value with its period, source, evidence documents and their
 * files' hashes, the decision, who recorded it and when) and, for those accounts, "Hồ sơ minh chứng" (the documents
 * attached to the unit's criteria and indicators under the set). Every sheet starts with the record time the table was
 * read at and the day it is judged on (and, as of a past instant, that instant).
 */
final class UnitIndicatorsWorkbook {
    static final String INDICATORS_SHEET = "Chỉ tiêu";
    static final String EVIDENCE_SHEET = "Hồ sơ minh chứng";
    /** The columns every account gets. */
    static final List<String> STANDING_COLUMNS = List.of("Tiêu chí", "Chỉ tiêu", "Nội dung", "Yêu cầu", "Kết quả",
            "Căn cứ đánh giá");
    /** The columns of values, their provenance and evidence: only for accounts that read values. */
    static final List<String> VALUE_COLUMNS = List.of("Số liệu mới nhất", "Giá trị (số)", "Kỳ số liệu từ ngày",
            "Kỳ số liệu đến ngày", "Nguồn số liệu", "Minh chứng", "Mã băm tệp minh chứng (SHA-256)", "Quyết định",
            "Ghi chú", "Ghi vào hồ sơ lúc", "Người ghi");
    static final List<String> EVIDENCE_COLUMNS = List.of("Gắn với", "Mã tiêu chí, chỉ tiêu", "Số văn bản",
            "Ngày văn bản", "Cơ quan ban hành", "Trích yếu", "Loại", "Tên tệp", "Mã băm tệp (SHA-256)",
            "Dung lượng (byte)", "Gắn lúc", "Người gắn");

    private UnitIndicatorsWorkbook() {
    }

    /**
     * What the table is made of.
     *
     * @param recordedAt the record instant asked for (standingAsOf), or null for the live standing
     * @param date       the day the standing is judged on
     * @param documents  the dossier's documents, or null for an account that does not read values and evidence
     */
    record Table(UnitView unit, String setTitle, String setId, int setVersion, Judgment result, int criteriaMet,
                 int criteriaTotal, List<CriterionRow> criteria, Instant readAt, LocalDate date, Instant recordedAt,
                 List<EvidenceView> documents) {
        boolean withValues() {
            return documents != null;
        }
    }

    record CriterionRow(String code, String name, Judgment result, int indicatorsMet, int indicatorsTotal,
                        List<IndicatorRow> indicators) {
    }

    /**
     * @param value    the latest value (or the value the judgment as of a date used), if any and readable
     * @param decision the decision the judgment rests on, if any and readable
     */
    record IndicatorRow(String code, String text, Requirement requirement, BigDecimal threshold, String requiredLevel,
                        Judgment result, JudgmentBasis basis, IndicatorEntryView value,
                        IndicatorDecisionView decision) {
    }

    static String basis(JudgmentBasis basis) {
        return basis == null ? "" : switch (basis) {
            case COMPUTED -> "Tính từ số liệu";
            case HUMAN_DECISION -> "Theo quyết định";
            case MARKED_NOT_ASSESSED -> "Ghi nhận chưa đánh giá";
            case AWAITING_DECISION -> "Chờ quyết định";
            case NO_DATA -> "Chưa có số liệu";
            case ITEMS_UNDECIDED -> "Các mục chưa đánh giá chưa cho phép kết luận";
        };
    }

    static byte[] write(Table table) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ExportStyles styles = new ExportStyles(workbook);
            indicatorsSheet(workbook.createSheet(INDICATORS_SHEET), styles, table);
            if (table.withValues()) {
                evidenceSheet(workbook.createSheet(EVIDENCE_SHEET), styles, table);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static int stamp(Sheet sheet, int r, Table t) {
        text(sheet.createRow(r++), 0, readLine(t.readAt(), t.date()), null);
        if (t.recordedAt() != null) {
            text(sheet.createRow(r++), 0, "Theo hồ sơ ghi đến " + MINUTE.format(t.recordedAt().atZone(VIETNAM))
                    + " (giờ Việt Nam), tình hình ngày " + DATE.format(t.date()), null);
        }
        return r;
    }

    private static void indicatorsSheet(Sheet sheet, ExportStyles styles, Table t) {
        int r = 0;
        text(sheet.createRow(r++), 0, t.unit().fullName() + " (mã " + t.unit().code() + ")", styles.title);
        Row set = sheet.createRow(r++);
        text(set, 0, "Bộ tiêu chí", styles.header);
        text(set, 2, (t.setTitle() == null ? "" : t.setTitle() + " — ") + t.setId() + ", phiên bản "
                + t.setVersion(), null);
        Row result = sheet.createRow(r++);
        text(result, 0, "Kết quả", styles.header);
        text(result, 2, t.criteriaMet() + "/" + t.criteriaTotal() + " tiêu chí đạt", null);
        text(result, 4, judgment(t.result()), styles.judgment(t.result()));
        r = stamp(sheet, r, t);
        r++;
        List<String> columns = new ArrayList<>(STANDING_COLUMNS);
        if (t.withValues()) {
            columns.addAll(VALUE_COLUMNS);
        }
        Row head = sheet.createRow(r++);
        for (int c = 0; c < columns.size(); c++) {
            text(head, c, columns.get(c), styles.header);
        }
        int headRow = r;
        for (CriterionRow criterion : t.criteria()) {
            Row row = sheet.createRow(r++);
            text(row, 0, criterion.code(), styles.header);
            text(row, 2, "Tiêu chí " + criterion.code() + ". " + criterion.name() + " (" + criterion.indicatorsMet()
                    + "/" + criterion.indicatorsTotal() + " chỉ tiêu đạt)", styles.header);
            text(row, 4, judgment(criterion.result()), styles.judgment(criterion.result()));
            for (IndicatorRow i : criterion.indicators()) {
                row = sheet.createRow(r++);
                text(row, 0, criterion.code(), null);
                text(row, 1, i.code(), null);
                text(row, 2, i.text(), styles.wrapped);
                String requirement = ValueTemplateWorkbook.requirement(i.requirement(), i.threshold(),
                        i.requiredLevel());
                text(row, 3, i.requirement().decidedByHuman() ? requirement + " (do cơ quan có thẩm quyền đánh giá)"
                        : requirement, styles.wrapped);
                text(row, 4, judgment(i.result()), styles.judgment(i.result()));
                text(row, 5, basis(i.basis()), null);
                if (t.withValues()) {
                    values(row, STANDING_COLUMNS.size(), styles, i, t.documents());
                }
            }
        }
        sheet.createFreezePane(2, headRow);
        int[] widths = {9, 9, 50, 24, 14, 20, 18, 12, 14, 14, 24, 50, 40, 30, 30, 18, 18};
        for (int c = 0; c < Math.min(widths.length, columns.size()); c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
    }

    private static void values(Row row, int c, ExportStyles styles, IndicatorRow i, List<EvidenceView> documents) {
        IndicatorEntryView v = i.value();
        if (v != null) {
            text(row, c, v.value() == null ? "Chưa đánh giá" : ValueTemplateWorkbook.shown(v.value(), i.requirement()),
                    null);
            BigDecimal figure = figure(v.value());
            number(row, c + 1, figure, styles.decimal);
            if (v.period() != null) {
                date(row, c + 2, v.period().start(), styles.date);
                date(row, c + 3, v.period().end(), styles.date);
            }
            text(row, c + 4, v.sourceAgency() == null ? "" : v.sourceAgency(), null);
            List<DocumentRef> evidence = v.evidence() == null ? List.of() : v.evidence();
            text(row, c + 5, evidence.stream().map(UnitIndicatorsWorkbook::reference)
                    .collect(Collectors.joining("\n")), styles.wrapped);
            text(row, c + 6, evidence.stream().map(d -> hash(d, i.code(), documents)).filter(Objects::nonNull)
                    .collect(Collectors.joining("\n")), styles.wrapped);
            text(row, c + 8, v.note() == null ? "" : v.note(), styles.wrapped);
            dateTime(row, c + 9, v.recordedAt(), styles.dateTime);
            text(row, c + 10, v.recordedBy() == null ? "" : v.recordedBy(), null);
        }
        IndicatorDecisionView d = i.decision();
        if (d != null) {
            String basis = d.basis() == null || d.basis().isEmpty() ? ""
                    : " — " + d.basis().stream().map(UnitIndicatorsWorkbook::reference).collect(Collectors.joining("; "));
            text(row, c + 7, judgment(d.result()) + " (" + d.decidedBy() + ")" + basis, styles.wrapped);
        }
    }

    /** The value as a number where it is one: a percentage, a count, an amount, sub-indicators met. */
    private static BigDecimal figure(IndicatorValue value) {
        if (value == null) {
            return null;
        }
        return switch (value.kind()) {
            case PERCENTAGE -> value.percentage();
            case COUNT -> value.count() == null ? null : BigDecimal.valueOf(value.count());
            case AMOUNT -> value.amount();
            case SUB_INDICATORS -> value.met() == null ? null : BigDecimal.valueOf(value.met());
            default -> null;
        };
    }

    /** A document as the page cites it: number, date, issuer and title. */
    static String reference(DocumentRef d) {
        StringBuilder s = new StringBuilder(d.number());
        if (d.date() != null) {
            s.append(" ngày ").append(DATE.format(d.date()));
        }
        if (d.issuer() != null && !d.issuer().isBlank()) {
            s.append(" của ").append(d.issuer());
        }
        if (d.title() != null && !d.title().isBlank()) {
            s.append(": ").append(d.title());
        }
        return s.toString();
    }

    /** The hash of the file stored with the dossier's document of that number attached to the indicator, if any. */
    private static String hash(DocumentRef d, String indicatorCode, List<EvidenceView> documents) {
        return documents.stream().filter(e -> e.fileSha256() != null && d.number().equals(e.number())
                        && (e.code() == null || e.code().equals(indicatorCode)))
                .map(e -> d.number() + ": " + e.fileSha256()).findFirst().orElse(null);
    }

    private static void evidenceSheet(Sheet sheet, ExportStyles styles, Table t) {
        int r = stamp(sheet, 0, t);
        r++;
        Row head = sheet.createRow(r++);
        for (int c = 0; c < EVIDENCE_COLUMNS.size(); c++) {
            text(head, c, EVIDENCE_COLUMNS.get(c), styles.header);
        }
        int headRow = r;
        for (EvidenceView d : t.documents()) {
            Row row = sheet.createRow(r++);
            text(row, 0, switch (d.targetKind()) {
                case "CRITERION" -> "Tiêu chí";
                case "INDICATOR" -> "Chỉ tiêu";
                case "CASE" -> "Hồ sơ công nhận";
                default -> "Đơn vị";
            }, null);
            text(row, 1, d.code() == null ? "" : d.code(), null);
            text(row, 2, d.number(), null);
            date(row, 3, d.date(), styles.date);
            text(row, 4, d.issuer() == null ? "" : d.issuer(), null);
            text(row, 5, d.title() == null ? "" : d.title(), styles.wrapped);
            text(row, 6, d.kind() == null ? "" : d.kind(), null);
            text(row, 7, d.fileName() == null ? "" : d.fileName(), null);
            text(row, 8, d.fileSha256() == null ? "" : d.fileSha256(), null);
            number(row, 9, d.fileSize(), styles.whole);
            dateTime(row, 10, d.attachedAt(), styles.dateTime);
            text(row, 11, d.attachedBy() == null ? "" : d.attachedBy(), null);
        }
        sheet.createFreezePane(0, headRow);
        int[] widths = {14, 12, 20, 12, 28, 40, 12, 24, 66, 14, 18, 18};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
    }
}
