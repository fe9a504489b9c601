package org.ntmrecords.infra.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * Records other than values, sent as files an office keeps: Tháp Mười's plan 317 (seed 000: its header, rows A.II.2
 * and E.II.3 of Phụ lục 06 with the 30,478 tỷ đồng asked of the province, two rows written wrong) as a workbook of one
 * sheet per kind, checked by a dry run that sees the plan before its rows and stores nothing, imported, and sent again
 * with nothing changed; titles granted before the record was kept as a CSV (Định Yên's 2021 title, seed 001 line 37,
 * which the demo holds already, and a sandbox commune's); the refusals of a file that is no records file. Shares the
 * service of {@link ValueUploadIT}.
 */
@TestPropertySource(properties = {"ntm.test.isolation=value-upload", "ntm.import.max-upload-size=1MB",
        "ntm.import.max-record-rows=50"})
class RecordsUploadIT extends IntegrationTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAN = "thapmuoi-317-2024-tu-tep";
    private static final String RUN = """
            query run($id: ID!) {
              importRun(id: $id) {
                id kind status dryRun done total recorded alreadyRecorded refused summary messages warnings failure
                rows(first: 50) { totalCount edges { node {
                  line sheet kind outcome unitCode recordId column code reason events } } }
              }
            }""";

    @BeforeEach
    void demoLoaded() {
        awaitProjections();
    }

    private HttpResponse<byte[]> upload(String user, byte[] file, String query) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/imports/records"
                + query)).POST(HttpRequest.BodyPublishers.ofByteArray(file));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<byte[]> response) throws Exception {
        return JSON.readValue(response.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> finished(String user, HttpResponse<byte[]> started) throws Exception {
        assertThat(started.statusCode()).as(new String(started.body(), StandardCharsets.UTF_8)).isEqualTo(202);
        String id = (String) json(started).get("id");
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> graphQl(user).document(RUN).variable("id", id).execute().path("importRun").hasValue()
                                .entity(Map.class).get(),
                        r -> "DONE".equals(r.get("status")) || "FAILED".equals(r.get("status")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> run) {
        Map<String, Object> rows = (Map<String, Object>) run.get("rows");
        return ((List<Map<String, Object>>) rows.get("edges")).stream()
                .map(edge -> (Map<String, Object>) edge.get("node")).toList();
    }

    private static Map<String, Object> row(Map<String, Object> run, String sheet, int line) {
        return rows(run).stream().filter(r -> sheet.equals(r.get("sheet")) && Integer.valueOf(line).equals(r.get("line")))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + sheet + ":" + line + " in " + rows(run)));
    }

    private static void write(XSSFSheet sheet, List<String> header, List<List<Object>> rows) {
        Row head = sheet.createRow(0);
        for (int c = 0; c < header.size(); c++) {
            head.createCell(c).setCellValue(header.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object value = rows.get(r).get(c);
                if (value instanceof Number number) {
                    row.createCell(c).setCellValue(number.doubleValue());
                } else if (value != null) {
                    row.createCell(c).setCellValue((String) value);
                }
            }
        }
    }

    /** Plan 317 as seed 000 states it (lines 3, 5, 8; Phụ lục 06 lines 193 and 210), and two rows written wrong. */
    private static byte[] planWorkbook() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            write(workbook.createSheet("issuePlan"), List.of("planId", "unitCode", "number", "annexNumber", "date",
                    "issuer.name", "issuer.unitCode", "year", "title", "# nguồn"), List.of(
                    java.util.Arrays.asList(PLAN, 872, "317/KH-UBND", "316/KH-UBND", "26/01/2024",
                            "UBND huyện Tháp Mười", "872", 2024,
                            "Kế hoạch xây dựng huyện Tháp Mười đạt chuẩn nông thôn mới nâng cao năm 2024",
                            "seed 000 dòng 3, 5, 8")));
            List<String> items = List.of("planId", "unitCode", "itemId", "row", "setId", "criterionCode",
                    "indicatorCode", "content", "unitCodes", "requirement", "stateAsWritten", "solution", "lead.name",
                    "lead.unitCode", "lead.agencyId", "coordinating[1].name", "coordinating[1].agencyId",
                    "coordinating[2].name", "deadline", "deadlineLastDay", "funding[1].source", "funding[1].asWritten",
                    "funding[1].amount.vnd", "funding[1].amount.asWritten");
            write(workbook.createSheet("addPlanItem"), items, List.of(
                    java.util.Arrays.asList(PLAN, "872", "a-ii-2", "A.II.2", "dongthap-commune-ntm-2021-2025", "17",
                            "17.7", "Xã Tân Kiều chưa đạt tiêu chí số 17 Môi trường và an toàn thực phẩm.", "30049",
                            "85%", "71,32%", "Tiếp tục vận động người dân trên địa bàn xã thu gom, xử lý rác",
                            "UBND xã Tân Kiều", "30049", null, "Phòng Tài nguyên và Môi trường huyện", "872-tnmt",
                            "các tổ chức chính trị-xã hội huyện", "Tháng 6/2024", "30/06/2024"),
                    java.util.Arrays.asList(PLAN, "872", "e-ii-3", "E.II.3", "dongthap-district-advanced-2021-2025",
                            "6", "6.1", "Tiêu chí số 6. Kinh tế chưa đạt chỉ tiêu 6.1.", "872", "Đạt",
                            "Chưa đạt 40,47/50%", "Tiếp tục kiến nghị tỉnh hỗ trợ vốn 30,478 tỷ đồng",
                            "Phòng Kinh tế và Hạ tầng huyện", null, "872-ktht", "Thành viên Ban Chỉ đạo NTM huyện",
                            null, null, "Tháng 6/2024", null, "PROVINCIAL_BUDGET", "kiến nghị tỉnh hỗ trợ vốn",
                            "30.478.000.000", "30,478 tỷ đồng"),
                    java.util.Arrays.asList(PLAN, "872", "sai-ngay", "X.1", null, null, null, "Một dòng viết sai ngày",
                            "872", null, null, null, "UBND huyện Tháp Mười", null, null, null, null, null,
                            "Tháng 6/2024", "31/06/2024"),
                    java.util.Arrays.asList(PLAN, "872", "thieu-don-vi", "X.2", null, null, null,
                            "Một dòng không nêu đơn vị thực hiện chính", "872", null, null, null, null, null, null,
                            null, null, null, "Tháng 6/2024")));
            workbook.createSheet("Ghi chú").createRow(0).createCell(0).setCellValue("Trang của văn phòng");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aPlanFromAWorkbookIsCheckedByADryRunThenImportedAndSentAgainChangesNothing() throws Exception {
        byte[] file = planWorkbook();
        long before = eventCount();

        Map<String, Object> checked = finished("thapmuoi.vpdp", upload("thapmuoi.vpdp", file,
                "?dryRun=true&fileName=ke-hoach-317.xlsx"));
        assertThat(checked).containsEntry("status", "DONE").containsEntry("kind", "records")
                .containsEntry("total", 5).containsEntry("recorded", 3).containsEntry("refused", 2);
        assertThat(checked.get("messages")).asInstanceOf(list(String.class))
                .contains("Bỏ qua trang tính “Ghi chú” (tên không phải một loại hồ sơ)");
        // the dry run sees the plan of its first sheet when it checks the rows of the second
        assertThat(row(checked, "issuePlan", 2)).containsEntry("outcome", "WOULD_RECORD")
                .containsEntry("recordId", PLAN).containsEntry("events", List.of("PlanIssued"));
        assertThat(row(checked, "addPlanItem", 2)).containsEntry("outcome", "WOULD_RECORD")
                .containsEntry("kind", "addPlanItem").containsEntry("recordId", "a-ii-2")
                .containsEntry("events", List.of("PlanItemAdded"));
        assertThat(row(checked, "addPlanItem", 3)).containsEntry("outcome", "WOULD_RECORD");
        assertThat(row(checked, "addPlanItem", 4)).containsEntry("outcome", "REFUSED")
                .containsEntry("column", "deadlineLastDay").containsEntry("code", "UNREADABLE")
                .containsEntry("reason", "cột deadlineLastDay: ngày 31/06/2024 không có trên lịch");
        assertThat(row(checked, "addPlanItem", 5)).containsEntry("outcome", "REFUSED")
                .containsEntry("column", "lead.name")
                .containsEntry("reason", "cột lead.name: bắt buộc, chưa có giá trị");
        assertThat(eventCount()).as("a dry run stores nothing").isEqualTo(before);
        graphQl("thapmuoi.vpdp").document("query($p: ID!) { plan(planId: $p) { planId } }").variable("p", PLAN)
                .execute().path("plan").valueIsNull();

        Map<String, Object> imported = finished("thapmuoi.vpdp", upload("thapmuoi.vpdp", file,
                "?fileName=ke-hoach-317.xlsx"));
        assertThat(imported).containsEntry("recorded", 3).containsEntry("alreadyRecorded", 0)
                .containsEntry("refused", 2);
        awaitProjections();
        @SuppressWarnings("unchecked")
        Map<String, Object> plan = graphQl("thapmuoi.vpdp").document("""
                        query($p: ID!) { plan(planId: $p) { number annexNumber date year issuer { name unitCode }
                          items { itemId row requirement stateAsWritten lead { name unitCode agencyId }
                                  coordinating { name agencyId } funding { source asWritten amount { vnd asWritten } } } } }""")
                .variable("p", PLAN).execute().path("plan").entity(Map.class).get();
        assertThat(plan).containsEntry("number", "317/KH-UBND").containsEntry("annexNumber", "316/KH-UBND")
                .containsEntry("date", "2024-01-26").containsEntry("year", 2024);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) plan.get("items");
        assertThat(items).extracting(i -> i.get("itemId")).containsExactly("a-ii-2", "e-ii-3");
        assertThat(items.get(0)).containsEntry("stateAsWritten", "71,32%").containsEntry("requirement", "85%");
        assertThat(items.get(0).get("lead").toString()).contains("UBND xã Tân Kiều").contains("30049");
        assertThat(items.get(0).get("coordinating").toString()).contains("Phòng Tài nguyên và Môi trường huyện")
                .contains("872-tnmt").contains("các tổ chức chính trị-xã hội huyện");
        assertThat(items.get(1).get("funding").toString()).contains("PROVINCIAL_BUDGET").contains("30,478 tỷ đồng")
                .contains("30478000000");

        long afterImport = eventCount();
        Map<String, Object> again = finished("thapmuoi.vpdp", upload("thapmuoi.vpdp", file,
                "?fileName=ke-hoach-317.xlsx"));
        assertThat(again).containsEntry("recorded", 0).containsEntry("alreadyRecorded", 3).containsEntry("refused", 2);
        assertThat(eventCount()).as("the same file again changes nothing").isEqualTo(afterImport);
    }

    @Test
    void titlesGrantedBeforeTheRecordFromACsv() throws Exception {
        String sandbox = sandboxCommune("99311");
        String csv = "unitCode;setId;grade;year;decisionNumber;decisionDate;authority;source.number;source.title;note\r\n"
                // seed 001 line 37: Định Yên, NTM nâng cao 2021 under the 2016-2020 set (the demo holds it)
                + "30199;commune-advanced-2016-2020;ADVANCED;2021;;;UBND Tỉnh Đồng Tháp;"
                + "…/BC-VPĐP.NTM (number blank in the source);Báo cáo 03 tháng đầu năm 2024;số và ngày quyết định không nêu\r\n"
                + sandbox + ";commune-ntm-2016-2020;NTM;2019;12/QĐ-UBND;15/03/2019;UBND tỉnh;12/QĐ-UBND;;\r\n"
                + sandbox + ";commune-ntm-2016-2020;KIEU_MAU;2020;;;UBND tỉnh;01/BC;;\r\n"
                + sandbox + ";dongthap-commune-ntm-2021-2025;ADVANCED;2022;;;UBND tỉnh;02/BC;;\r\n";
        long before = eventCount();
        Map<String, Object> checked = finished("admin", upload("admin", csv.getBytes(StandardCharsets.UTF_8),
                "?dryRun=true&kind=recordPriorRecognition&fileName=danh-hieu.csv"));
        assertThat(checked).containsEntry("kind", "recordPriorRecognition").containsEntry("recorded", 1)
                .containsEntry("alreadyRecorded", 1).containsEntry("refused", 2);
        assertThat(rows(checked).get(0)).containsEntry("line", 2).containsEntry("outcome", "ALREADY_RECORDED")
                .containsEntry("recordId", "30199@commune-advanced-2016-2020@2021");
        assertThat(rows(checked).get(1)).containsEntry("outcome", "WOULD_RECORD")
                .containsEntry("events", List.of("RecognitionCaseOpened", "RecognitionDecided"));
        assertThat(rows(checked).get(2)).containsEntry("column", "grade").containsEntry("code", "UNREADABLE");
        assertThat((String) rows(checked).get(2).get("reason")).startsWith("cột grade: “KIEU_MAU” không phải một giá trị");
        assertThat(rows(checked).get(3)).containsEntry("outcome", "REFUSED").containsEntry("column", "grade")
                .containsEntry("code", "INVALID_INPUT");
        assertThat(eventCount()).isEqualTo(before);

        Map<String, Object> imported = finished("admin", upload("admin", csv.getBytes(StandardCharsets.UTF_8),
                "?kind=recordPriorRecognition&fileName=danh-hieu.csv"));
        assertThat(imported).containsEntry("recorded", 1).containsEntry("alreadyRecorded", 1);
        awaitProjections();
        graphQl("admin").document("query($id: ID!) { recognitionCase(caseId: $id) { status } }")
                .variable("id", sandbox + "@commune-ntm-2016-2020@2019").execute()
                .path("recognitionCase.status").entity(String.class).isEqualTo("GRANTED");

        // a commune's officer may not: each row refused as the API refuses it
        Map<String, Object> officer = finished("tankieu.officer", upload("tankieu.officer",
                csv.getBytes(StandardCharsets.UTF_8), "?dryRun=true&kind=recordPriorRecognition"));
        assertThat(rows(officer)).filteredOn(r -> "REFUSED".equals(r.get("outcome")) && "NOT_ALLOWED".equals(r.get("code")))
                .isNotEmpty();
    }

    @Test
    void aNumberNoIntHoldsRefusesItsRowOnlyAndABrokenOrDoubledHeaderTheFile() throws Exception {
        long before = eventCount();
        String header = "planId;unitCode;number;date;issuer.name;issuer.unitCode;year;title\r\n";
        String csv = header
                + "kh-lon-1;872;1/KH-LON;26/01/2024;UBND huyện Tháp Mười;872;2147483648;Kế hoạch một\r\n"
                + "kh-lon-2;872;2/KH-LON;26/01/2024;UBND huyện Tháp Mười;872;99999999999;Kế hoạch hai\r\n"
                + "kh-lon-3;872;3/KH-LON;26/01/2024;UBND huyện Tháp Mười;872;2024;Kế hoạch ba\r\n";
        Map<String, Object> checked = finished("thapmuoi.vpdp", upload("thapmuoi.vpdp",
                csv.getBytes(StandardCharsets.UTF_8), "?kind=issuePlan&dryRun=true"));
        assertThat(checked).containsEntry("status", "DONE").containsEntry("refused", 2).containsEntry("recorded", 1);
        assertThat(rows(checked).get(0)).containsEntry("line", 2).containsEntry("column", "year")
                .containsEntry("code", "UNREADABLE").containsEntry("reason",
                        "cột year: “2147483648” nằm ngoài khoảng nhận được (từ -2147483648 đến 2147483647)");
        assertThat(rows(checked).get(1)).containsEntry("column", "year").containsEntry("code", "UNREADABLE");
        assertThat(rows(checked).get(2)).containsEntry("outcome", "WOULD_RECORD");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            write(workbook.createSheet("issuePlan"), List.of("planId", "unitCode", "number", "date", "issuer.name",
                    "issuer.unitCode", "year", "title"), List.of(java.util.Arrays.asList("kh-lon-4", "872",
                    "4/KH-LON", "26/01/2024", "UBND huyện Tháp Mười", "872", 1E10, "Kế hoạch bốn")));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            Map<String, Object> xlsx = finished("thapmuoi.vpdp", upload("thapmuoi.vpdp", out.toByteArray(),
                    "?dryRun=true"));
            assertThat(xlsx).containsEntry("status", "DONE").containsEntry("refused", 1);
            assertThat(row(xlsx, "issuePlan", 2)).containsEntry("column", "year").containsEntry("reason",
                    "cột year: “10000000000” nằm ngoài khoảng nhận được (từ -2147483648 đến 2147483647)");
        }

        HttpResponse<byte[]> quote = upload("thapmuoi.vpdp", (header
                + "kh-q;872;1/KH;26/01/2024;UBND;872;2024;\"Kế hoạch\r\n").getBytes(StandardCharsets.UTF_8),
                "?kind=issuePlan");
        assertThat(quote.statusCode()).isEqualTo(422);
        assertThat(json(quote)).containsEntry("code", "FILE_UNREADABLE").hasEntrySatisfying("message",
                m -> assertThat((String) m).startsWith("dòng 2: dấu ngoặc kép (\") mở ở dòng này không được đóng"));
        HttpResponse<byte[]> twice = upload("thapmuoi.vpdp", ("planId;unitCode;number;date;issuer.name;year;title;"
                + "title\r\nkh-t;872;1/KH;26/01/2024;UBND;2024;Một;Hai\r\n").getBytes(StandardCharsets.UTF_8),
                "?kind=issuePlan");
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(json(twice)).containsEntry("code", "FILE_UNREADABLE").containsEntry("field", "title")
                .hasEntrySatisfying("message", m -> assertThat((String) m).startsWith("Dòng tiêu đề có cột “title” hai lần"));
        HttpResponse<byte[]> dryRun = upload("thapmuoi.vpdp", csv.getBytes(StandardCharsets.UTF_8),
                "?kind=issuePlan&dryRun=");
        assertThat(dryRun.statusCode()).isEqualTo(400);
        assertThat(json(dryRun)).containsEntry("field", "dryRun");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNoRecordsFileIsRefusedWithNothingStored() throws Exception {
        long before = eventCount();
        HttpResponse<byte[]> noKind = upload("thapmuoi.vpdp", "planId;unitCode\r\nx;872\r\n"
                .getBytes(StandardCharsets.UTF_8), "");
        assertThat(noKind.statusCode()).isEqualTo(422);
        assertThat(json(noKind)).containsEntry("field", "kind").hasEntrySatisfying("message",
                m -> assertThat((String) m).startsWith("Tệp CSV chỉ chứa một loại hồ sơ"));
        HttpResponse<byte[]> unknownKind = upload("thapmuoi.vpdp", "a\r\n".getBytes(StandardCharsets.UTF_8),
                "?kind=deleteEverything");
        assertThat(unknownKind.statusCode()).isEqualTo(422);
        assertThat(json(unknownKind)).hasEntrySatisfying("message",
                m -> assertThat((String) m).startsWith("Không nhập được loại “deleteEverything”"));
        HttpResponse<byte[]> column = upload("thapmuoi.vpdp", ("planId;unitCode;itemId;content;unitCodes;lead.name;"
                + "deadline;lead.phone\r\n").getBytes(StandardCharsets.UTF_8), "?kind=addPlanItem");
        assertThat(column.statusCode()).isEqualTo(422);
        assertThat(json(column)).containsEntry("field", "lead.phone").hasEntrySatisfying("message",
                m -> assertThat((String) m).startsWith("Cột “lead.phone” không phải một trường của addPlanItem"));
        HttpResponse<byte[]> missing = upload("thapmuoi.vpdp", "planId;unitCode\r\nx;872\r\n"
                .getBytes(StandardCharsets.UTF_8), "?kind=addPlanItem");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(json(missing)).hasEntrySatisfying("message",
                m -> assertThat((String) m).startsWith("Thiếu cột bắt buộc của addPlanItem: itemId"));
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("planId");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            HttpResponse<byte[]> noSheet = upload("thapmuoi.vpdp", out.toByteArray(), "");
            assertThat(noSheet.statusCode()).isEqualTo(422);
            assertThat(json(noSheet)).hasEntrySatisfying("message",
                    m -> assertThat((String) m).startsWith("Sổ tính không có trang tính nào mang tên một loại hồ sơ"));
        }
        assertThat(upload("dashboard", "a".getBytes(StandardCharsets.UTF_8), "?kind=addPlanItem").statusCode())
                .isEqualTo(403);
        StringBuilder many = new StringBuilder("unitCode;setId;grade;year;authority;source.number\r\n");
        for (int i = 0; i < 51; i++) {
            many.append("30199;commune-advanced-2016-2020;ADVANCED;").append(1970 + i).append(";UBND;01/BC\r\n");
        }
        HttpResponse<byte[]> tooMany = upload("admin", many.toString().getBytes(StandardCharsets.UTF_8),
                "?kind=recordPriorRecognition");
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(json(tooMany)).hasEntrySatisfying("message",
                m -> assertThat((String) m).startsWith("Tệp có 51 dòng hồ sơ, quá giới hạn 50 dòng"));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void theTemplateOfAKindIsFilledAndImported() throws Exception {
        String sandbox = sandboxCommune("99312");
        HttpRequest.Builder get = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/templates/records.xlsx?kinds=recordPriorRecognition")).GET().header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        HttpResponse<byte[]> template = HTTP.send(get.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(template.statusCode()).isEqualTo(200);
        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(template.body()))) {
            XSSFSheet sheet = workbook.getSheet("recordPriorRecognition");
            Row head = sheet.getRow(0);
            List<String> columns = new java.util.ArrayList<>();
            head.forEach(cell -> columns.add(cell.getStringCellValue()));
            assertThat(columns).containsExactly("unitCode", "setId", "grade", "year", "yearStated", "decisionNumber",
                    "decisionDate", "authority", "source.number", "source.date", "source.issuer", "source.title", "note");
            assertThat(head.getCell(2).getCellComment().getString().getString()).startsWith("bắt buộc · NTM | ADVANCED");
            assertThat(sheet.getDataValidations()).anySatisfy(v -> assertThat(v.getValidationConstraint()
                    .getExplicitListValues()).contains("NTM", "ADVANCED", "MODEL"));
            assertThat(workbook.getSheet("Hướng dẫn")).isNotNull();
            Row row = sheet.createRow(1);
            String[] cells = {sandbox, "commune-ntm-2016-2020", "NTM", "2018", "", "", "", "UBND tỉnh", "05/BC", "", "",
                    "", "mẫu điền thử"};
            for (int c = 0; c < cells.length; c++) {
                row.createCell(c).setCellValue(cells[c]);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            filled = out.toByteArray();
        }
        Map<String, Object> imported = finished("admin", upload("admin", filled, "?fileName=mau.xlsx"));
        assertThat(imported).as(imported.toString()).containsEntry("kind", "recordPriorRecognition")
                .containsEntry("recorded", 1).containsEntry("refused", 0);

        HttpResponse<byte[]> unknown = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/templates/records.xlsx?kinds=addPlanItem,dropTables")).GET().header("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                                .getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown)).containsEntry("field", "kinds");
    }

    @Test
    void aUnitTrackedAndItsIndicatorsMarkedAndDecidedFromOneWorkbook() throws Exception {
        String sandbox = sandboxCommune("99313");
        String set = "dongthap-commune-ntm-2021-2025";
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            write(workbook.createSheet("trackUnit"), List.of("unitCode", "setId"), List.of(List.of(sandbox, set)));
            write(workbook.createSheet("markIndicatorNotAssessed"), List.of("unitCode", "setId", "indicatorCode",
                    "valueId", "period.start", "period.end", "reason"), List.of(List.of(sandbox, set, "17.7",
                    "danh-dau-1", "01/01/2024", "31/03/2024", "chưa đo trong quý")));
            write(workbook.createSheet("recordIndicatorDecision"), List.of("unitCode", "setId", "indicatorCode",
                    "decisionId", "result", "period.start", "period.end", "decidedBy", "basis[1].number",
                    "basis[1].date"), List.of(List.of(sandbox, set, "16", "quyet-dinh-1", "MET", "01/01/2024",
                    "31/03/2024", "UBND huyện Lấp Vò", "01/QĐ-UBND", "15/03/2024")));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            file = out.toByteArray();
        }
        long before = eventCount();
        Map<String, Object> checked = finished("lapvo.vpdp", upload("lapvo.vpdp", file, "?dryRun=true"));
        // the scorecard the first sheet would open is there for the rows of the next two
        assertThat(checked).as(checked.toString()).containsEntry("recorded", 3).containsEntry("refused", 0);
        assertThat(row(checked, "trackUnit", 2)).containsEntry("recordId", sandbox + "@" + set)
                .containsEntry("events", List.of("UnitTracked"));
        assertThat(row(checked, "markIndicatorNotAssessed", 2).get("events")).asInstanceOf(list(String.class))
                .startsWith("IndicatorMarkedNotAssessed");
        assertThat(eventCount()).isEqualTo(before);

        assertThat(finished("lapvo.vpdp", upload("lapvo.vpdp", file, ""))).containsEntry("recorded", 3);
        awaitProjections();
        graphQl("lapvo.vpdp").document("""
                        query($u: ID!, $s: ID!) { standing(unitCode: $u, setId: $s) { criteria { indicators { code result } } } }""")
                .variable("u", sandbox).variable("s", set).execute()
                .path("standing.criteria[*].indicators[?(@.code == '16')].result").entityList(String.class)
                .containsExactly("MET");
        long afterImport = eventCount();
        assertThat(finished("lapvo.vpdp", upload("lapvo.vpdp", file, ""))).containsEntry("alreadyRecorded", 3)
                .containsEntry("refused", 0);
        assertThat(eventCount()).isEqualTo(afterImport);
    }

    @Test
    void evidenceFilesUploadedBeforeAreAttachedFromACsvOnce() throws Exception {
        String sandbox = sandboxCommune("99314");
        byte[] pdf = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
                + "endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        HttpResponse<byte[]> stored = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/evidence/files")).POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).header("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(("lapvo.vpdp:" + PASSWORD)
                                .getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String sha = (String) json(stored).get("sha256");
        String csv = "documentId;target.unitCode;document.number;document.date;kind;fileSha256;fileName\r\n"
                + "bien-ban-" + sandbox + ";" + sandbox + ";12/BB-UBND;15/03/2024;biên bản;" + sha + ";bien-ban.pdf\r\n";
        Map<String, Object> imported = finished("lapvo.vpdp", upload("lapvo.vpdp", csv.getBytes(StandardCharsets.UTF_8),
                "?kind=attachEvidence"));
        assertThat(imported).as(imported.toString()).containsEntry("recorded", 1);
        Map<String, Object> again = finished("lapvo.vpdp", upload("lapvo.vpdp", csv.getBytes(StandardCharsets.UTF_8),
                "?kind=attachEvidence"));
        assertThat(again).containsEntry("recorded", 0).containsEntry("alreadyRecorded", 1);
        awaitProjections();
        graphQl("lapvo.vpdp").document("query($u: ID!) { evidenceDocuments(unitCode: $u, first: 10) { edges { node {"
                        + " number fileSha256 } } } }").variable("u", sandbox).execute()
                .path("evidenceDocuments.edges[*].node.fileSha256").entityList(String.class).containsExactly(sha);
    }
}
