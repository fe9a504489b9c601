package org.ntmrecords.infra.export;

import static org.ntmrecords.infra.export.WorkbookCells.number;
import static org.ntmrecords.infra.export.WorkbookCells.readLine;
import static org.ntmrecords.infra.export.WorkbookCells.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ntmrecords.query.overview.OverviewSummary;
import org.ntmrecords.query.overview.OverviewViews.ProvinceOverview;
import org.ntmrecords.query.overview.ProvinceCounts.DistrictSummary;

/**
 * A province overview as an .xlsx workbook, in Vietnamese: "Tổng quan" (the province's counts as provinceOverview
 * answers them, and its units by criteria met), "Theo huyện" (each district's units counted by result, then the units
 * outside any district and the province's totals) and "Theo số tiêu chí đạt" (the same areas' units by criteria met,
 * one row per count). Every sheet starts with the record time the figures were read at and the day counted; counts
 * are numeric cells, codes text.
 */
final class ProvinceOverviewWorkbook {
    static final String SUMMARY_SHEET = "Tổng quan";
    static final String DISTRICTS_SHEET = "Theo huyện";
    static final String BY_CRITERIA_SHEET = "Theo số tiêu chí đạt";
    /** The row of the units directly under the province (every commune since 1 July 2025). */
    static final String OUTSIDE = "Trực thuộc tỉnh (ngoài huyện)";
    static final String TOTAL = "Toàn tỉnh";
    static final List<String> COUNTS = List.of("Đơn vị được đánh giá theo bộ tiêu chí", "Đang theo dõi",
            "Đạt tất cả tiêu chí", "Chưa đạt", "Chưa đánh giá đủ");

    private ProvinceOverviewWorkbook() {
    }

    /** An area counted: a district, the units outside districts, or the whole province. */
    private record Area(String code, String name, OverviewSummary summary) {
    }

    static byte[] write(ProvinceOverview overview, Instant readAt) throws IOException {
        List<Area> areas = new ArrayList<>();
        for (DistrictSummary d : overview.districts()) {
            areas.add(new Area(d.district().code(), d.district().name(), d.summary()));
        }
        areas.add(new Area("", OUTSIDE, overview.outsideDistricts()));
        areas.add(new Area(overview.province().code(), TOTAL, overview.summary()));
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ExportStyles styles = new ExportStyles(workbook);
            String stamp = readLine(readAt, overview.date());
            summarySheet(workbook.createSheet(SUMMARY_SHEET), styles, overview, stamp);
            districtsSheet(workbook.createSheet(DISTRICTS_SHEET), styles, areas, stamp);
            byCriteriaSheet(workbook.createSheet(BY_CRITERIA_SHEET), styles, areas, stamp);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void summarySheet(Sheet sheet, ExportStyles styles, ProvinceOverview overview, String stamp) {
        int r = 0;
        text(sheet.createRow(r++), 0, overview.province().fullName(), styles.title);
        Row set = sheet.createRow(r++);
        text(set, 0, "Bộ tiêu chí", styles.header);
        text(set, 1, overview.criteriaSet().title() + " (" + overview.criteriaSet().id() + ", phiên bản "
                + overview.criteriaSet().version() + ")", null);
        text(sheet.createRow(r++), 0, stamp, null);
        r++;
        OverviewSummary s = overview.summary();
        int[] counts = counts(s);
        for (int k = 0; k < COUNTS.size(); k++) {
            Row row = sheet.createRow(r++);
            text(row, 0, COUNTS.get(k), styles.header);
            number(row, 1, counts[k], styles.whole);
        }
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
            number(row, 1, c.criteriaMet(), styles.whole);
            number(row, 2, c.criteriaTotal(), styles.whole);
            number(row, 3, c.units(), styles.whole);
        }
        sheet.setColumnWidth(0, 45 * 256);
        sheet.setColumnWidth(1, 14 * 256);
        sheet.setColumnWidth(2, 16 * 256);
        sheet.setColumnWidth(3, 12 * 256);
    }

    private static void districtsSheet(Sheet sheet, ExportStyles styles, List<Area> areas, String stamp) {
        text(sheet.createRow(0), 0, stamp, null);
        Row head = sheet.createRow(2);
        text(head, 0, "Mã", styles.header);
        text(head, 1, "Huyện", styles.header);
        for (int k = 0; k < COUNTS.size(); k++) {
            text(head, k + 2, COUNTS.get(k), styles.header);
        }
        int r = 3;
        for (Area area : areas) {
            Row row = sheet.createRow(r++);
            text(row, 0, area.code(), null);
            text(row, 1, area.name(), area.name().equals(TOTAL) ? styles.header : null);
            int[] counts = counts(area.summary());
            for (int k = 0; k < counts.length; k++) {
                number(row, k + 2, counts[k], styles.whole);
            }
        }
        sheet.createFreezePane(2, 3);
        int[] widths = {8, 30, 18, 14, 14, 12, 14};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
    }

    private static void byCriteriaSheet(Sheet sheet, ExportStyles styles, List<Area> areas, String stamp) {
        text(sheet.createRow(0), 0, stamp, null);
        Row head = sheet.createRow(2);
        List<String> titles = List.of("Mã", "Huyện", "Tiêu chí đạt", "Tổng số tiêu chí", "Số đơn vị");
        for (int c = 0; c < titles.size(); c++) {
            text(head, c, titles.get(c), styles.header);
        }
        int r = 3;
        for (Area area : areas) {
            // most criteria met first, as on the overview page
            List<OverviewSummary.CriteriaMetCount> byMet = area.summary().byCriteriaMet();
            for (int k = byMet.size() - 1; k >= 0; k--) {
                OverviewSummary.CriteriaMetCount c = byMet.get(k);
                Row row = sheet.createRow(r++);
                text(row, 0, area.code(), null);
                text(row, 1, area.name(), null);
                number(row, 2, c.criteriaMet(), styles.whole);
                number(row, 3, c.criteriaTotal(), styles.whole);
                number(row, 4, c.units(), styles.whole);
            }
        }
        sheet.createFreezePane(0, 3);
        int[] widths = {8, 30, 14, 16, 12};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
    }

    private static int[] counts(OverviewSummary s) {
        return new int[]{s.units(), s.tracked(), s.met(), s.notMet(), s.notAssessed()};
    }
}
