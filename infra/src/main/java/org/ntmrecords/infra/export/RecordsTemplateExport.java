package org.ntmrecords.infra.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.importing.RecordsImport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /templates/records.xlsx?kinds=issuePlan,addPlanItem}: an empty workbook for {@code POST /imports/records},
 * one sheet per kind asked (all of {@link RecordsImport#KINDS} when none is), named as the kind, its header the
 * columns the import reads, in the mutation input's order, each with what the schema says of it as a comment
 * (required or not, its type, its description), an enum's values as a drop-down, every cell text so that
 * {@code 26/01/2024} and {@code 30.478.000.000} stay as typed; and a "Hướng dẫn" sheet listing them. Built from the
 * served schema, so it cannot name a column the import would refuse. Open to every signed-in account.
 */
@RestController
public class RecordsTemplateExport {
    private final RecordsImport records;

    public RecordsTemplateExport(RecordsImport records) {
        this.records = records;
    }

    @GetMapping("/templates/records.xlsx")
    public ResponseEntity<?> template(@RequestParam(required = false) String kinds,
                                      @RequestHeader HttpHeaders headers) throws IOException {
        Locale language = ApiText.language(headers);
        List<String> asked = new ArrayList<>();
        if (kinds == null || kinds.isBlank()) {
            asked.addAll(RecordsImport.KINDS);
        } else {
            for (String kind : kinds.split(",")) {
                String k = kind.strip();
                if (!RecordsImport.KINDS.contains(k)) {
                    return ExportAnswers.refusal(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "kinds",
                            ApiText.of("import.records.unknownKind", k, String.join(", ", RecordsImport.KINDS)),
                            language);
                }
                if (!asked.contains(k)) {
                    asked.add(k);
                }
            }
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle text = workbook.createCellStyle();
            DataFormat formats = workbook.createDataFormat();
            text.setDataFormat(formats.getFormat("@"));
            Sheet guide = workbook.createSheet("Hướng dẫn");
            int g = 0;
            WorkbookCells.text(guide.createRow(g++), 0, "Mẫu nhập hồ sơ (POST /imports/records): mỗi trang tính mang "
                    + "tên một loại hồ sơ, dòng đầu là tên các cột; các trang tính được nhập theo thứ tự trong sổ.",
                    null);
            WorkbookCells.text(guide.createRow(g++), 0, "Ngày viết dd/mm/yyyy, số viết như 71,32 hoặc 30.478.000.000; "
                    + "nhiều mã trong một ô cách nhau bằng dấu chấm phẩy; cột riêng của văn phòng đặt tên bắt đầu "
                    + "bằng # (hệ thống bỏ qua).", null);
            g++;
            for (String kind : asked) {
                Sheet sheet = workbook.createSheet(kind);
                Row head = sheet.createRow(0);
                List<String> columns = records.columns(kind);
                Map<String, String> described = records.descriptions(kind);
                Drawing<?> drawing = sheet.createDrawingPatriarch();
                DataValidationHelper validations = sheet.getDataValidationHelper();
                Row guideKind = guide.createRow(g++);
                WorkbookCells.text(guideKind, 0, kind, header);
                for (int c = 0; c < columns.size(); c++) {
                    String column = columns.get(c);
                    WorkbookCells.text(head, c, column, header);
                    String about = described.getOrDefault(column, "");
                    ClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, c, 0, c + 4, 6);
                    Comment note = drawing.createCellComment(anchor);
                    note.setString(workbook.getCreationHelper().createRichTextString(about));
                    note.setAuthor("NTM Records");
                    head.getCell(c).setCellComment(note);
                    sheet.setDefaultColumnStyle(c, text);
                    sheet.setColumnWidth(c, 20 * 256);
                    List<String> values = records.values(kind, column);
                    if (!values.isEmpty() && String.join(",", values).length() <= 255) {
                        DataValidation validation = validations.createValidation(
                                validations.createExplicitListConstraint(values.toArray(String[]::new)),
                                new CellRangeAddressList(1, 1000, c, c));
                        validation.setShowErrorBox(true);
                        validation.setSuppressDropDownArrow(true);
                        validation.createErrorBox("Giá trị không hợp lệ", "Chọn một giá trị trong danh sách");
                        sheet.addValidationData(validation);
                    }
                    Row line = guide.createRow(g++);
                    WorkbookCells.text(line, 1, column, null);
                    WorkbookCells.text(line, 2, about, null);
                }
                sheet.createFreezePane(0, 1);
                g++;
            }
            guide.setColumnWidth(0, 24 * 256);
            guide.setColumnWidth(1, 30 * 256);
            guide.setColumnWidth(2, 120 * 256);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return ExportAnswers.workbook(out.toByteArray(), asked.size() == 1 ? "mau-" + asked.get(0) + ".xlsx"
                    : "mau-nhap-ho-so.xlsx");
        }
    }
}
