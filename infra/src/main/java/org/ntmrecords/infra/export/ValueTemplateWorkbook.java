package org.ntmrecords.infra.export;

import static org.ntmrecords.infra.export.WorkbookCells.DATE;
import static org.ntmrecords.infra.export.WorkbookCells.colour;
import static org.ntmrecords.infra.export.WorkbookCells.judgment;
import static org.ntmrecords.infra.export.WorkbookCells.readLine;
import static org.ntmrecords.infra.export.WorkbookCells.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ntmrecords.command.scorecard.ValueRules;
import org.ntmrecords.events.criteria.Requirement;
import org.ntmrecords.events.criteria.RequirementKind;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.Period;
import org.ntmrecords.events.scorecard.ValueKind;
import org.ntmrecords.query.criteria.CriteriaSetVersionView;
import org.ntmrecords.query.scorecard.IndicatorEntryView;
import org.ntmrecords.query.scorecard.IndicatorStandingView;
import org.ntmrecords.query.scorecard.StandingView;
import org.ntmrecords.query.unit.UnitView;

/**
 * The value template as an .xlsx workbook, in Vietnamese. "Số liệu" is what {@code import-values} reads: its header
 * row is the import's columns, then one row per indicator, its codes, value kind and value id filled in and locked
 * (shaded), the period, value, source agency and note left open (text cells, so {@code 71,32} and {@code 30/06/2024}
 * stay as typed); beside them, after {@code note} (columns the import ignores), the indicator, its requirement and the
 * value on record with its period and result. "Hướng dẫn" says how to fill it, for which unit and set, and when the
 * current values were read.
 */
final class ValueTemplateWorkbook {
    static final String VALUES_SHEET = "Số liệu";
    static final String GUIDE_SHEET = "Hướng dẫn";
    /** The import's columns, in its order (IndicatorValueCsvImport.COLUMNS). */
    static final List<String> COLUMNS = List.of("unit_code", "set_id", "value_id", "indicator_code",
            "period_start", "period_end", "kind", "value", "source_agency", "note");
    /** Shown beside the import's columns, which the import does not read. */
    static final List<String> BESIDE = List.of("Chỉ tiêu", "Yêu cầu", "Số liệu hiện có", "Kỳ số liệu hiện có",
            "Kết quả hiện tại");
    private static final Set<String> OPEN = Set.of("period_start", "period_end", "value", "source_agency", "note");

    private ValueTemplateWorkbook() {
    }

    /**
     * What the template is made of: a commune's rows, or a district's (each tracked commune's, one after another).
     *
     * @param scope  the unit the template is for: the commune, or the district
     * @param units  each unit's rows, in the order they are written
     * @param latest the rows' latest entries by key
     * @param readAt when the standings and values were read
     * @param today  the day they stand on
     * @param token  this download's part of every value id
     */
    record Template(UnitView scope, String setId, List<UnitRows> units,
                    Map<IndicatorEntryView.Key, IndicatorEntryView> latest, Instant readAt, LocalDate today,
                    String token) {
        Template {
            units = List.copyOf(units);
        }
    }

    /**
     * One unit's rows.
     *
     * @param set        the version of the set its standing is judged by (null if it is not found)
     * @param indicators the indicators the account may record, in the set's order
     */
    record UnitRows(UnitView unit, StandingView standing, CriteriaSetVersionView set,
                    List<IndicatorStandingView> indicators) {
    }

    /** The kind a value of this requirement is entered as: a percentage where a share is asked, else the one kind. */
    static ValueKind kind(RequirementKind requirement) {
        Set<ValueKind> accepted = ValueRules.acceptedKinds(requirement);
        return accepted.contains(ValueKind.PERCENTAGE) ? ValueKind.PERCENTAGE : accepted.iterator().next();
    }

