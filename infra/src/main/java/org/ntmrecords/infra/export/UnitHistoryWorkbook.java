package org.ntmrecords.infra.export;

import static org.ntmrecords.infra.export.WorkbookCells.date;
import static org.ntmrecords.infra.export.WorkbookCells.dateTime;
import static org.ntmrecords.infra.export.WorkbookCells.number;
import static org.ntmrecords.infra.export.WorkbookCells.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.infra.api.history.HistoryEventTypes;
import org.ntmrecords.query.history.HistoryEntryView;
import org.ntmrecords.query.history.HistorySummaries;

/**
 * A unit's history as an .xlsx workbook, in Vietnamese: one sheet "Lịch sử", its head saying whose history, with which
 * filters, how many entries, and the record time it was read at; then one row per entry, newest first, with when it
 * was recorded, its business dates, kind, summary, who acted (account, role, unit), its correlation id, the unit and
 * set it is about (a predecessor's entries say so), the documents it cites and its event id. Written through an
 * {@link SXSSFWorkbook}: rows are flushed to disk as they come, so a long history never sits in memory as cells.
 */
final class UnitHistoryWorkbook {
    static final String SHEET = "Lịch sử";
    static final List<String> COLUMNS = List.of("Số thứ tự trong kho sự kiện", "Ghi vào hồ sơ lúc",
            "Ngày nghiệp vụ từ", "Ngày nghiệp vụ đến", "Loại", "Nội dung", "Người thực hiện", "Vai trò",
            "Đơn vị của người thực hiện", "Mã tương quan (correlation id)", "Đơn vị", "Của đơn vị tiền thân",
            "Bộ tiêu chí", "Văn bản", "Mã sự kiện");
    /** Rows kept in memory before they are flushed to the temporary file. */
    private static final int WINDOW = 200;
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private UnitHistoryWorkbook() {
    }

    /** Writes entries as they are read, in the order given. */
    interface Rows {
        void each(Consumer<HistoryEntryView> entry);
    }

    /**
     * The workbook's bytes.
     *
     * @param head  the lines above the table: whose history, the filters, how many entries, when it was read
     * @param rows  the entries, read a page at a time by the caller, newest first
     */
    static byte[] write(List<String> head, Rows rows) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.setCompressTempFiles(true);
            ExportStyles styles = new ExportStyles(workbook);
            Sheet sheet = workbook.createSheet(SHEET);
            int[] r = {0};
            text(sheet.createRow(r[0]++), 0, head.get(0), styles.title);
            for (String line : head.subList(1, head.size())) {
                text(sheet.createRow(r[0]++), 0, line, null);
            }
            r[0]++;
            Row header = sheet.createRow(r[0]++);
            for (int c = 0; c < COLUMNS.size(); c++) {
                text(header, c, COLUMNS.get(c), styles.header);
            }
            sheet.createFreezePane(0, r[0]);
            int[] widths = {12, 18, 14, 14, 30, 60, 20, 24, 14, 38, 10, 12, 32, 40, 38};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            rows.each(e -> {
                Row row = sheet.createRow(r[0]++);
                number(row, 0, e.position(), styles.whole);
                dateTime(row, 1, e.recordedAt(), styles.dateTime);
                date(row, 2, e.businessStart(), styles.date);
                date(row, 3, e.businessEnd(), styles.date);
                text(row, 4, HistoryEventTypes.served(e.type()), null);
                text(row, 5, HistorySummaries.of(e).map(m -> m.in(VIETNAMESE)).orElse(e.summary()), null);
                text(row, 6, orEmpty(e.actor()), null);
                text(row, 7, orEmpty(e.actorRole()), null);
                text(row, 8, orEmpty(e.actorUnit()), null);
                text(row, 9, orEmpty(e.correlationId()), null);
                text(row, 10, orEmpty(e.unitCode()), null);
                text(row, 11, orEmpty(e.attributedTo()), null);
                text(row, 12, orEmpty(e.setId()), null);
                text(row, 13, e.documents() == null ? "" : e.documents().stream()
                        .map(d -> UnitIndicatorsWorkbook.reference(
                                new DocumentRef(d.number(), d.date(), d.issuer(), d.title())))
                        .collect(Collectors.joining("; ")), null);
                text(row, 14, orEmpty(e.eventId()), null);
            });
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
