package org.ntmrecords.infra.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.axon.ActingAs;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The same values from an Excel workbook as from a CSV — text cells with decimal commas, a number cell, date cells,
 * a month written as text, a formula, a TRUE cell — each imported into a sandbox commune of its own and recorded the
 * same; a bad cell refusing its row with its Excel row number, in Vietnamese, the others recorded; the workbook again
 * changing nothing; and files that are not workbooks refused before anything is sent.
 */
class ValueImportXlsxIT extends IntegrationTest {
    private static final String SET = "dongthap-commune-ntm-2021-2025";
    private static final String NOTE = "Phụ lục 6: số liệu đã rà soát, kiểm tra";
    private static final String AGENCY = "UBND huyện Tháp Mười";

    @Autowired
    IndicatorValueCsvImport values;

    private String tracked(String code) {
        sandboxCommune(code);
        Boolean known = jdbc.queryForObject("select exists (select 1 from event_store.domain_event_entry "
                + "where aggregate_identifier = ?)", Boolean.class, code + "@" + SET);
        if (!Boolean.TRUE.equals(known)) {
            graphQl("lapvo.vpdp").documentName("trackUnit").variable("input", Map.of("unitCode", code, "setId", SET))
                    .execute().path("trackUnit.errors").entityList(Object.class).hasSize(0);
            awaitProjections();
        }
        return code;
    }

    private static String csv(String unit) {
        return String.join(";", IndicatorValueCsvImport.COLUMNS) + "\r\n"
                + unit + ";" + SET + ";x-1;17.7;01/01/2024;31/12/2024;PERCENTAGE;71,32;" + AGENCY + ";\"" + NOTE + "\"\r\n"
                + unit + ";" + SET + ";x-2;17.7;Tháng 6/2024;;PERCENTAGE;86,5;;\r\n"
                + unit + ";" + SET + ";x-3;13.3;30/9/2024;;COUNT;1 200;;\r\n"
                + unit + ";" + SET + ";x-4;1;15/3/2024;;ACHIEVED;Đạt;;\r\n";
    }

    /** A workbook as an office keeps one: empty rows above the header, the values, a column of its own notes. */
    private static final class Book implements AutoCloseable {
        final XSSFWorkbook workbook = new XSSFWorkbook();
        final Sheet sheet;
        final CellStyle day;
        final CellStyle percent;

        Book(String sheetName) {
            sheet = workbook.createSheet(sheetName);
            day = workbook.createCellStyle();
            day.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("0.0%"));
        }

        /** A row at Excel's row number, its cells from column A: String, Double, LocalDate, Boolean, "=formula". */
        Row row(int excelRow, Object... cells) {
            Row row = sheet.createRow(excelRow - 1);
            for (int i = 0; i < cells.length; i++) {
                Object value = cells[i];
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                if (value instanceof String text && text.startsWith("=")) {
                    cell.setCellFormula(text.substring(1));
                } else if (value instanceof String text) {
                    cell.setCellValue(text);
                } else if (value instanceof Double number) {
                    cell.setCellValue(number);
                } else if (value instanceof LocalDate date) {
                    cell.setCellValue(date);
                    cell.setCellStyle(day);
                } else if (value instanceof Boolean flag) {
                    cell.setCellValue(flag);
                } else if (value instanceof Percent p) {
                    cell.setCellValue(p.stored());
                    cell.setCellStyle(percent);
                }
            }
            return row;
        }

        Row header(int excelRow) {
            List<Object> names = new ArrayList<>(IndicatorValueCsvImport.COLUMNS);
            names.add("ghi_chu_noi_bo"); // a column of the office's own: left alone
            return row(excelRow, names.toArray());
        }

        byte[] bytes() throws IOException {
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll(); // the values Excel saves with formulas
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }

