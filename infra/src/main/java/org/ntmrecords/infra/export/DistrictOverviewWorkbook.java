package org.ntmrecords.infra.export;

import static org.ntmrecords.infra.export.WorkbookCells.DATE;
import static org.ntmrecords.infra.export.WorkbookCells.DATE_TIME;
import static org.ntmrecords.infra.export.WorkbookCells.VIETNAM;
import static org.ntmrecords.infra.export.WorkbookCells.colour;
import static org.ntmrecords.infra.export.WorkbookCells.judgment;
import static org.ntmrecords.infra.export.WorkbookCells.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.query.overview.OverviewSummary;
import org.ntmrecords.query.overview.OverviewViews.DistrictOverview;
import org.ntmrecords.query.overview.OverviewViews.UnitStanding;
import org.ntmrecords.query.scorecard.CriterionStandingView;

/**
 * A district overview as an .xlsx workbook, in Vietnamese: "Tổng quan" (the counts districtOverview answers, with the
 * record time they were read at and the as-of date), "Đơn vị" (one row per unit, by Vietnamese name) and
 * "Tiêu chí × đơn vị" (each unit's result on each criterion of the set, coloured). Counts and criteria met are numeric
 * cells; codes stay text.
 */
final class DistrictOverviewWorkbook {
    static final String SUMMARY_SHEET = "Tổng quan";
    static final String UNITS_SHEET = "Đơn vị";
    static final String MATRIX_SHEET = "Tiêu chí × đơn vị";
    /** The record time is said in Việt Nam time whatever the server's zone. */
    private static final String NOT_TRACKED = "Chưa theo dõi";

    private DistrictOverviewWorkbook() {
    }

