package org.ntmrecords.infra.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.axon.ActingAs;
import org.ntmrecords.infra.axon.Actor;
import org.ntmrecords.infra.importing.IndicatorValueCsvImport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tháp Mười's value template downloaded by its coordination office and read back with POI: the value template's
 * columns, one row per indicator the office may record (mayRecord) of every commune of the district tracked against
 * the set (districtOverview's units), the communes one after another in code order, with the same drop-downs; then
 * 13.3 of two communes filled, the workbook saved and imported unchanged by import-values as the office: both values
 * recorded. The refusals as JSON.
 */
class DistrictTemplateIT extends ExportIT {
    private static final String PATH = "/templates/values.xlsx";
    private static final List<String> COLUMNS = List.of("unit_code", "set_id", "value_id", "indicator_code",
            "period_start", "period_end", "kind", "value", "source_agency", "note");

    @Autowired
    private IndicatorValueCsvImport values;

    /** unit code + " " + indicator code of every indicator the account may record, as districtOverview lists them. */
    @SuppressWarnings("unchecked")
    private List<String> recordable(String user) {
        List<Map<String, Object>> units = graphQl(user).documentName("districtTemplateRows")
                .variable("district", "872").variable("set", NTM).execute().path("districtOverview.units")
                .entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> unit : units) {
            Map<String, Object> standing = (Map<String, Object>) unit.get("standing");
            if (standing == null) {
                continue;
            }
            String code = (String) ((Map<String, Object>) unit.get("unit")).get("code");
            for (Map<String, Object> criterion : (List<Map<String, Object>>) standing.get("criteria")) {
                for (Map<String, Object> indicator : (List<Map<String, Object>>) criterion.get("indicators")) {
                    if (Boolean.TRUE.equals(indicator.get("mayRecord"))) {
                        rows.add(code + " " + indicator.get("code"));
                    }
                }
            }
        }
        return rows;
    }

    private static String typed(String kind) {
        return switch (kind) {
            case "ACHIEVED" -> "Đạt";
            case "PERCENTAGE" -> "100";
            default -> "1";
        };
    }

    @SuppressWarnings("unchecked")
    @Test
    void theOfficeFillsTheDistrictsTemplateAndTheImportRecordsItUnchanged() throws Exception {
        HttpResponse<byte[]> response = get("thapmuoi.vpdp", PATH + "?districtCode=872&setId=" + NTM, null);
        isWorkbook(response, "mau-nhap-lieu-huyen-872-" + NTM + ".xlsx");
        List<String> expected = recordable("thapmuoi.vpdp");
        assertThat(expected.stream().map(r -> r.split(" ")[0]).distinct().count()).isGreaterThan(1);

        byte[] filled;
        List<String> filledUnits = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            XSSFSheet sheet = workbook.getSheet("Số liệu");
            assertThat(workbook.getSheetIndex(sheet)).isZero();
            Row header = sheet.getRow(0);
            List<String> columns = new ArrayList<>();
            for (int c = 0; c < COLUMNS.size() + ValueTemplateWorkbook.BESIDE.size(); c++) {
                columns.add(shown(header, c));
            }
            List<String> same = new ArrayList<>(COLUMNS);
            same.addAll(ValueTemplateWorkbook.BESIDE);
            assertThat(columns).isEqualTo(same);
            assertThat(shown(header, columns.size())).matches(READ_LINE);
            assertThat(shown(workbook.getSheet("Hướng dẫn").getRow(1), 1)).isEqualTo("Huyện Tháp Mười (mã 872)");
            assertThat(shown(workbook.getSheet("Hướng dẫn").getRow(3), 1)).matches(READ_LINE);

            List<String> rows = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            List<Integer> achievedRows = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                assertThat(shown(row, 1)).isEqualTo(NTM);
                rows.add(shown(row, 0) + " " + shown(row, 3));
                ids.add(shown(row, 2));
                if ("ACHIEVED".equals(shown(row, 6))) {
                    achievedRows.add(r);
                }
                // codes locked, what the office fills open
                assertThat(row.getCell(3).getCellStyle().getLocked()).isTrue();
                assertThat(row.getCell(7).getCellStyle().getLocked()).isFalse();
            }
            assertThat(rows).isEqualTo(expected);
            assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).startsWith("mau-"));
            // the same drop-downs: Đạt / Chưa đạt on every yes/no row's value
            List<Integer> listed = new ArrayList<>();
            for (DataValidation validation : sheet.getDataValidations()) {
                for (CellRangeAddress range : validation.getRegions().getCellRangeAddresses()) {
                    assertThat(range.getFirstColumn()).isEqualTo(COLUMNS.indexOf("value"));
                    if (List.of(validation.getValidationConstraint().getExplicitListValues())
                            .equals(List.of("Đạt", "Chưa đạt"))) {
                        listed.add(range.getFirstRow());
                    }
                }
            }
            assertThat(achievedRows).isNotEmpty();
            assertThat(listed).containsExactlyInAnyOrderElementsOf(achievedRows);
            assertThat(sheet.getProtect()).isTrue();

            // 13.3 of two communes other than Tân Kiều, filled as an office would
            for (int r = 1; r <= sheet.getLastRowNum() && filledUnits.size() < 2; r++) {
                Row row = sheet.getRow(r);
                if ("13.3".equals(shown(row, 3)) && !"30049".equals(shown(row, 0))) {
                    row.getCell(4).setCellValue("30/06/2024");
                    row.getCell(7).setCellValue(typed(shown(row, 6)));
                    row.getCell(8).setCellValue("Phòng Kinh tế và Hạ tầng");
                    filledUnits.add(shown(row, 0));
                }
            }
            assertThat(filledUnits).hasSize(2);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            filled = out.toByteArray();
        }

        Actor office = new Actor("thapmuoi.vpdp", "DISTRICT_COORDINATION_OFFICE", "872", null);
        IndicatorValueCsvImport.Report report = values.run(filled, "mau-huyen-872.xlsx", null, null,
                ActingAs.Context.start(office), line -> { });
        assertThat(report.rows()).isEqualTo(2);
        assertThat(report.recorded()).as(report.rejections().toString()).isEqualTo(2);
        awaitProjections();
        for (String unit : filledUnits) {
            List<Map<String, Object>> criteria = graphQl("auditor").documentName("unitIndicators")
                    .variable("unit", unit).variable("set", NTM).execute().path("standing.criteria")
                    .entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
            Map<String, Object> latest = criteria.stream()
                    .flatMap(c -> ((List<Map<String, Object>>) c.get("indicators")).stream())
                    .filter(i -> "13.3".equals(i.get("code"))).findFirst()
                    .map(i -> (Map<String, Object>) i.get("latestValue")).orElseThrow();
            assertThat(latest).as(unit).containsEntry("recordedBy", "thapmuoi.vpdp")
                    .containsEntry("sourceAgency", "Phòng Kinh tế và Hạ tầng")
                    .containsEntry("period", Map.of("start", "2024-06-30", "end", "2024-06-30"));
        }
        // the same file again records nothing twice
        IndicatorValueCsvImport.Report again = values.run(filled, "mau-huyen-872.xlsx", null, null,
                ActingAs.Context.start(office), line -> { });
        assertThat(again.recorded()).isZero();
        assertThat(again.alreadyRecorded()).isEqualTo(2);
    }

    @Test
    void refusalsAreJsonInTheRequestsLanguage() throws Exception {
        // a dashboard records nothing; another district's office records nothing in Tháp Mười
        for (String user : List.of("dashboard", "lapvo.vpdp")) {
            HttpResponse<byte[]> refused = get(user, PATH + "?districtCode=872&setId=" + NTM, null);
            assertThat(refused.statusCode()).as(user).isEqualTo(403);
            assertThat(json(refused)).containsEntry("code", "NOT_ALLOWED").containsEntry("field", "districtCode")
                    .containsEntry("message", "Tài khoản này không được nhập số liệu chỉ tiêu nào của các đơn vị thuộc"
                            + " huyện 872 theo bộ tiêu chí " + NTM);
        }
        HttpResponse<byte[]> province = get("thapmuoi.vpdp", PATH + "?districtCode=87&setId=" + NTM, null);
        assertThat(province.statusCode()).isEqualTo(400);
        assertThat(json(province)).containsEntry("code", "UNIT_LEVEL_MISMATCH").containsEntry("field", "districtCode")
                .hasEntrySatisfying("message", m -> assertThat((String) m).contains("đơn vị 87 Tỉnh Đồng Tháp là tỉnh"));
        HttpResponse<byte[]> unknown = get("thapmuoi.vpdp", PATH + "?districtCode=999&setId=" + NTM, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown)).containsEntry("code", "UNKNOWN_UNIT")
                .containsEntry("message", "Không có đơn vị hành chính mã 999");
        HttpResponse<byte[]> noSet = get("thapmuoi.vpdp", PATH + "?districtCode=872&setId=no-such-set", null);
        assertThat(noSet.statusCode()).isEqualTo(404);
        assertThat(json(noSet)).containsEntry("code", "UNKNOWN_CRITERIA_SET");
        HttpResponse<byte[]> both = get("thapmuoi.vpdp", PATH + "?unitCode=30049&districtCode=872&setId=" + NTM, null);
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(json(both)).containsEntry("code", "INVALID_INPUT").containsEntry("message", "Cần đúng một trong hai"
                + " tham số unitCode (mẫu của một xã) hoặc districtCode (mẫu của các xã trong huyện)");
        HttpResponse<byte[]> missing = get("thapmuoi.vpdp", PATH + "?districtCode=872", null);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing)).containsEntry("code", "INVALID_INPUT").containsEntry("field", "setId");

        assertThat(get(null, PATH + "?districtCode=872&setId=" + NTM, null).statusCode()).isEqualTo(401);
    }
}
