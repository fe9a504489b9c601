package org.ntmrecords.infra.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Đồng Tháp's province overview downloaded by the provincial appraiser and a dashboard, read back with POI: its totals,
 * each district's counts by result and the counts by criteria met are provinceOverview's (asked through GraphQL for the
 * same province and set), as numbers; every sheet says when it was read. The refusals, as JSON in the request's
 * language.
 */
class ProvinceOverviewExportIT extends ExportIT {
    private static final String PATH = "/exports/province-overview.xlsx";

    /** An OverviewSummary as the workbook's row of an area gives it (columns from {@code first}). */
    private static Map<String, Object> counts(Row row, int first) {
        Map<String, Object> counts = new HashMap<>();
        List<String> names = List.of("units", "tracked", "met", "notMet", "notAssessed");
        for (int k = 0; k < names.size(); k++) {
            assertThat(row.getCell(first + k).getCellType()).isEqualTo(CellType.NUMERIC);
            counts.put(names.get(k), (int) row.getCell(first + k).getNumericCellValue());
        }
        return counts;
    }

    @SuppressWarnings("unchecked")
    @Test
    void theWorkbookCountsWhatProvinceOverviewAnswers() throws Exception {
        for (String user : List.of("dongthap.appraiser", "dashboard")) {
            HttpResponse<byte[]> response = get(user, PATH + "?provinceCode=87&setId=" + NTM, null);
            isWorkbook(response, "tong-quan-tinh-87-" + NTM + ".xlsx");
            Map<String, Object> api = graphQl(user).documentName("provinceOverview").variable("province", "87")
                    .variable("set", NTM).execute().path("provinceOverview").entity(Map.class).get();
            List<Map<String, Object>> districts = (List<Map<String, Object>>) api.get("districts");
            assertThat(districts).isNotEmpty();

            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
                assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
                workbook.forEach(ExportIT::printsReadTime);
                Sheet summary = workbook.getSheet("Tổng quan");
                assertThat(shown(summary.getRow(0), 0))
                        .isEqualTo(((Map<String, Object>) api.get("province")).get("fullName"));
                assertThat(shown(summary.getRow(2), 0)).endsWith("tính đến ngày "
                        + LocalDate.parse((String) api.get("date")).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));

                // each district's units counted by result, then those outside districts and the province's totals
                Sheet byDistrict = workbook.getSheet("Theo huyện");
                int head = rowOf(byDistrict, "Mã");
                assertThat(shown(byDistrict.getRow(head), 2)).isEqualTo("Đơn vị được đánh giá theo bộ tiêu chí");
                for (int k = 0; k < districts.size(); k++) {
                    Map<String, Object> district = (Map<String, Object>) districts.get(k).get("district");
                    Map<String, Object> expected = new HashMap<>((Map<String, Object>) districts.get(k).get("summary"));
                    expected.remove("byCriteriaMet");
                    Row row = byDistrict.getRow(head + 1 + k);
                    assertThat(shown(row, 0)).isEqualTo(district.get("code"));
                    assertThat(shown(row, 1)).isEqualTo(district.get("name"));
                    assertThat(counts(row, 2)).as((String) district.get("name")).isEqualTo(expected);
                }
                Row outside = byDistrict.getRow(head + 1 + districts.size());
                assertThat(shown(outside, 1)).isEqualTo("Trực thuộc tỉnh (ngoài huyện)");
                Map<String, Object> outsideCounts = new HashMap<>((Map<String, Object>) api.get("outsideDistricts"));
                outsideCounts.remove("byCriteriaMet");
                assertThat(counts(outside, 2)).isEqualTo(outsideCounts);
                Row total = byDistrict.getRow(head + 2 + districts.size());
                assertThat(shown(total, 1)).isEqualTo("Toàn tỉnh");
                Map<String, Object> totals = new HashMap<>((Map<String, Object>) api.get("summary"));
                List<Object> totalByMet = (List<Object>) totals.remove("byCriteriaMet");
                assertThat(counts(total, 2)).isEqualTo(totals);
                // Tháp Mười's twelve communes are among them
                assertThat((Integer) totals.get("units")).isGreaterThanOrEqualTo(12);

                // the counts by criteria met, area by area, most criteria met first
                Sheet byMet = workbook.getSheet("Theo số tiêu chí đạt");
                Map<String, List<Map<String, Object>>> read = new HashMap<>();
                for (int r = rowOf(byMet, "Mã") + 1; r <= byMet.getLastRowNum(); r++) {
                    Row row = byMet.getRow(r);
                    read.computeIfAbsent(shown(row, 1), n -> new ArrayList<>()).add(0, Map.of(
                            "criteriaMet", (int) row.getCell(2).getNumericCellValue(),
                            "criteriaTotal", (int) row.getCell(3).getNumericCellValue(),
                            "units", (int) row.getCell(4).getNumericCellValue()));
                }
                assertThat(read.getOrDefault("Toàn tỉnh", List.of())).isEqualTo(totalByMet);
                for (Map<String, Object> d : districts) {
                    String name = (String) ((Map<String, Object>) d.get("district")).get("name");
                    assertThat(read.getOrDefault(name, List.of())).as(name)
                            .isEqualTo(((Map<String, Object>) d.get("summary")).get("byCriteriaMet"));
                }
                assertThat(read.getOrDefault("Trực thuộc tỉnh (ngoài huyện)", List.of()))
                        .isEqualTo(((Map<String, Object>) api.get("outsideDistricts")).get("byCriteriaMet"));
            }
        }
    }

    @Test
    void refusalsAreJsonInTheRequestsLanguage() throws Exception {
        HttpResponse<byte[]> unknown = get("dashboard", PATH + "?provinceCode=99&setId=" + NTM, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown)).containsEntry("code", "UNKNOWN_UNIT").containsEntry("field", "provinceCode")
                .containsEntry("message", "Không có đơn vị hành chính mã 99");
        assertThat(json(get("dashboard", PATH + "?provinceCode=99&setId=" + NTM, "en")))
                .containsEntry("message", "there is no administrative unit with code 99");
        HttpResponse<byte[]> noSet = get("dashboard", PATH + "?provinceCode=87&setId=no-such-set", null);
        assertThat(noSet.statusCode()).isEqualTo(404);
        assertThat(json(noSet)).containsEntry("code", "UNKNOWN_CRITERIA_SET").containsEntry("field", "setId")
                .containsEntry("message", "Không có bộ tiêu chí no-such-set");

        // a district is not a province: refused as provinceOverview refuses it
        HttpResponse<byte[]> district = get("dongthap.appraiser", PATH + "?provinceCode=872&setId=" + NTM, null);
        assertThat(district.statusCode()).isEqualTo(400);
        List<String> answered = new ArrayList<>();
        graphQl("dongthap.appraiser").documentName("provinceOverview").variable("province", "872")
                .variable("set", NTM).execute().errors().satisfy(errors -> errors.forEach(e ->
                        answered.add(e.getMessage())));
        assertThat(answered).hasSize(1);
        assertThat(json(district)).containsEntry("code", "UNIT_LEVEL_MISMATCH").containsEntry("field", "provinceCode")
                .containsEntry("message", answered.get(0));

        HttpResponse<byte[]> missing = get("dashboard", PATH + "?setId=" + NTM, null);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing)).containsEntry("code", "INVALID_INPUT").containsEntry("field", "provinceCode")
                .containsEntry("message", "provinceCode: bắt buộc phải có");

        assertThat(get(null, PATH + "?provinceCode=87&setId=" + NTM, null).statusCode()).isEqualTo(401);
    }
}
