package org.ntmrecords.infra.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.axon.ActingAs;
import org.ntmrecords.infra.axon.Actor;
import org.ntmrecords.infra.importing.IndicatorValueCsvImport;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.TestPropertySource;

/**
 * Tân Kiều's value template downloaded by its officer and read back with POI: the import's columns, one row per
 * indicator of its standing, 17.7 a PERCENTAGE row requiring ≥ 85 % beside its 71,32 % on record (Chưa đạt); then 17.7
 * filled (30/06/2024, 86,5), saved, its sheet written out as CSV and imported as the officer: 17.7 met, 18/19, and
 * the same file imported again records nothing. The refusals as JSON. A service of its own, since it records on Tân
 * Kiều (other tests count it at 17/19).
 */
@TestPropertySource(properties = "ntm.test.isolation=value-template")
class ValueTemplateIT extends IntegrationTest {
    private static final String SET = "dongthap-commune-ntm-2021-2025";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COLUMNS = List.of("unit_code", "set_id", "value_id", "indicator_code",
            "period_start", "period_end", "kind", "value", "source_agency", "note");

    @Autowired
    private IndicatorValueCsvImport values;

    @BeforeEach
    void demoLoaded() {
        awaitProjections();
    }

    private HttpResponse<byte[]> get(String user, String query, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/templates/values.xlsx" + query)).GET();
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

    private static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        return cell == null ? "" : new DataFormatter().formatCellValue(cell);
    }

