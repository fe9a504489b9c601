package org.ntmrecords.infra.export;

import static org.ntmrecords.infra.export.WorkbookCells.colour;

import java.util.EnumMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.ntmrecords.events.scorecard.Judgment;

/**
 * The styles of the report workbooks (province overview, unit indicators, unit history), made once per workbook (a
 * workbook holds a limited number): a title, bold headings, whole and decimal numbers, dates and date-times shown the
 * Vietnamese way, wrapped text, and the web app's colours for the three judgments.
 */
final class ExportStyles {
    final CellStyle title;
    final CellStyle header;
    final CellStyle whole;
    final CellStyle decimal;
    final CellStyle date;
    final CellStyle dateTime;
    final CellStyle wrapped;
    private final Map<Judgment, CellStyle> judgments = new EnumMap<>(Judgment.class);

    ExportStyles(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font large = workbook.createFont();
        large.setBold(true);
        large.setFontHeightInPoints((short) 14);
        title = workbook.createCellStyle();
        title.setFont(large);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        whole = WorkbookCells.formatted(workbook, WorkbookCells.WHOLE_FORMAT);
        decimal = WorkbookCells.formatted(workbook, WorkbookCells.DECIMAL_FORMAT);
        date = WorkbookCells.formatted(workbook, WorkbookCells.DATE_FORMAT);
        dateTime = WorkbookCells.formatted(workbook, WorkbookCells.DATE_TIME_FORMAT);
        wrapped = workbook.createCellStyle();
        wrapped.setWrapText(true);
        // the colours of the web app's grid: green met, red not met, amber not assessed
        Map<Judgment, String> fills = Map.of(Judgment.MET, "C6EFCE", Judgment.NOT_MET, "FFC7CE",
                Judgment.NOT_ASSESSED, "FFEB9C");
        fills.forEach((judgment, rgb) -> {
            XSSFCellStyle style = (XSSFCellStyle) workbook.createCellStyle();
            style.setFillForegroundColor(colour(rgb));
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            judgments.put(judgment, style);
        });
    }

    CellStyle judgment(Judgment judgment) {
        return judgment == null ? null : judgments.get(judgment);
    }
}
