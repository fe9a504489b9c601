package org.ntmrecords.infra.export;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.ntmrecords.events.scorecard.Judgment;

/** What the workbooks write alike: Việt Nam time and dates, the three judgments in words, text cells, colours. */
final class WorkbookCells {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

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

    /** A colour given as {@code RRGGBB}. */
    static XSSFColor colour(String rgb) {
        return new XSSFColor(new byte[]{(byte) Integer.parseInt(rgb.substring(0, 2), 16),
                (byte) Integer.parseInt(rgb.substring(2, 4), 16), (byte) Integer.parseInt(rgb.substring(4, 6), 16)},
                null);
    }
}