    static byte[] write(Template template) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            valuesSheet(workbook.createSheet(VALUES_SHEET), styles, template);
            guideSheet(workbook.createSheet(GUIDE_SHEET), styles, template);
            workbook.setActiveSheet(0);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void valuesSheet(XSSFSheet sheet, Styles styles, Template t) {
        Row head = sheet.createRow(0);
        for (int c = 0; c < COLUMNS.size(); c++) {
            text(head, c, COLUMNS.get(c), styles.header);
        }
        for (int c = 0; c < BESIDE.size(); c++) {
            text(head, COLUMNS.size() + c, BESIDE.get(c), styles.header);
        }
        // after the columns the import reads and those beside them: a header the import ignores, over no data
        text(head, COLUMNS.size() + BESIDE.size(), readLine(t.readAt(), t.today()), null);
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        for (String column : List.of("period_start", "period_end")) {
            int c = COLUMNS.indexOf(column);
            ClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, c, 0, c + 3, 4);
            Comment note = drawing.createCellComment(anchor);
            note.setString(sheet.getWorkbook().getCreationHelper().createRichTextString(
                    "dd/mm/yyyy (ví dụ 30/06/2024) hoặc Tháng M/YYYY (ví dụ Tháng 6/2024)"));
            note.setAuthor("NTM Records");
            head.getCell(c).setCellComment(note);
        }
        DataValidationHelper validations = sheet.getDataValidationHelper();
        int r = 1;
        int valueColumn = COLUMNS.indexOf("value");
        for (UnitRows u : t.units()) {
            for (IndicatorStandingView i : u.indicators()) {
                Row row = sheet.createRow(r);
                ValueKind kind = kind(i.requirement().kind());
                Map<String, String> filled = Map.of("unit_code", u.unit().code(), "set_id", u.standing().setId(),
                        "value_id", "mau-" + u.unit().code() + "-" + i.code() + "-" + t.token(),
                        "indicator_code", i.code(), "kind", kind.name());
                for (int c = 0; c < COLUMNS.size(); c++) {
                    String column = COLUMNS.get(c);
                    if (OPEN.contains(column)) {
                        row.createCell(c).setCellStyle(styles.open);
                    } else {
                        text(row, c, filled.get(column), styles.locked);
                    }
                }
                IndicatorEntryView latest = i.latestEntryId() == null ? null
                        : t.latest().get(new IndicatorEntryView.Key(i.scorecardId(), i.latestEntryId()));
                int c = COLUMNS.size();
                text(row, c++, i.code() + ". " + i.text(), styles.lockedWrapped);
                text(row, c++, requirement(i), styles.locked);
                text(row, c++, latest == null || latest.value() == null ? "" : shown(latest.value(), i.requirement()),
                        styles.locked);
                text(row, c++, latest == null || latest.period() == null ? "" : period(latest.period()), styles.locked);
                text(row, c, judgment(i.result()), styles.locked);
                List<String> choices = switch (kind) {
                    case ACHIEVED -> List.of("Đạt", "Chưa đạt");
                    case LEVEL -> i.requirement().levels();
                    default -> List.of();
                };
                // an explicit list holds at most 255 characters; a longer scale is left to the import's check
                if (!choices.isEmpty() && String.join(",", choices).length() <= 255
                        && choices.stream().noneMatch(choice -> choice.contains(","))) {
                    DataValidation validation = validations.createValidation(
                            validations.createExplicitListConstraint(choices.toArray(String[]::new)),
                            new CellRangeAddressList(r, r, valueColumn, valueColumn));
                    validation.setShowErrorBox(true);
                    validation.setSuppressDropDownArrow(true);
                    validation.createErrorBox("Giá trị không hợp lệ", "Chọn một giá trị trong danh sách");
                    sheet.addValidationData(validation);
                }
                r++;
            }
        }
        int[] widths = {10, 30, 30, 14, 14, 14, 16, 14, 24, 30, 60, 22, 20, 24, 16};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        sheet.createFreezePane(0, 1);
        // locked, without a password: a guard against typing over codes, not a secret
        sheet.enableLocking();
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
    }

    private static void guideSheet(Sheet sheet, Styles styles, Template t) {
        int r = 0;
        text(sheet.createRow(r++), 0, "Mẫu nhập số liệu chỉ tiêu", styles.title);
        labelled(sheet, r++, "Đơn vị", t.scope().fullName() + " (mã " + t.scope().code() + ")", styles);
        CriteriaSetVersionView set = t.units().stream().map(UnitRows::set).filter(Objects::nonNull).findFirst()
                .orElse(null);
        String versions = t.units().stream().map(u -> String.valueOf(u.standing().setVersion())).distinct()
                .collect(Collectors.joining(", "));
        labelled(sheet, r++, "Bộ tiêu chí", (set == null ? "" : set.title() + " — ") + t.setId() + ", phiên bản "
                + versions, styles);
        labelled(sheet, r++, "Số liệu hiện có", readLine(t.readAt(), t.today()), styles);
        if (t.units().size() > 1 || !t.units().get(0).unit().code().equals(t.scope().code())) {
            r++;
            Row head = sheet.createRow(r++);
            text(head, 0, "Đơn vị trong mẫu", styles.header);
            text(head, 1, "Số dòng (chỉ tiêu được nhập), phiên bản bộ tiêu chí", styles.header);
            for (UnitRows u : t.units()) {
                Row row = sheet.createRow(r++);
                text(row, 0, u.unit().code() + " " + u.unit().name(), null);
                text(row, 1, u.indicators().size() + " dòng, phiên bản " + u.standing().setVersion(), null);
            }
        }
        r++;
        text(sheet.createRow(r++), 0, "Cách điền", styles.header);
        for (String line : List.of(
                "1. Điền vào trang \"" + VALUES_SHEET + "\", mỗi dòng một chỉ tiêu; chỉ các ô trắng được sửa "
                        + "(period_start, period_end, value, source_agency, note).",
                "2. Kỳ số liệu (period_start, period_end): ngày dd/mm/yyyy (ví dụ 30/06/2024) hoặc tháng "
                        + "\"Tháng M/YYYY\" (ví dụ Tháng 6/2024); bỏ trống period_end nếu chỉ một ngày hoặc một tháng.",
                "3. Số: dấu phẩy thập phân (71,32), nhóm nghìn bằng dấu chấm (1.110.000); tỷ lệ dạng 15,2/21; "
                        + "chỉ tiêu đạt/chưa đạt chọn Đạt hoặc Chưa đạt; mức chọn trong danh sách.",
                "4. Giữ nguyên dòng tiêu đề và các cột mã (unit_code, set_id, value_id, indicator_code, kind); "
                        + "các cột bên phải note chỉ để tham khảo, không được nhập vào hồ sơ.",
                "5. Dòng nào chưa có số liệu thì để trống: dòng đó không được ghi vào hồ sơ và không tính là "
                        + "một dòng số liệu.",
                "6. Mỗi dòng có mã số liệu (value_id) riêng: gửi lại cùng một tệp không ghi số liệu hai lần. "
                        + "Kỳ sau hãy tải mẫu mới.")) {
            text(sheet.createRow(r++), 0, line, null);
        }
        sheet.setColumnWidth(0, 34 * 256);
        sheet.setColumnWidth(1, 90 * 256);
    }

    private static void labelled(Sheet sheet, int r, String label, String value, Styles styles) {
        Row row = sheet.createRow(r);
        text(row, 0, label, styles.header);
        text(row, 1, value, null);
    }

    /** The requirement as a threshold with its unit ({@code ≥ 85 %}), or as written when no threshold is known. */
    static String requirement(IndicatorStandingView indicator) {
        return requirement(indicator.requirement(), indicator.threshold(), indicator.requiredLevel());
    }

    /**
     * The requirement as a threshold with its unit, from the threshold and level in force for the unit (its region's),
     * or as written when no threshold is known.
     */
    static String requirement(Requirement requirement, BigDecimal threshold, String requiredLevel) {
        String unit = requirement.unit() == null || requirement.unit().isBlank() ? "" : " " + requirement.unit();
        return switch (requirement.kind()) {
            case ACHIEVED -> "Đạt";
            case LEVEL_AT_LEAST -> {
                String level = requiredLevel != null ? requiredLevel : requirement.requiredLevel();
                yield level == null ? asWritten(requirement) : "Từ mức " + level + " trở lên";
            }
            case PERCENT_AT_LEAST, RATIO_AT_LEAST -> threshold == null ? asWritten(requirement)
                    : "≥ " + number(threshold) + " %";
            case PERCENT_AT_MOST -> threshold == null ? asWritten(requirement) : "≤ " + number(threshold) + " %";
            case COUNT_AT_LEAST, AMOUNT_AT_LEAST -> threshold == null ? asWritten(requirement)
                    : "≥ " + number(threshold) + unit;
            case N_OF_M -> threshold == null || requirement.subIndicatorTotal() == null ? asWritten(requirement)
                    : "≥ " + number(threshold) + "/" + requirement.subIndicatorTotal() + " chỉ tiêu thành phần";
            case ITEMS_AT_LEAST -> threshold == null ? asWritten(requirement)
                    : "≥ " + number(threshold) + "/" + requirement.items().size() + " mục";
        };
    }

    private static String asWritten(Requirement requirement) {
        return requirement.text() == null ? "" : requirement.text();
    }

    /** A value as the pages show it: decimal comma, a percentage with {@code %}, an amount with its unit. */
    static String shown(IndicatorValue value, Requirement requirement) {
        return switch (value.kind()) {
            case PERCENTAGE -> number(value.percentage()) + " %";
            case RATIO -> number(value.numerator()) + "/" + number(value.denominator());
            case COUNT -> String.valueOf(value.count());
            case AMOUNT -> number(value.amount())
                    + (requirement.unit() == null || requirement.unit().isBlank() ? "" : " " + requirement.unit());
            case ACHIEVED -> Boolean.TRUE.equals(value.achieved()) ? "Đạt" : "Chưa đạt";
            case LEVEL -> value.level();
            case SUB_INDICATORS -> value.met() + "/" + value.of();
        };
    }

    static String number(BigDecimal number) {
        return number == null ? "" : number.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String period(Period period) {
        return period.start().equals(period.end()) ? DATE.format(period.start())
                : DATE.format(period.start()) + " – " + DATE.format(period.end());
    }

    /** The workbook's few styles, made once. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle locked;
        final CellStyle lockedWrapped;
        final CellStyle open;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font large = workbook.createFont();
            large.setBold(true);
            large.setFontHeightInPoints((short) 14);
            short textFormat = workbook.createDataFormat().getFormat("@");
            title = workbook.createCellStyle();
            title.setFont(large);
            header = shaded(workbook, "D9D9D9");
            header.setFont(bold);
            locked = shaded(workbook, "F2F2F2");
            lockedWrapped = shaded(workbook, "F2F2F2");
            lockedWrapped.setWrapText(true);
            // what the commune types: open, and text so 71,32 and 30/06/2024 reach the import as typed
            open = workbook.createCellStyle();
            open.setLocked(false);
            open.setDataFormat(textFormat);
            open.setBorderBottom(BorderStyle.THIN);
            open.setBorderRight(BorderStyle.THIN);
        }

        private static XSSFCellStyle shaded(XSSFWorkbook workbook, String rgb) {
            XSSFCellStyle style = workbook.createCellStyle();
            style.setLocked(true);
            style.setFillForegroundColor(colour(rgb));
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