        @Override
        public void close() throws IOException {
            workbook.close();
        }
    }

    private record Percent(double stored) {
    }

    private static byte[] workbook(String unit) throws IOException {
        try (Book book = new Book("Số liệu")) {
            book.row(2, (Object) null).createCell(0); // a blank cell: rows 1 and 2 are empty, the header is row 3
            book.header(3);
            book.row(4, Double.valueOf(unit), SET, "x-1", "17.7", LocalDate.of(2024, 1, 1), "31/12/2024",
                    "PERCENTAGE", "71,32", AGENCY, NOTE, "đã gọi điện xác nhận");
            book.row(5, unit, SET, "x-2", "17.7", "Tháng 6/2024", null, "PERCENTAGE", 86.5);
            book.row(6, unit, SET, "x-3", 13.3, LocalDate.of(2024, 9, 30), null, "COUNT", "=1000+200");
            book.row(7, "", "", "", "", "", "", "", "", "", ""); // formatted but empty, as Excel keeps them
            book.row(8, unit, SET, "x-4", "1", "15/03/2024", null, "ACHIEVED", true);
            return book.bytes();
        }
    }

    private List<String> recorded(String unit) {
        awaitProjections();
        return jdbc.queryForList("select entry_id || ' ' || indicator_code || ' ' || value_kind || ' ' || "
                + "coalesce(value::text, '-') || ' ' || coalesce(display, '-') || ' ' || period_start || '..' || period_end || ' ' "
                + "|| coalesce(source_agency, '-') || ' ' || coalesce(note, '-') from read_model.indicator_entry "
                + "where scorecard_id = ? order by entry_id", String.class, unit + "@" + SET);
    }

    private List<String> events(String unit) {
        return jdbc.queryForList("select (convert_from(payload, 'UTF8')::jsonb - 'scorecardId' - 'unitCode')::text "
                + "from event_store.domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%IndicatorValueRecordedEvent' order by sequence_number", String.class,
                unit + "@" + SET);
    }

    private List<String> eventTypes(String unit) {
        return jdbc.queryForList("select payload_type from event_store.domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number", String.class, unit + "@" + SET);
    }

    private IndicatorValueCsvImport.Report run(byte[] file, String name, String sheet, List<Message> said)
            throws Exception {
        return values.run(file, name, null, sheet, ActingAs.Context.start(IndicatorValueCsvImport.ACTOR), said::add);
    }

    @Test
    void theSameValuesFromAWorkbookAndACsvAreRecordedTheSame() throws Exception {
        String fromCsv = tracked("99711");
        String fromXlsx = tracked("99712");
        List<Message> saidCsv = new ArrayList<>();
        List<Message> saidXlsx = new ArrayList<>();
        IndicatorValueCsvImport.Report csv = run(csv(fromCsv).getBytes(StandardCharsets.UTF_8), "values.csv", null,
                saidCsv);
        // named as a CSV, read as the workbook it is
        IndicatorValueCsvImport.Report xlsx = run(workbook(fromXlsx), "values.csv", null, saidXlsx);

        assertThat(csv.rejected()).isEmpty();
        assertThat(xlsx.rejected(Message.VIETNAMESE)).isEmpty();
        assertThat(xlsx.rows()).as("the empty rows are no rows").isEqualTo(4);
        assertThat(xlsx.recorded()).isEqualTo(4);
        assertThat(saidXlsx.get(0).in(Message.VIETNAMESE)).isEqualTo("Đọc trang tính “Số liệu” của sổ tính Excel (.xlsx)");
        assertThat(xlsx.summary(Message.VIETNAMESE)).contains("4 dòng", "4 đã ghi", "0 đã có từ trước", "0 bị từ chối");

        List<String> rows = recorded(fromXlsx);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).startsWith("x-1 17.7 PERCENTAGE").contains("71.32", "2024-01-01..2024-12-31", AGENCY, NOTE);
        assertThat(rows.get(1)).contains("86.5", "2024-06-01..2024-06-30");
        assertThat(rows.get(2)).contains("1200", "2024-09-30..2024-09-30");
        assertThat(rows.get(3)).startsWith("x-4 1 ACHIEVED").contains("2024-03-15..2024-03-15");
        assertThat(recorded(fromCsv)).isEqualTo(rows);
        assertThat(events(fromXlsx)).hasSize(4).isEqualTo(events(fromCsv));
        assertThat(eventTypes(fromXlsx)).isEqualTo(eventTypes(fromCsv));

        // the same workbook again: nothing more stored
        long before = eventCount();
        IndicatorValueCsvImport.Report again = run(workbook(fromXlsx), "values.xlsx", "Số liệu", new ArrayList<>());
        assertThat(again.recorded()).isZero();
        assertThat(again.alreadyRecorded()).isEqualTo(4);
        assertThat(again.rejected()).isEmpty();
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aBadCellRefusesItsRowByItsExcelRowNumberAndTheOthersAreRecordedOnce() throws Exception {
        String unit = tracked("99713");
        byte[] file;
        try (Book book = new Book("Sheet1")) {
            book.header(1);
            book.row(2, unit, SET, "xb-1", "17.7", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                    "PERCENTAGE", "71,32%");
            book.row(4, unit, SET, "xb-2", "17.7", "01/01/2024", "31/12/2024", "PERCENTAGE", "1.110");
            book.row(5, unit, SET, "xb-3", "17.7", "Tháng 2/2024", null, "PERCENTAGE", "=1/0");
            book.row(6, unit, SET, "xb-4", "17.7", 45292.0, null, "PERCENTAGE", 50.0);
            book.row(7, unit, SET, "xb-5", "17.7", "Tháng 3/2024", null, "PERCENTAGE", new Percent(0.865));
            book.row(8, unit, SET, "xb-6", "13.3", "1/3/2024", null, "COUNT", 12.5);
            file = book.bytes();
        }
        long before = eventCount();
        IndicatorValueCsvImport.Report first = run(file, "so-lieu.xlsx", null, new ArrayList<>());
        assertThat(first.rows()).isEqualTo(6);
        assertThat(first.recorded()).as("xb-1 and xb-5 (a cell shown as 86,5%)").isEqualTo(2);
        assertThat(first.rejected(Message.VIETNAMESE)).containsExactly(
                "dòng 4: cột value: “1.110” có thể là 1110 hoặc 1,110: hãy viết 1110 hoặc 1,110",
                "dòng 5: cột value: ô có lỗi #DIV/0! (giá trị công thức lưu trong tệp là lỗi)",
                "dòng 6: cột period_start: ô số 45292 không phải ngày: hãy định dạng ô là ngày hoặc viết dd/mm/yyyy",
                "dòng 8: cột value: “12.5” không phải là số nguyên");
        assertThat(first.rejected().get(0))
                .isEqualTo("line 4: column value: “1.110” could be 1110 or 1,110 (decimal comma): write 1110 or 1,110");
        long recordedOnce = eventCount();
        assertThat(recordedOnce).isGreaterThan(before);
        List<String> rows = recorded(unit);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).startsWith("xb-5 17.7 PERCENTAGE").contains("86.5", "2024-03-01..2024-03-31");

        IndicatorValueCsvImport.Report again = run(file, "so-lieu.xlsx", null, new ArrayList<>());
        assertThat(again.recorded()).isZero();
        assertThat(again.alreadyRecorded()).isEqualTo(2);
        assertThat(again.rejected(Message.VIETNAMESE)).hasSize(4);
        assertThat(eventCount()).as("nothing more stored").isEqualTo(recordedOnce);
    }

    /** An office's title rows above the header (the table's name, its date) are passed over. */
    @Test
    void titleRowsAboveTheHeaderArePassedOver() throws Exception {
        String unit = tracked("99719");
        byte[] file;
        try (Book book = new Book("Số liệu")) {
            book.row(1, "BẢNG SỐ LIỆU CHỈ TIÊU NÔNG THÔN MỚI");
            book.row(2, "Kèm theo báo cáo ngày 30/06/2024");
            book.header(4);
            book.row(5, unit, SET, "xt-1", "17.7", "Tháng 6/2024", null, "PERCENTAGE", "86,5");
            file = book.bytes();
        }
        IndicatorValueCsvImport.Report report = run(file, "so-lieu.xlsx", null, new ArrayList<>());
        assertThat(report.rows()).isEqualTo(1);
        assertThat(report.recorded()).as(report.rejected().toString()).isEqualTo(1);
    }

    @Test
    void filesThatAreNotWorkbooksAreRefusedInVietnameseBeforeAnythingIsSent() throws Exception {
        String unit = tracked("99714");
        long before = eventCount();
        byte[] text = csv(unit).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> run(text, "values.xlsx", null, new ArrayList<>()))
                .isInstanceOfSatisfying(IndicatorValueCsvImport.Unreadable.class, e -> assertThat(
                        e.text().in(Message.VIETNAMESE)).startsWith("Tệp có tên của sổ tính Excel nhưng không phải "
                        + "tệp .xlsx"));

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("values.csv"));
            out.write(text);
        }
        assertThatThrownBy(() -> run(zip.toByteArray(), "values.zip", null, new ArrayList<>()))
                .isInstanceOfSatisfying(IndicatorValueCsvImport.Unreadable.class, e -> assertThat(
                        e.text().in(Message.VIETNAMESE))
                        .startsWith("Tệp là tệp nén nhưng không phải sổ tính Excel (.xlsx) hợp lệ"));

        byte[] noColumns;
        try (Book book = new Book("Sheet1")) {
            book.row(2, "unit_code", "set_id", "value_id", "indicator_code", "kind", "value");
            book.row(3, unit, SET, "xr-1", "17.7", "PERCENTAGE", 50.0);
            noColumns = book.bytes();
        }
        assertThatThrownBy(() -> run(noColumns, "values.xlsx", null, new ArrayList<>()))
                .isInstanceOfSatisfying(IndicatorValueCsvImport.Unreadable.class, e -> assertThat(
                        e.text().in(Message.VIETNAMESE)).startsWith("Trang tính “Sheet1” không có cột [period_start, "
                        + "period_end]; dòng tiêu đề (dòng 2) phải có các cột"));
        assertThatThrownBy(() -> run(workbook(unit), "values.xlsx", "Tổng hợp", new ArrayList<>()))
                .isInstanceOfSatisfying(IndicatorValueCsvImport.Unreadable.class, e -> assertThat(
                        e.text().in(Message.VIETNAMESE)).isEqualTo("Sổ tính không có trang tính “Tổng hợp”; các "
                        + "trang tính là: Số liệu"));
        assertThat(eventCount()).isEqualTo(before);
        assertThat(recorded(unit)).isEmpty();
    }
}
