package org.ntmrecords.infra.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.ntmrecords.events.scorecard.Judgment;

/** What the workbooks write alike: Việt Nam time and dates, the three judgments in words, text cells, colours. */
final class WorkbookCells {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    /** The record time a sheet was read at, to the minute, as the later exports print it on every sheet. */
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    /** Excel's formats: the reader's Excel shows the separators of its own locale (1.110 and 71,32 in Vietnamese). */
    static final String WHOLE_FORMAT = "#,##0";
    static final String DECIMAL_FORMAT = "#,##0.##";
    static final String DATE_FORMAT = "dd/mm/yyyy";
    static final String DATE_TIME_FORMAT = "dd/mm/yyyy hh:mm";

    private WorkbookCells() {
    }

    static String judgment(Judgment judgment) {
        return switch (judgment) {
            case MET -> "Đạt";
            case NOT_MET -> "Chưa đạt";
            case NOT_ASSESSED -> "Chưa đánh giá";
        };
    }

    static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /**
     * The line every sheet of the later exports starts with: when the figures were read from the record (Việt Nam
     * time, to the minute) and the day they are counted or judged on.
     */
    static String readLine(Instant readAt, LocalDate asOf) {
        return "Số liệu đọc từ hồ sơ lúc " + MINUTE.format(readAt.atZone(VIETNAM)) + " (giờ Việt Nam), tính đến ngày "
                + DATE.format(asOf);
    }

    /** A number cell, or nothing for a missing number. */
    static void number(Row row, int column, Number value, CellStyle style) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value instanceof BigDecimal decimal ? decimal.doubleValue() : value.doubleValue());
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** A date cell shown dd/mm/yyyy, or nothing for a missing date. */
    static void date(Row row, int column, LocalDate value, CellStyle style) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(style);
        }
    }

    /** An instant as a date-time cell in Việt Nam time (Excel keeps no zone), or nothing for a missing one. */
    static void dateTime(Row row, int column, Instant value, CellStyle style) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value.atZone(VIETNAM).toLocalDateTime());
            cell.setCellStyle(style);
        }
    }

    /** A style showing cells in one of the formats above. */
    static CellStyle formatted(Workbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    /** A colour given as {@code RRGGBB}. */
    static XSSFColor colour(String rgb) {
        return new XSSFColor(new byte[]{(byte) Integer.parseInt(rgb.substring(0, 2), 16),
                (byte) Integer.parseInt(rgb.substring(2, 4), 16), (byte) Integer.parseInt(rgb.substring(4, 6), 16)},
                null);
    }
}