    /**
     * The workbook's bytes.
     *
     * @param criteria each tracked unit's criteria by scorecard id (the standings' criteria, read in one batch)
     * @param readAt   the instant the figures were read from the record
     * @param today    the date the overview counts units standing on
     */
    static byte[] write(DistrictOverview overview, Map<String, List<CriterionStandingView>> criteria, Instant readAt,
                        LocalDate today) throws IOException {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
        List<UnitStanding> units = overview.units().stream()
                .sorted(Comparator.comparing((UnitStanding u) -> u.unit().name(), collator)
                        .thenComparing(u -> u.unit().code()))
                .toList();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            summarySheet(workbook.createSheet(SUMMARY_SHEET), styles, overview, readAt, today);
            unitsSheet(workbook.createSheet(UNITS_SHEET), styles, units);
            matrixSheet(workbook.createSheet(MATRIX_SHEET), styles, overview.criteriaSet().criteria(), units, criteria);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void summarySheet(Sheet sheet, Styles styles, DistrictOverview overview, Instant readAt,
                                     LocalDate today) {
        int r = 0;
        text(sheet.createRow(r++), 0, overview.district().fullName(), styles.title);
        Row set = sheet.createRow(r++);
        text(set, 0, "Bộ tiêu chí", styles.header);
        text(set, 1, overview.criteriaSet().title() + " (" + overview.criteriaSet().id() + ", phiên bản "
                + overview.criteriaSet().version() + ")", null);
        Row read = sheet.createRow(r++);
        text(read, 0, "Số liệu đọc từ hồ sơ lúc " + DATE_TIME.format(readAt.atZone(VIETNAM))
                + " (giờ Việt Nam), tính đến ngày " + DATE.format(today), null);
        r++;
        OverviewSummary s = overview.summary();
        r = count(sheet, r, "Đơn vị được đánh giá theo bộ tiêu chí", s.units(), styles);
        r = count(sheet, r, "Đang theo dõi", s.tracked(), styles);
        r = count(sheet, r, "Đạt tất cả tiêu chí", s.met(), styles);
        r = count(sheet, r, "Chưa đạt", s.notMet(), styles);
        r = count(sheet, r, "Chưa đánh giá đủ", s.notAssessed(), styles);
        r++;
        Row head = sheet.createRow(r++);
        text(head, 0, "Số đơn vị theo số tiêu chí đạt", styles.header);
        text(head, 1, "Tiêu chí đạt", styles.header);
        text(head, 2, "Tổng số tiêu chí", styles.header);
        text(head, 3, "Số đơn vị", styles.header);
        // most criteria met first, as on the overview page
        for (int k = s.byCriteriaMet().size() - 1; k >= 0; k--) {
            OverviewSummary.CriteriaMetCount c = s.byCriteriaMet().get(k);
            Row row = sheet.createRow(r++);
            text(row, 0, "Đạt " + c.criteriaMet() + "/" + c.criteriaTotal() + " tiêu chí", null);
            row.createCell(1).setCellValue(c.criteriaMet());
            row.createCell(2).setCellValue(c.criteriaTotal());
            row.createCell(3).setCellValue(c.units());
        }
        sheet.setColumnWidth(0, 45 * 256);
        sheet.setColumnWidth(1, 14 * 256);
        sheet.setColumnWidth(2, 16 * 256);
        sheet.setColumnWidth(3, 12 * 256);
    }

    private static int count(Sheet sheet, int r, String label, int value, Styles styles) {
        Row row = sheet.createRow(r);
        text(row, 0, label, styles.header);
        row.createCell(1).setCellValue(value);
        return r + 1;
    }

    private static void unitsSheet(Sheet sheet, Styles styles, List<UnitStanding> units) {
        Row head = sheet.createRow(0);
        List<String> titles = List.of("Mã", "Tên", "Kết quả", "Tiêu chí đạt", "Tổng số tiêu chí",
                "Tiêu chí chưa đạt");
        for (int c = 0; c < titles.size(); c++) {
            text(head, c, titles.get(c), styles.header);
        }
        int r = 1;
        for (UnitStanding u : units) {
            Row row = sheet.createRow(r++);
            text(row, 0, u.unit().code(), null);
            text(row, 1, u.unit().name(), null);
            if (u.standing() == null) {
                text(row, 2, NOT_TRACKED, null);
                continue;
            }
            text(row, 2, judgment(u.standing().result()), styles.judgment(u.standing().result()));
            row.createCell(3).setCellValue(u.standing().criteriaMet());
            row.createCell(4).setCellValue(u.standing().criteriaTotal());
            text(row, 5, String.join(", ", u.standing().unmetCriteriaCodes()), null);
        }
        sheet.createFreezePane(0, 1);
        int[] widths = {10, 28, 16, 13, 16, 20};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
    }

    private static void matrixSheet(Sheet sheet, Styles styles, List<CriterionDefinition> criteria,
                                     List<UnitStanding> units, Map<String, List<CriterionStandingView>> byScorecard) {
        Row head = sheet.createRow(0);
        text(head, 0, "Đơn vị", styles.header);
        text(head, 1, "Mã", styles.header);
        for (int c = 0; c < criteria.size(); c++) {
            text(head, c + 2, criteria.get(c).code(), styles.header);
        }
        int r = 1;
        for (UnitStanding u : units) {
            Row row = sheet.createRow(r++);
            text(row, 0, u.unit().name(), null);
            text(row, 1, u.unit().code(), null);
            if (u.standing() == null) {
                text(row, 2, NOT_TRACKED, null);
                continue;
            }
            Map<String, Judgment> results = byScorecard.getOrDefault(u.standing().scorecardId(), List.of()).stream()
                    .collect(Collectors.toMap(CriterionStandingView::code, CriterionStandingView::result, (a, b) -> a));
            for (int c = 0; c < criteria.size(); c++) {
                Judgment result = results.get(criteria.get(c).code());
                if (result != null) {
                    text(row, c + 2, judgment(result), styles.judgment(result));
                }
            }
        }
        // the legend: what each code names
        r++;
        text(sheet.createRow(r++), 0, "Chú giải", styles.header);
        for (CriterionDefinition criterion : criteria) {
            Row row = sheet.createRow(r++);
            text(row, 0, criterion.code(), null);
            text(row, 1, criterion.name(), null);
        }
        sheet.createFreezePane(1, 1);
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 10 * 256);
        for (int c = 0; c < criteria.size(); c++) {
            sheet.setColumnWidth(c + 2, 14 * 256);
        }
    }

    /** The workbook's few styles, made once (a workbook holds a limited number). */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final Map<Judgment, CellStyle> judgments;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font large = workbook.createFont();
            large.setBold(true);
            large.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(large);
            header = workbook.createCellStyle();
            header.setFont(bold);
            // the colours of the web app's grid: green met, red not met, amber not assessed
            Map<Judgment, String> fills = Map.of(Judgment.MET, "C6EFCE", Judgment.NOT_MET, "FFC7CE",
                    Judgment.NOT_ASSESSED, "FFEB9C");
            judgments = fills.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> {
                XSSFCellStyle style = workbook.createCellStyle();
                style.setFillForegroundColor(colour(e.getValue()));
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                style.setBorderBottom(BorderStyle.THIN);
                style.setBorderRight(BorderStyle.THIN);
                return style;
            }));
        }

        CellStyle judgment(Judgment judgment) {
            return judgments.get(judgment);
        }

    }
}
