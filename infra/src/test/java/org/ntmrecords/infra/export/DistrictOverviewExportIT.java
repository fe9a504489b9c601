package org.ntmrecords.infra.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.core.ParameterizedTypeReference;

/**
 * The district overview's workbook downloaded over HTTP as a district's coordination office and as a dashboard, read
 * back with POI: its counts are districtOverview's (asked through GraphQL), Tháp Mười's twelve communes with Tân Kiều at
 * 17/19 (13 and 17 unmet) in the units sheet and the matrix; and the refusals, as JSON in the request's language.
 */
class DistrictOverviewExportIT extends IntegrationTest {
    private static final String NTM = "dongthap-commune-ntm-2021-2025";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void demoLoaded() {
        awaitProjections();
    }

    private HttpResponse<byte[]> get(String user, String query, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/exports/district-overview.xlsx" + query)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, Object> json(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> body = JSON.readValue(response.body(), Map.class);
        return body;
    }

    /** The text of a cell, or its number for a numeric one (which must be numeric, not text). */
    private static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        return cell.getCellType() == CellType.NUMERIC ? (Object) (int) cell.getNumericCellValue()
                : cell.getStringCellValue();
    }

    /** Column B of the row whose column A reads {@code label}. */
    private static Object labelled(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && label.equals(value(row.getCell(0)))) {
                return value(row.getCell(1));
            }
        }
        throw new AssertionError("no row " + label);
    }

    @Test
    void theWorkbookCountsWhatDistrictOverviewAnswersForTheOfficeAndADashboard() throws Exception {
        for (String user : List.of("thapmuoi.vpdp", "dashboard")) {
            HttpResponse<byte[]> response = get(user, "?districtCode=872&setId=" + NTM, null);
            assertThat(response.statusCode()).as(user).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            assertThat(response.headers().firstValue("Content-Disposition")).hasValue(
                    "attachment; filename=\"tong-quan-872-" + NTM + ".xlsx\"");

            Map<String, Object> api = graphQl(user).documentName("districtOverviewCounts").variable("district", "872")
                    .variable("set", NTM).execute().path("districtOverview")
                    .entity(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
            @SuppressWarnings("unchecked")
            Map<String, Object> summary = (Map<String, Object>) api.get("summary");

            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
                assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
                Sheet overview = workbook.getSheet("Tổng quan");
                assertThat(value(overview.getRow(0).getCell(0))).isEqualTo("Huyện Tháp Mười");
                assertThat((String) value(overview.getRow(1).getCell(1)))
                        .startsWith((String) ((Map<?, ?>) api.get("criteriaSet")).get("title"));
                assertThat((String) value(overview.getRow(2).getCell(0)))
                        .matches("Số liệu đọc từ hồ sơ lúc \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2} \\(giờ Việt Nam\\),"
                                + " tính đến ngày \\d{2}/\\d{2}/\\d{4}");
                Map<String, Object> counted = new HashMap<>();
                counted.put("units", labelled(overview, "Đơn vị được đánh giá theo bộ tiêu chí"));
                counted.put("tracked", labelled(overview, "Đang theo dõi"));
                counted.put("met", labelled(overview, "Đạt tất cả tiêu chí"));
                counted.put("notMet", labelled(overview, "Chưa đạt"));
                counted.put("notAssessed", labelled(overview, "Chưa đánh giá đủ"));
                List<Map<String, Object>> byCriteriaMet = new ArrayList<>();
                for (Row row : overview) {
                    if (value(row.getCell(0)) instanceof String label && label.matches("Đạt \\d+/\\d+ tiêu chí")) {
                        byCriteriaMet.add(0, Map.of("criteriaMet", value(row.getCell(1)),
                                "criteriaTotal", value(row.getCell(2)), "units", value(row.getCell(3))));
                    }
                }
                counted.put("byCriteriaMet", byCriteriaMet);
                assertThat(counted).as(user).isEqualTo(summary);
                assertThat(counted).containsEntry("units", 12).containsEntry("met", 6).containsEntry("notMet", 6);

                Sheet units = workbook.getSheet("Đơn vị");
                assertThat(units.getLastRowNum()).isEqualTo(12);
                List<String> names = new ArrayList<>();
                Row tanKieu = null;
                for (int r = 1; r <= 12; r++) {
                    Row row = units.getRow(r);
                    names.add((String) value(row.getCell(1)));
                    if ("30049".equals(value(row.getCell(0)))) {
                        tanKieu = row;
                    }
                }
                assertThat(names).doesNotHaveDuplicates().isSortedAccordingTo(
                        java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"))::compare);
                assertThat(tanKieu).isNotNull();
                assertThat(value(tanKieu.getCell(1))).isEqualTo("Tân Kiều");
                assertThat(value(tanKieu.getCell(2))).isEqualTo("Chưa đạt");
                assertThat(tanKieu.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(value(tanKieu.getCell(3))).isEqualTo(17);
                assertThat(value(tanKieu.getCell(4))).isEqualTo(19);
                assertThat(value(tanKieu.getCell(5))).isEqualTo("13, 17");

                Sheet matrix = workbook.getSheet("Tiêu chí × đơn vị");
                Row header = matrix.getRow(0);
                int column17 = -1;
                for (Cell cell : header) {
                    if ("17".equals(value(cell))) {
                        column17 = cell.getColumnIndex();
                    }
                }
                assertThat(column17).isPositive();
                assertThat(header.getLastCellNum() - 2).as("criteria columns").isEqualTo(19);
                Row matrixTanKieu = null;
                int communes = 0;
                for (int r = 1; r <= 12; r++) {
                    Row row = matrix.getRow(r);
                    communes++;
                    if ("Tân Kiều".equals(value(row.getCell(0)))) {
                        matrixTanKieu = row;
                    }
                }
                assertThat(communes).isEqualTo(12);
                assertThat(matrixTanKieu).isNotNull();
                Cell cell = matrixTanKieu.getCell(column17);
                assertThat(value(cell)).isEqualTo("Chưa đạt");
                assertThat(((XSSFCellStyle) cell.getCellStyle()).getFillForegroundColorColor().getARGBHex())
                        .endsWith("FFC7CE");
                assertThat(value(matrixTanKieu.getCell(column17 - 1))).isEqualTo("Đạt");
                assertThat(matrix.getPaneInformation().isFreezePane()).isTrue();
                assertThat(matrix.getPaneInformation().getVerticalSplitLeftColumn()).isEqualTo((short) 1);
                assertThat(matrix.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
            }
        }
    }

    @Test
    void refusalsAreJsonInTheRequestsLanguage() throws Exception {
        HttpResponse<byte[]> unknown = get("thapmuoi.vpdp", "?districtCode=999&setId=" + NTM, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown)).containsEntry("code", "UNKNOWN_UNIT").containsEntry("field", "districtCode")
                .containsEntry("message", "Không có đơn vị hành chính mã 999");
        assertThat(json(get("thapmuoi.vpdp", "?districtCode=999&setId=" + NTM, "en")))
                .containsEntry("message", "there is no administrative unit with code 999");
        HttpResponse<byte[]> noSet = get("dashboard", "?districtCode=872&setId=no-such-set", null);
        assertThat(noSet.statusCode()).isEqualTo(404);
        assertThat(json(noSet)).containsEntry("code", "UNKNOWN_CRITERIA_SET").containsEntry("field", "setId");

        HttpResponse<byte[]> province = get("thapmuoi.vpdp", "?districtCode=87&setId=" + NTM, null);
        assertThat(province.statusCode()).isEqualTo(400);
        assertThat(json(province)).containsEntry("code", "UNIT_LEVEL_MISMATCH").containsEntry("field", "districtCode")
                .hasEntrySatisfying("message", m -> assertThat((String) m).contains("đơn vị 87 Tỉnh Đồng Tháp là tỉnh"));
        HttpResponse<byte[]> commune = get("thapmuoi.vpdp", "?districtCode=30049&setId=" + NTM, "en");
        assertThat(commune.statusCode()).isEqualTo(400);
        assertThat(json(commune)).containsEntry("code", "UNIT_LEVEL_MISMATCH");

        HttpResponse<byte[]> missing = get("thapmuoi.vpdp", "?districtCode=872", null);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing)).containsEntry("code", "INVALID_INPUT").containsEntry("field", "setId")
                .containsEntry("message", "setId: bắt buộc phải có");

        assertThat(get(null, "?districtCode=872&setId=" + NTM, null).statusCode()).isEqualTo(401);
    }
}