    private List<String> recordableIndicators() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> criteria = graphQl("tankieu.officer").documentName("mayRecord")
                .variable("unit", "30049").variable("set", SET).execute().path("standing.criteria")
                .entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        List<String> codes = new ArrayList<>();
        for (Map<String, Object> criterion : criteria) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> indicators = (List<Map<String, Object>>) criterion.get("indicators");
            indicators.forEach(i -> {
                assertThat(i.get("mayRecord")).as((String) i.get("code")).isEqualTo(true);
                codes.add((String) i.get("code"));
            });
        }
        return codes;
    }

    @Test
    void theOfficerFillsTanKieusTemplateAndTheImportRecordsIt() throws Exception {
        HttpResponse<byte[]> response = get("tankieu.officer", "?unitCode=30049&setId=" + SET, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"mau-nhap-lieu-30049-" + SET + ".xlsx\"");
        List<String> indicators = recordableIndicators();

        Path filled = Files.createTempFile("mau-30049-", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            XSSFSheet sheet = workbook.getSheet("Số liệu");
            assertThat(workbook.getSheetIndex(sheet)).isZero();
            Row header = sheet.getRow(0);
            List<String> columns = new ArrayList<>();
            for (int c = 0; c < COLUMNS.size(); c++) {
                columns.add(text(header, c));
            }
            assertThat(columns).isEqualTo(COLUMNS);
            assertThat(text(header, 10)).isEqualTo("Chỉ tiêu");
            assertThat(sheet.getLastRowNum()).isEqualTo(indicators.size());
            Row row177 = null;
            List<String> codes = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                assertThat(text(row, 0)).isEqualTo("30049");
                assertThat(text(row, 1)).isEqualTo(SET);
                codes.add(text(row, 3));
                ids.add(text(row, 2));
                if ("17.7".equals(text(row, 3))) {
                    row177 = row;
                }
            }
            assertThat(codes).isEqualTo(indicators);
            assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).startsWith("mau-30049-"));
            assertThat(row177).isNotNull();
            assertThat(text(row177, 6)).isEqualTo("PERCENTAGE");
            assertThat(text(row177, 11)).isEqualTo("≥ 85 %");
            assertThat(text(row177, 12)).isEqualTo("71,32 %");
            assertThat(text(row177, 13)).matches("\\d{2}/\\d{2}/\\d{4}( – \\d{2}/\\d{2}/\\d{4})?");
            assertThat(text(row177, 14)).isEqualTo("Chưa đạt");
            // codes locked, what the commune fills open and text; the sheet protected
            assertThat(sheet.getProtect()).isTrue();
            assertThat(row177.getCell(3).getCellStyle().getLocked()).isTrue();
            for (int c : new int[]{4, 5, 7, 8, 9}) {
                assertThat(row177.getCell(c).getCellStyle().getLocked()).as(COLUMNS.get(c)).isFalse();
                assertThat(row177.getCell(c).getCellStyle().getDataFormatString()).isEqualTo("@");
            }
            assertThat(header.getCell(4).getCellComment().getString().getString()).contains("dd/mm/yyyy");
            assertThat(workbook.getSheet("Hướng dẫn")).isNotNull();
            assertThat(text(workbook.getSheet("Hướng dẫn").getRow(1), 1)).contains("30049");

            row177.getCell(4).setCellValue("30/06/2024");
            row177.getCell(7).setCellValue("86,5");
            try (OutputStream out = Files.newOutputStream(filled)) {
                workbook.write(out);
            }
        }
        byte[] workbookFile = Files.readAllBytes(filled);
        Files.deleteIfExists(filled);

        // the filled workbook itself, as import-values reads it
        Actor officer = new Actor("tankieu.officer", "COMMUNE_OFFICER", "30049", null);
        IndicatorValueCsvImport.Report report = values.run(workbookFile, "mau-30049.xlsx", null, null,
                ActingAs.Context.start(officer), line -> { });
        // the rows left unfilled are no rows to record: only 17.7's is read, and recorded
        assertThat(report.rows()).isEqualTo(1);
        assertThat(report.recorded()).as(report.rejected().toString()).isEqualTo(1);
        assertThat(report.rejections()).isEmpty();
        awaitProjections();
        Map<String, Object> standing = graphQl("tankieu.officer").documentName("standing")
                .variable("unit", "30049").variable("set", SET).execute().path("standing")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
        assertThat(standing).containsEntry("criteriaMet", 18).containsEntry("criteriaTotal", 19);
        String result177 = jdbc.queryForObject("select result from read_model.indicator_standing where scorecard_id = ? and "
                + "indicator_code = '17.7'", String.class, "30049@" + SET);
        assertThat(result177).isEqualTo("MET");

        IndicatorValueCsvImport.Report again = values.run(workbookFile, "mau-30049.xlsx", null, null,
                ActingAs.Context.start(officer), line -> { });
        assertThat(again.recorded()).isZero();
        assertThat(again.alreadyRecorded()).isEqualTo(1);
    }

    @Test
    void refusalsAreJsonInTheRequestsLanguage() throws Exception {
        HttpResponse<byte[]> otherCommune = get("myhoa.officer", "?unitCode=30049&setId=" + SET, null);
        assertThat(otherCommune.statusCode()).isEqualTo(403);
        assertThat(json(otherCommune)).containsEntry("code", "NOT_ALLOWED").hasEntrySatisfying("message",
                m -> assertThat((String) m).startsWith("Tài khoản này không được nhập số liệu"));
        assertThat(json(get("myhoa.officer", "?unitCode=30049&setId=" + SET, "en")))
                .containsEntry("message", "this account may not record any indicator of unit 30049 under " + SET);
        HttpResponse<byte[]> dashboard = get("dashboard", "?unitCode=30049&setId=" + SET, null);
        assertThat(dashboard.statusCode()).isEqualTo(403);
        assertThat(json(dashboard)).containsEntry("code", "NOT_ALLOWED");

        HttpResponse<byte[]> unknown = get("tankieu.officer", "?unitCode=99999&setId=" + SET, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown)).containsEntry("code", "UNKNOWN_UNIT").containsEntry("field", "unitCode");
        HttpResponse<byte[]> noSet = get("tankieu.officer", "?unitCode=30049&setId=no-such-set", null);
        assertThat(noSet.statusCode()).isEqualTo(404);
        assertThat(json(noSet)).containsEntry("code", "UNKNOWN_CRITERIA_SET");
        HttpResponse<byte[]> missing = get("tankieu.officer", "?unitCode=30049", "en");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing)).containsEntry("code", "INVALID_INPUT").containsEntry("field", "setId");

        assertThat(get(null, "?unitCode=30049&setId=" + SET, null).statusCode()).isEqualTo(401);
    }
}
