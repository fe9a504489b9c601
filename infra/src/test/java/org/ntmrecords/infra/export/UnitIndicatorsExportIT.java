package org.ntmrecords.infra.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Tân Kiều's indicator table downloaded by its officer, an auditor (as of a date and an instant) and a dashboard, read
 * back with POI and held against the queries the unit page asks: standing (with latestValue and decision),
 * evidenceDocuments and standingAsOf, for the same arguments. 17.7 gets a value citing a minutes whose file is stored
 * and attached to 17.7: its row shows the value, period, source, the minutes and the file's hash. A dashboard gets the
 * judgments without values or evidence, and no as-of table. The refusals, as JSON.
 */
class UnitIndicatorsExportIT extends ExportIT {
    private static final String PATH = "/exports/unit-indicators.xlsx";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<String, String> JUDGMENTS = Map.of("MET", "Đạt", "NOT_MET", "Chưa đạt",
            "NOT_ASSESSED", "Chưa đánh giá");

    private WebTestClient http(String user) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(user, PASSWORD)).build();
    }

    /** The table's rows by code: a criterion's by its code, an indicator's by its own. */
    private static Map<String, Row> rows(Sheet sheet) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (int r = rowOf(sheet, "Tiêu chí") + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String indicator = shown(row, 1);
            rows.put(indicator.isEmpty() ? "criterion " + shown(row, 0) : indicator, row);
        }
        return rows;
    }

    private static String day(Object iso) {
        return LocalDate.parse((String) iso).format(DAY);
    }

    /** 17.7 recorded at 80 % for 30/09/2024, citing a minutes whose PDF is stored and attached to 17.7; its hash. */
    private String valueWithStoredEvidence() {
        byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n% exports\n")
                .getBytes(StandardCharsets.US_ASCII);
        Map<?, ?> stored = http("tankieu.officer").post().uri("/evidence/files").contentType(MediaType.APPLICATION_PDF)
                .bodyValue(pdf).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody();
        String sha = (String) stored.get("sha256");
        Map<String, Object> minutes = Map.of("number", "45/BB-UBND", "date", "2024-09-30", "issuer",
                "UBND xã Tân Kiều", "title", "Biên bản kiểm tra thu gom bao gói thuốc bảo vệ thực vật");
        graphQl("tankieu.officer").documentName("attachEvidence").variable("input", Map.of("targetKind", "INDICATOR",
                        "unitCode", "30049", "setId", NTM, "code", "17.7", "kind", "biên bản kiểm tra",
                        "document", minutes, "fileSha256", sha, "fileName", "bien-ban-45.pdf"))
                .execute().path("attachEvidence.errors").entityList(Object.class).hasSize(0);
        graphQl("tankieu.officer").documentName("recordIndicatorValue").variable("input", Map.of("unitCode", "30049",
                        "setId", NTM, "indicatorCode", "17.7", "value", Map.of("kind", "PERCENTAGE", "percentage", 80),
                        "period", Map.of("start", "2024-09-30"), "sourceAgency", "Phòng Tài nguyên và Môi trường",
                        "evidence", List.of(minutes)))
                .execute().path("recordIndicatorValue.errors").entityList(Object.class).hasSize(0);
        awaitProjections();
        return sha;
    }

    @SuppressWarnings("unchecked")
    @Test
    void theTableIsWhatTheUnitPageAsksForValuesEvidenceAndHashesIncluded() throws Exception {
        String sha = valueWithStoredEvidence();
        HttpResponse<byte[]> response = get("tankieu.officer", PATH + "?unitCode=30049&setId=" + NTM, null);
        isWorkbook(response, "chi-tieu-30049-" + NTM + ".xlsx");
        GraphQlTester.Response api = graphQl("tankieu.officer").documentName("unitIndicators")
                .variable("unit", "30049").variable("set", NTM).execute();
        Map<String, Object> standing = api.path("standing").entity(Map.class).get();
        Map<String, Object> documents = api.path("evidenceDocuments").entity(Map.class).get();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            workbook.forEach(ExportIT::printsReadTime);
            Sheet sheet = workbook.getSheet("Chỉ tiêu");
            assertThat(shown(sheet.getRow(0), 0)).isEqualTo("Xã Tân Kiều (mã 30049)");
            assertThat(shown(sheet.getRow(2), 2)).isEqualTo(standing.get("criteriaMet") + "/"
                    + standing.get("criteriaTotal") + " tiêu chí đạt");
            assertThat(shown(sheet.getRow(2), 4)).isEqualTo(JUDGMENTS.get(standing.get("result")));
            Row head = sheet.getRow(rowOf(sheet, "Tiêu chí"));
            List<String> columns = new ArrayList<>();
            head.forEach(cell -> columns.add(cell.getStringCellValue()));
            assertThat(columns).containsExactly("Tiêu chí", "Chỉ tiêu", "Nội dung", "Yêu cầu", "Kết quả",
                    "Căn cứ đánh giá", "Số liệu mới nhất", "Giá trị (số)", "Kỳ số liệu từ ngày", "Kỳ số liệu đến ngày",
                    "Nguồn số liệu", "Minh chứng", "Mã băm tệp minh chứng (SHA-256)", "Quyết định", "Ghi chú",
                    "Ghi vào hồ sơ lúc", "Người ghi");

            // every criterion and indicator of the standing, judged as the API judges it, with its latest value
            Map<String, Row> rows = rows(sheet);
            List<String> expectedCodes = new ArrayList<>();
            for (Map<String, Object> criterion : (List<Map<String, Object>>) standing.get("criteria")) {
                expectedCodes.add("criterion " + criterion.get("code"));
                Row criterionRow = rows.get("criterion " + criterion.get("code"));
                assertThat(shown(criterionRow, 4)).isEqualTo(JUDGMENTS.get(criterion.get("result")));
                assertThat(shown(criterionRow, 2)).contains("(" + criterion.get("indicatorsMet") + "/"
                        + criterion.get("indicatorsTotal") + " chỉ tiêu đạt)");
                for (Map<String, Object> indicator : (List<Map<String, Object>>) criterion.get("indicators")) {
                    String code = (String) indicator.get("code");
                    expectedCodes.add(code);
                    Row row = rows.get(code);
                    assertThat(shown(row, 0)).isEqualTo(criterion.get("code"));
                    assertThat(shown(row, 4)).as(code).isEqualTo(JUDGMENTS.get(indicator.get("result")));
                    Map<String, Object> latest = (Map<String, Object>) indicator.get("latestValue");
                    if (latest == null) {
                        assertThat(shown(row, 6)).as(code).isEmpty();
                        continue;
                    }
                    Map<String, Object> period = (Map<String, Object>) latest.get("period");
                    assertThat(shown(row, 8)).as(code).isEqualTo(day(period.get("start")));
                    assertThat(shown(row, 9)).as(code).isEqualTo(day(period.get("end")));
                    assertThat(shown(row, 10)).as(code).isEqualTo(latest.get("sourceAgency") == null ? ""
                            : latest.get("sourceAgency"));
                    for (Map<String, Object> document : (List<Map<String, Object>>) latest.get("evidence")) {
                        assertThat(shown(row, 11)).as(code).contains((String) document.get("number"));
                    }
                    assertThat(shown(row, 16)).as(code).isEqualTo(latest.get("recordedBy"));
                }
            }
            assertThat(new ArrayList<>(rows.keySet())).isEqualTo(expectedCodes);

            Row row177 = rows.get("17.7");
            assertThat(shown(row177, 6)).isEqualTo("80 %");
            assertThat(row177.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row177.getCell(7).getNumericCellValue()).isEqualTo(80.0);
            assertThat(shown(row177, 8)).isEqualTo("30/09/2024");
            assertThat(shown(row177, 10)).isEqualTo("Phòng Tài nguyên và Môi trường");
            assertThat(shown(row177, 11)).isEqualTo("45/BB-UBND ngày 30/09/2024 của UBND xã Tân Kiều: Biên bản kiểm"
                    + " tra thu gom bao gói thuốc bảo vệ thực vật");
            assertThat(shown(row177, 12)).isEqualTo("45/BB-UBND: " + sha);
            assertThat(shown(row177, 15)).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
            assertThat(shown(row177, 16)).isEqualTo("tankieu.officer");

            // the dossier: evidenceDocuments of the unit under the set
            Sheet dossier = workbook.getSheet("Hồ sơ minh chứng");
            int dossierHead = rowOf(dossier, "Gắn với");
            assertThat(dossier.getLastRowNum() - dossierHead).isEqualTo(documents.get("totalCount"));
            List<String> numbers = new ArrayList<>();
            List<String> hashes = new ArrayList<>();
            for (int r = dossierHead + 1; r <= dossier.getLastRowNum(); r++) {
                numbers.add(shown(dossier.getRow(r), 2));
                hashes.add(shown(dossier.getRow(r), 8));
            }
            List<Map<String, Object>> edges = (List<Map<String, Object>>) documents.get("edges");
            assertThat(numbers).isEqualTo(edges.stream().map(e -> ((Map<String, Object>) e.get("node")).get("number"))
                    .toList());
            assertThat(hashes).isEqualTo(edges.stream().map(e -> ((Map<String, Object>) e.get("node")).get("fileSha256"))
                    .map(h -> h == null ? "" : h).toList());
            assertThat(hashes).contains(sha);
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void asOfADateAndAnInstantTheTableIsStandingAsOfs() throws Exception {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        HttpResponse<byte[]> response = get("auditor", PATH + "?unitCode=30049&setId=" + NTM
                + "&date=2024-06-30&recordedAt=" + at, null);
        isWorkbook(response, "chi-tieu-30049-" + NTM + "-2024-06-30.xlsx");
        Map<String, Object> api = graphQl("auditor").documentName("unitIndicatorsAsOf").variable("unit", "30049")
                .variable("set", NTM).variable("date", "2024-06-30").variable("at", at.toString()).execute()
                .path("standingAsOf").entity(Map.class).get();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheet("Chỉ tiêu");
            printsReadTime(sheet);
            assertThat(shown(sheet.getRow(3), 0)).endsWith("tính đến ngày 30/06/2024");
            assertThat(shown(sheet.getRow(4), 0)).isEqualTo("Theo hồ sơ ghi đến "
                    + at.atZone(WorkbookCells.VIETNAM).format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"))
                    + " (giờ Việt Nam), tình hình ngày 30/06/2024");
            assertThat(shown(sheet.getRow(2), 2)).isEqualTo(api.get("criteriaMet") + "/" + api.get("criteriaTotal")
                    + " tiêu chí đạt");
            Map<String, Row> rows = rows(sheet);
            for (Map<String, Object> criterion : (List<Map<String, Object>>) api.get("criteria")) {
                assertThat(shown(rows.get("criterion " + criterion.get("code")), 4))
                        .isEqualTo(JUDGMENTS.get(criterion.get("result")));
                for (Map<String, Object> indicator : (List<Map<String, Object>>) criterion.get("indicators")) {
                    Row row = rows.get((String) indicator.get("code"));
                    assertThat(shown(row, 4)).as((String) indicator.get("code"))
                            .isEqualTo(JUDGMENTS.get(indicator.get("result")));
                    Map<String, Object> value = (Map<String, Object>) indicator.get("value");
                    assertThat(shown(row, 8)).isEqualTo(value == null ? ""
                            : day(((Map<String, Object>) value.get("period")).get("start")));
                }
            }
            // as of 30/06/2024 the value of 30/09/2024 does not count yet
            assertThat(shown(rows.get("17.7"), 8)).isNotEqualTo("30/09/2024");
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void aDashboardGetsTheJudgmentsWithoutValuesOrEvidence() throws Exception {
        HttpResponse<byte[]> response = get("dashboard", PATH + "?unitCode=30049&setId=" + NTM, null);
        isWorkbook(response, "chi-tieu-30049-" + NTM + ".xlsx");
        Map<String, Object> standing = graphQl("dashboard").documentName("unitStanding").variable("unit", "30049")
                .variable("set", NTM).execute().path("standing").entity(Map.class).get();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = workbook.getSheet("Chỉ tiêu");
            printsReadTime(sheet);
            Row head = sheet.getRow(rowOf(sheet, "Tiêu chí"));
            assertThat(head.getLastCellNum()).isEqualTo((short) 6);
            Map<String, Row> rows = rows(sheet);
            for (Map<String, Object> criterion : (List<Map<String, Object>>) standing.get("criteria")) {
                for (Map<String, Object> indicator : (List<Map<String, Object>>) criterion.get("indicators")) {
                    Row row = rows.get((String) indicator.get("code"));
                    assertThat(shown(row, 4)).isEqualTo(JUDGMENTS.get(indicator.get("result")));
                    assertThat(row.getLastCellNum()).isLessThanOrEqualTo((short) 6);
                }
            }
        }
        // the past is history: standingAsOf is not for dashboards
        HttpResponse<byte[]> asOf = get("dashboard", PATH + "?unitCode=30049&setId=" + NTM + "&date=2024-06-30", null);
        assertThat(asOf.statusCode()).isEqualTo(403);
        assertThat(json(asOf)).containsEntry("code", "NOT_ALLOWED").containsEntry("message",
                "Tài khoản với vai trò này không được đọc Query.standingAsOf, nên không được tải tệp này");
    }

    @Test
    void refusalsAreJsonInTheRequestsLanguage() throws Exception {
        HttpResponse<byte[]> unknown = get("tankieu.officer", PATH + "?unitCode=99999&setId=" + NTM, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown)).containsEntry("code", "UNKNOWN_UNIT").containsEntry("field", "unitCode")
                .containsEntry("message", "Không có đơn vị hành chính mã 99999");
        HttpResponse<byte[]> noSet = get("tankieu.officer", PATH + "?unitCode=30049&setId=no-such-set", null);
        assertThat(noSet.statusCode()).isEqualTo(404);
        assertThat(json(noSet)).containsEntry("code", "UNKNOWN_CRITERIA_SET")
                .containsEntry("message", "Không có bộ tiêu chí no-such-set");
        // the district is not rated by the commune set
        HttpResponse<byte[]> district = get("tankieu.officer", PATH + "?unitCode=872&setId=" + NTM, null);
        assertThat(district.statusCode()).isEqualTo(400);
        assertThat(json(district)).containsEntry("code", "NOT_TRACKED")
                .containsEntry("message", "Đơn vị 872 chưa được theo dõi theo bộ tiêu chí " + NTM);
        HttpResponse<byte[]> badDate = get("auditor", PATH + "?unitCode=30049&setId=" + NTM + "&date=30/06/2024",
                null);
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(json(badDate)).containsEntry("code", "INVALID_INPUT").containsEntry("field", "date")
                .containsEntry("message", "date: không phải một ngày dạng yyyy-mm-dd, ví dụ 2024-06-30 (nhận được "
                        + "30/06/2024)");
        HttpResponse<byte[]> future = get("auditor", PATH + "?unitCode=30049&setId=" + NTM + "&recordedAt="
                + Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), null);
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(json(future)).containsEntry("code", "INVALID_INPUT").containsEntry("field", "recordedAt")
                .hasEntrySatisfying("message",
                m -> assertThat((String) m).contains("là thời điểm trong tương lai"));
        HttpResponse<byte[]> beforeTheSet = get("auditor", PATH + "?unitCode=30049&setId=" + NTM
                + "&recordedAt=2000-01-01T00:00:00Z", null);
        assertThat(beforeTheSet.statusCode()).isEqualTo(400);
        assertThat(json(beforeTheSet)).containsEntry("code", "INVALID_INPUT").containsEntry("field", "date")
                .hasEntrySatisfying("message", m -> assertThat((String) m)
                        .startsWith("Không có phiên bản nào của bộ tiêu chí " + NTM + " có hiệu lực vào ngày"));
        // times the record cannot be asked about: 400, never PostgreSQL's "timestamp out of range"
        HttpResponse<byte[]> ancient = get("auditor", PATH + "?unitCode=30049&setId=" + NTM
                + "&recordedAt=-999999999-01-01T00:00:00Z", null);
        assertThat(ancient.statusCode()).isEqualTo(400);
        assertThat(json(ancient)).containsEntry("code", "INVALID_INPUT").containsEntry("field", "recordedAt");
        HttpResponse<byte[]> farAhead = get("auditor", PATH + "?unitCode=30049&setId=" + NTM + "&date=9999-12-31",
                null);
        assertThat(farAhead.statusCode()).isEqualTo(400);
        assertThat(json(farAhead)).containsEntry("code", "INVALID_INPUT").containsEntry("field", "date");
        HttpResponse<byte[]> missing = get("tankieu.officer", PATH + "?unitCode=30049", "en");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing)).containsEntry("code", "INVALID_INPUT").containsEntry("field", "setId");

        assertThat(get(null, PATH + "?unitCode=30049&setId=" + NTM, null).statusCode()).isEqualTo(401);
    }
}
