package org.ntmrecords.infra.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * Imports uploaded over HTTP as an office would send them: Tân Kiều's template downloaded by its officer, 17.7
 * filled (30/06/2024, 86,5) and one row filled wrong, checked by a dry run (what would be recorded and the refusal,
 * with its line, column and reason in Vietnamese; nothing stored), then imported (17.7 recorded, 18/19, the file kept
 * and attached to Tân Kiều under the run's correlation id) and sent again (nothing changes). Every file refused
 * before anything runs over raw HTTP, with nothing stored. A service of its own, since it records on Tân Kiều.
 */
@TestPropertySource(properties = {"ntm.test.isolation=value-upload", "ntm.import.max-upload-size=1MB",
        "ntm.import.max-record-rows=50"})
class ValueUploadIT extends IntegrationTest {
    private static final String SET = "dongthap-commune-ntm-2021-2025";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = """
            query run($id: ID!, $outcome: ImportRowOutcome, $after: String) {
              importRun(id: $id) {
                id status dryRun fileName fileSha256 done total recorded alreadyRecorded refused summary messages
                warnings failure
                rows(outcome: $outcome, first: 2, after: $after) {
                  totalCount pageInfo { hasNextPage endCursor }
                  edges { node { line outcome unitCode setId valueId indicatorCode value periodStart periodEnd
                                 column code reason } }
                }
              }
            }""";

    @BeforeEach
    void demoLoaded() {
        awaitProjections();
    }

    private HttpResponse<byte[]> send(String user, HttpRequest.Builder request, String language) throws Exception {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> upload(String user, byte[] file, String query, String language) throws Exception {
        return send(user, HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/imports/values" + query))
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)), language);
    }

    private static Map<String, Object> json(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> body = JSON.readValue(response.body(), Map.class);
        return body;
    }

    /** The run as its starter reads it once it is done (polled: it runs in the background). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> finished(String user, String id) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> run(user, id, null, null), r -> r != null && ("DONE".equals(r.get("status"))
                        || "FAILED".equals(r.get("status"))));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> run(String user, String id, String outcome, String after) {
        return graphQl(user).document(RUN).variable("id", id).variable("outcome", outcome).variable("after", after)
                .execute().path("importRun").hasValue().entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> run) {
        Map<String, Object> rows = (Map<String, Object>) run.get("rows");
        return ((List<Map<String, Object>>) rows.get("edges")).stream()
                .map(edge -> (Map<String, Object>) edge.get("node")).toList();
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from event_store.domain_event_entry", Long.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> standing() {
        return graphQl("tankieu.officer").document("""
                query s($unit: ID!, $set: ID!) { standing(unitCode: $unit, setId: $set) { criteriaMet criteriaTotal } }
                """).variable("unit", "30049").variable("set", SET).execute().path("standing").entity(Map.class).get();
    }

    /** Tân Kiều's template with 17.7 filled, and another number written so that it cannot be read (1.110). */
    private byte[] filledTemplate() throws Exception {
        HttpResponse<byte[]> template = send("tankieu.officer", HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/templates/values.xlsx?unitCode=30049&setId=" + SET)).GET(), null);
        assertThat(template.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            DataFormatter cells = new DataFormatter();
            Row good = null;
            Row bad = null;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String code = cells.formatCellValue(row.getCell(3));
                String kind = cells.formatCellValue(row.getCell(6));
                if (code.equals("17.7")) {
                    good = row;
                } else if (bad == null && List.of("PERCENTAGE", "AMOUNT", "COUNT").contains(kind)) {
                    bad = row;
                }
            }
            assertThat(good).isNotNull();
            assertThat(bad).isNotNull();
            good.getCell(4).setCellValue("30/06/2024");
            good.getCell(7).setCellValue("86,5");
            bad.getCell(4).setCellValue("30/06/2024");
            bad.getCell(7).setCellValue("1.110");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void tanKieusTemplateFilledIsCheckedByADryRunThenImportedAndSentAgainChangesNothing() throws Exception {
        byte[] file = filledTemplate();
        assertThat(standing()).containsEntry("criteriaMet", 17);
        long before = events();

        HttpResponse<byte[]> dry = upload("tankieu.officer", file, "?dryRun=true&fileName="
                + URLEncoder.encode("Số liệu Tân Kiều.xlsx", StandardCharsets.UTF_8), null);
        assertThat(dry.statusCode()).as(new String(dry.body(), StandardCharsets.UTF_8)).isEqualTo(202);
        Map<String, Object> started = json(dry);
        assertThat(started).containsEntry("dryRun", true).containsEntry("fileName", "Số liệu Tân Kiều.xlsx")
                .containsEntry("rows", 2);
        Map<String, Object> checked = finished("tankieu.officer", (String) started.get("id"));
        assertThat(checked).containsEntry("status", "DONE").containsEntry("dryRun", true)
                .containsEntry("recorded", 1).containsEntry("alreadyRecorded", 0).containsEntry("refused", 1)
                .containsEntry("done", 2).containsEntry("total", 2).containsEntry("fileSha256", null);
        assertThat((String) checked.get("summary")).startsWith("Chạy thử 2 dòng").contains("không ghi gì");
        assertThat(checked.get("messages")).asInstanceOf(list(String.class))
                .contains("Đọc trang tính “Số liệu” của sổ tính Excel (.xlsx)");
        List<Map<String, Object>> rows = rows(checked);
        Map<String, Object> wouldRecord = rows.stream().filter(r -> "17.7".equals(r.get("indicatorCode")))
                .findFirst().orElseThrow();
        assertThat(wouldRecord).containsEntry("outcome", "WOULD_RECORD").containsEntry("unitCode", "30049")
                .containsEntry("setId", SET).containsEntry("value", "86.5%")
                .containsEntry("periodStart", "2024-06-30").containsEntry("periodEnd", "2024-06-30");
        Map<String, Object> refusedRow = rows.stream().filter(r -> "REFUSED".equals(r.get("outcome")))
                .findFirst().orElseThrow();
        assertThat(refusedRow).containsEntry("column", "value").containsEntry("code", "UNREADABLE");
        assertThat((String) refusedRow.get("reason")).startsWith("cột value: “1.110” ");
        // the refused row only, by the outcome filter
        assertThat(rows(run("tankieu.officer", (String) started.get("id"), "REFUSED", null)))
                .extracting(r -> r.get("line")).containsExactly(refusedRow.get("line"));
        assertThat(events()).as("a dry run stores nothing").isEqualTo(before);
        assertThat(standing()).containsEntry("criteriaMet", 17);

        HttpResponse<byte[]> real = upload("tankieu.officer", file, "?fileName=so-lieu-tan-kieu.xlsx", null);
        assertThat(real.statusCode()).isEqualTo(202);
        String runId = (String) json(real).get("id");
        Map<String, Object> imported = finished("tankieu.officer", runId);
        assertThat(imported).containsEntry("status", "DONE").containsEntry("dryRun", false)
                .containsEntry("recorded", 1).containsEntry("refused", 1).containsEntry("warnings", List.of());
        String sha = (String) imported.get("fileSha256");
        assertThat(sha).matches("[0-9a-f]{64}");
        assertThat(rows(imported)).extracting(r -> r.get("outcome")).containsExactlyInAnyOrder("RECORDED", "REFUSED");
        awaitProjections();
        assertThat(standing()).containsEntry("criteriaMet", 18).containsEntry("criteriaTotal", 19);

        // the value's events carry the run's id as their correlation id; the file is attached to Tân Kiều with it
        List<String> types = graphQl("auditor").document("""
                query h($c: String) { history(subject: {unitCode: "30049", setId: "%s", indicatorCode: "17.7"},
                                              filter: {correlationId: $c}, first: 20) {
                  edges { node { type actor correlationId } } } }""".formatted(SET))
                .variable("c", runId).execute().path("history.edges[*].node.type").entityList(String.class).get();
        assertThat(types).contains("INDICATOR_VALUE_RECORDED", "INDICATOR_JUDGED");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> documents = graphQl("auditor").document("""
                { evidenceDocuments(unitCode: "30049", first: 50) { edges { node {
                    number kind fileSha256 fileName note attachedBy } } } }""")
                .execute().path("evidenceDocuments.edges[*].node").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).filter(d -> sha.equals(d.get("fileSha256"))).toList();
        assertThat(documents).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("number", "so-lieu-tan-kieu.xlsx").containsEntry("kind", "Tệp nhập số liệu")
                    .containsEntry("fileName", "so-lieu-tan-kieu.xlsx").containsEntry("attachedBy", "tankieu.officer");
            assertThat((String) d.get("note")).contains(runId).contains("1 giá trị");
        });
        HttpResponse<byte[]> kept = send("auditor", HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/evidence/files/" + sha)).GET(), null);
        assertThat(kept.body()).isEqualTo(file);

        long afterImport = events();
        Map<String, Object> again = finished("tankieu.officer",
                (String) json(upload("tankieu.officer", file, "?fileName=so-lieu-tan-kieu.xlsx", null)).get("id"));
        assertThat(again).containsEntry("recorded", 0).containsEntry("alreadyRecorded", 1).containsEntry("refused", 1);
        assertThat(events()).as("the same file again changes nothing").isEqualTo(afterImport);

        // the value id sent again with another value is not "recorded already": it is refused, with the value it holds
        String valueId = (String) rows(imported).stream().filter(r -> "RECORDED".equals(r.get("outcome")))
                .findFirst().orElseThrow().get("valueId");
        String header = "unit_code;set_id;value_id;indicator_code;period_start;period_end;kind;value\r\n";
        Map<String, Object> other = finished("tankieu.officer", (String) json(upload("tankieu.officer", (header
                + "30049;" + SET + ";" + valueId + ";17.7;30/06/2024;;PERCENTAGE;50\r\n")
                .getBytes(StandardCharsets.UTF_8), "", null)).get("id"));
        assertThat(other).containsEntry("recorded", 0).containsEntry("alreadyRecorded", 0).containsEntry("refused", 1);
        assertThat(rows(other)).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("outcome", "REFUSED").containsEntry("code", "ALREADY_EXISTS")
                    .containsEntry("column", "value");
            assertThat((String) r.get("reason")).startsWith("value_id " + valueId + " đã ghi một giá trị khác: 86.5%")
                    .contains("tệp ghi 50%");
        });
        // the same value written otherwise (86,50) is the value recorded
        Map<String, Object> same = finished("tankieu.officer", (String) json(upload("tankieu.officer", (header
                + "30049;" + SET + ";" + valueId + ";17.7;30/06/2024;30/06/2024;PERCENTAGE;86,50\r\n")
                .getBytes(StandardCharsets.UTF_8), "", null)).get("id"));
        assertThat(same).containsEntry("alreadyRecorded", 1).containsEntry("refused", 0);
        assertThat(events()).isEqualTo(afterImport);

        // a run is its starter's (and oversight's): another commune's officer does not see it
        graphQl("myhoa.officer").document(RUN).variable("id", runId).execute().path("importRun").valueIsNull();
        assertThat(run("auditor", runId, null, null)).containsEntry("id", runId);
    }

    @Test
    void rowsArePagedInFileOrderAndEachRowIsCheckedAsTheSenderMayRecord() throws Exception {
        // Mỹ Hòa's officer sends rows for Mỹ Hòa and for Tân Kiều: Tân Kiều's are refused alone, as not its own
        String csv = "unit_code;set_id;value_id;indicator_code;period_start;period_end;kind;value;source_agency;note\r\n"
                + "30052;" + SET + ";up-mh-1;17.7;Tháng 6/2024;;PERCENTAGE;86,2%;;\r\n"
                + "30049;" + SET + ";up-tk-1;17.7;Tháng 6/2024;;PERCENTAGE;90;;\r\n"
                + "30052;" + SET + ";up-mh-2;17.7;31/13/2024;;PERCENTAGE;86,2;;\r\n";
        byte[] file = csv.getBytes(Charset.forName("windows-1258"));
        HttpResponse<byte[]> response = upload("myhoa.officer", file, "?dryRun=true&encoding=windows-1258", null);
        assertThat(response.statusCode()).isEqualTo(202);
        String id = (String) json(response).get("id");
        Map<String, Object> first = finished("myhoa.officer", id);
        assertThat(first).containsEntry("recorded", 1).containsEntry("refused", 2);
        assertThat(first.get("messages")).asInstanceOf(list(String.class))
                .contains("Đọc tệp theo bảng mã windows-1258, các cột phân cách bằng dấu chấm phẩy");
        assertThat(rows(first)).extracting(r -> r.get("line")).containsExactly(2, 3);
        assertThat(rows(first).get(1)).containsEntry("outcome", "REFUSED").containsEntry("code", "NOT_ALLOWED")
                .containsEntry("valueId", "up-tk-1");
        @SuppressWarnings("unchecked")
        Map<String, Object> page = (Map<String, Object>) ((Map<String, Object>) first.get("rows")).get("pageInfo");
        assertThat(page).containsEntry("hasNextPage", true);
        Map<String, Object> second = run("myhoa.officer", id, null, (String) page.get("endCursor"));
        assertThat(rows(second)).singleElement().satisfies(r -> assertThat(r).containsEntry("line", 4)
                .containsEntry("column", "period_start").containsEntry("outcome", "REFUSED"));
        assertThat((String) rows(second).get(0).get("reason")).contains("31/13/2024");
        // the row refused as not the sender's is in the security log, as a refused command is
        assertThat(jdbc.queryForObject("select count(*) from security.denied_attempt where actor = 'myhoa.officer'"
                + " and command like '%RecordIndicatorValueCommand%' and target_unit = '30049'", Long.class))
                .isPositive();
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** A workbook of the values' columns and one row, its value cell the number 12345.678 (to be rewritten). */
    private static byte[] oneRowWorkbook(List<String> header) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("Số liệu");
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
            }
            Row row = sheet.createRow(1);
            List<String> cells = List.of("30049", SET, "xl-1", "17.7", "30/06/2024", "30/06/2024", "PERCENTAGE");
            for (int c = 0; c < cells.size(); c++) {
                row.createCell(c).setCellValue(cells.get(c));
            }
            row.createCell(7).setCellValue(12345.678);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The workbook with a text of its first sheet's XML replaced, as a hand-made or damaged file has it. */
    private static byte[] rewritten(byte[] xlsx, String from, String to) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(xlsx));
             java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] part = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(part, StandardCharsets.UTF_8);
                    assertThat(xml).contains(from);
                    part = xml.replace(from, to).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                zip.write(part);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static final List<String> COLUMNS = List.of("unit_code", "set_id", "value_id", "indicator_code",
            "period_start", "period_end", "kind", "value");

    @Test
    void aFileBrokenOrOfDoubledColumnsIsRefusedWholeWithItsReasonAndTheParametersAreReadStrictly() throws Exception {
        long before = events();
        String header = "unit_code;set_id;value_id;indicator_code;period_start;period_end;kind;value;source_agency;note"
                + "\r\n";
        String good = "30049;" + SET + ";bu-1;17.7;Tháng 6/2024;;PERCENTAGE;86,5;Trạm Y tế;ghi chú\r\n";

        // UTF-8 with a few damaged bytes: refused, never read as Windows-1258 (Tráº¡m Y táº¿)
        ByteArrayOutputStream broken = new ByteArrayOutputStream();
        broken.write((header + good).getBytes(StandardCharsets.UTF_8));
        broken.write("30049;".getBytes(StandardCharsets.UTF_8));
        broken.write(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28});
        broken.write("\r\n".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> garbled = upload("tankieu.officer", broken.toByteArray(), "", null);
        assertThat(garbled.statusCode()).as(text(garbled)).isEqualTo(422);
        assertThat(json(garbled)).containsEntry("code", "FILE_UNREADABLE").hasEntrySatisfying("message", m ->
                assertThat((String) m).startsWith("Tệp viết theo UTF-8 nhưng có byte hỏng (byte không hợp lệ ở vị trí "
                        + (header + good + "30049;").getBytes(StandardCharsets.UTF_8).length + ", dòng 3)")
                        .contains("tham số encoding").doesNotContain("--encoding"));
        // declared, it is read as declared (and refused as not in it, in the parameter's words)
        HttpResponse<byte[]> declared = upload("tankieu.officer", broken.toByteArray(), "?encoding=UTF-8", null);
        assertThat(declared.statusCode()).isEqualTo(422);
        assertThat((String) json(declared).get("message")).contains("encoding=UTF-8").doesNotContain("--encoding");
        // a sheet named for a CSV, in the parameter's words
        HttpResponse<byte[]> sheet = upload("tankieu.officer", (header + good).getBytes(StandardCharsets.UTF_8),
                "?sheet=Sheet1", null);
        assertThat(json(sheet)).containsEntry("message",
                "Tham số sheet=Sheet1 chỉ dùng cho sổ tính Excel (.xlsx), tệp này là CSV");

        // a quote never closed: the line, not a 500
        HttpResponse<byte[]> quote = upload("tankieu.officer", (header
                + "30049;" + SET + ";q-1;17.7;Tháng 6/2024;;PERCENTAGE;86,5;x;\"x\r\n").getBytes(StandardCharsets.UTF_8),
                "", null);
        assertThat(quote.statusCode()).as(text(quote)).isEqualTo(422);
        assertThat(json(quote)).containsEntry("code", "FILE_UNREADABLE").hasEntrySatisfying("message",
                m -> assertThat((String) m).startsWith("dòng 2: dấu ngoặc kép (\") mở ở dòng này không được đóng"));

        // a column twice: which cell to take cannot be told
        HttpResponse<byte[]> twice = upload("tankieu.officer", ("unit_code;set_id;value_id;indicator_code;"
                + "period_start;period_end;kind;value;note;value\r\n" + "30049;" + SET
                + ";d-1;17.7;Tháng 6/2024;;PERCENTAGE;86,5;;50\r\n").getBytes(StandardCharsets.UTF_8), "", null);
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(json(twice)).containsEntry("code", "FILE_UNREADABLE").containsEntry("field", "value")
                .containsEntry("message", "Dòng tiêu đề có cột “value” hai lần: mỗi cột chỉ được có một lần (không "
                        + "biết lấy ô nào)");
        List<String> doubled = new java.util.ArrayList<>(COLUMNS);
        doubled.add("value");
        HttpResponse<byte[]> twiceInAWorkbook = upload("tankieu.officer", oneRowWorkbook(doubled), "", null);
        assertThat(twiceInAWorkbook.statusCode()).isEqualTo(422);
        assertThat(json(twiceInAWorkbook)).containsEntry("field", "value");

        // a header without the columns is refused with no row under it too
        HttpResponse<byte[]> headerOnly = upload("tankieu.officer", "unit_code;set_id;value\r\n"
                .getBytes(StandardCharsets.UTF_8), "", null);
        assertThat(headerOnly.statusCode()).isEqualTo(422);
        assertThat(json(headerOnly)).containsEntry("code", "FILE_UNREADABLE").containsEntry("field", "value_id");

        // workbooks refused in our words, never POI's
        HttpResponse<byte[]> doctype = upload("tankieu.officer", rewritten(oneRowWorkbook(COLUMNS), "<worksheet",
                "<!DOCTYPE worksheet [<!ENTITY x \"y\">]><worksheet"), "", null);
        assertThat(doctype.statusCode()).isEqualTo(422);
        assertThat(json(doctype)).containsEntry("message", "Tệp là tệp nén nhưng không phải sổ tính Excel (.xlsx) hợp"
                + " lệ (thiếu hoặc hỏng phần bên trong): hãy mở trong Excel và lưu lại dạng “Sổ làm việc Excel (.xlsx)”");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            // a long text, legitimately: it inflates over POI's ratio and is said to be compressed too much
            Row row = workbook.createSheet("Số liệu").createRow(0);
            for (int c = 0; c < 300; c++) {
                row.createCell(c).setCellValue("a".repeat(32_000) + c);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            HttpResponse<byte[]> inflating = upload("tankieu.officer", out.toByteArray(), "", null);
            assertThat(inflating.statusCode()).isEqualTo(422);
            assertThat((String) json(inflating).get("message")).startsWith("Sổ tính nén quá mức")
                    .doesNotContain("Zip bomb").doesNotContain("ZipSecureFile");
        }

        // a number cell holding NaN or 1E-320 refuses its row, saying so briefly
        for (String number : List.of("NaN", "1E-320")) {
            HttpResponse<byte[]> odd = upload("tankieu.officer", rewritten(oneRowWorkbook(COLUMNS),
                    "<v>12345.678</v>", "<v>" + number + "</v>"), "?dryRun=true", null);
            assertThat(odd.statusCode()).isEqualTo(202);
            Map<String, Object> checked = finished("tankieu.officer", (String) json(odd).get("id"));
            assertThat(checked).containsEntry("refused", 1);
            assertThat(rows(checked)).singleElement().satisfies(r -> {
                assertThat(r).containsEntry("code", "UNREADABLE");
                assertThat((String) r.get("reason")).startsWith("cột value: ô số").hasSizeLessThan(200);
            });
        }

        // dryRun is true or false, once: anything else is refused, never taken for an import
        for (String query : List.of("?dryRun=", "?dryRun=false&dryRun=true", "?dryRun=abc", "?dryRun=1")) {
            HttpResponse<byte[]> refused = upload("tankieu.officer", (header + good).getBytes(StandardCharsets.UTF_8),
                    query, null);
            assertThat(refused.statusCode()).as(query).isEqualTo(400);
            assertThat(json(refused)).containsEntry("code", "INVALID_INPUT").containsEntry("field", "dryRun")
                    .hasEntrySatisfying("message", m -> assertThat((String) m).startsWith("dryRun phải là true hoặc false"));
        }
        HttpResponse<byte[]> upper = upload("tankieu.officer", (header + good).getBytes(StandardCharsets.UTF_8),
                "?dryRun=TRUE", null);
        assertThat(upper.statusCode()).isEqualTo(202);
        assertThat(json(upper)).containsEntry("dryRun", true);
        finished("tankieu.officer", (String) json(upper).get("id"));
        HttpResponse<byte[]> get = send("tankieu.officer", HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/imports/values")).GET(), null);
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(json(get)).containsEntry("code", "INVALID_INPUT")
                .containsEntry("message", "Chỉ nhận POST, với tệp là nội dung yêu cầu");

        // a file name is a line of text as any other: no bidi override
        HttpResponse<byte[]> bidi = upload("tankieu.officer", (header + good).getBytes(StandardCharsets.UTF_8),
                "?fileName=" + URLEncoder.encode("so-lieu\u202Excsl.csv", StandardCharsets.UTF_8), null);
        assertThat(bidi.statusCode()).isEqualTo(400);
        assertThat(json(bidi)).containsEntry("code", "INVALID_INPUT").containsEntry("field", "fileName");

        // a role that imports no values is refused, and the refusal logged
        for (String account : List.of("auditor", "dashboard", "admin")) {
            HttpResponse<byte[]> role = upload(account, (header + good).getBytes(StandardCharsets.UTF_8), "", null);
            assertThat(role.statusCode()).isEqualTo(403);
            assertThat(json(role)).containsEntry("code", "NOT_ALLOWED");
            assertThat(jdbc.queryForObject("select count(*) from security.denied_attempt where actor = ?"
                    + " and command like '%POST /imports/values%'", Long.class, account)).as(account).isPositive();
        }
        assertThat(events()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aFileRefusedBeforeAnythingRunsStoresNothingAndSaysWhyInVietnamese() throws Exception {
        long before = events();
        String header = "unit_code,set_id,value_id,indicator_code,period_start,period_end,kind,value\n";

        assertThat(upload(null, header.getBytes(StandardCharsets.UTF_8), "", null).statusCode()).isEqualTo(401);

        HttpResponse<byte[]> auditor = upload("auditor", header.getBytes(StandardCharsets.UTF_8), "", null);
        assertThat(auditor.statusCode()).isEqualTo(403);
        assertThat(json(auditor)).containsEntry("code", "NOT_ALLOWED").hasEntrySatisfying("message",
                m -> assertThat((String) m).startsWith("Chỉ tài khoản ghi số liệu chỉ tiêu"));

        HttpResponse<byte[]> empty = upload("tankieu.officer", new byte[0], "", null);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty)).containsEntry("code", "FILE_REJECTED").containsEntry("field", "file");

        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        HttpResponse<byte[]> notASheet = upload("tankieu.officer", pdf, "?fileName=so-lieu.csv", null);
        assertThat(notASheet.statusCode()).isEqualTo(415);
        assertThat(json(notASheet)).containsEntry("code", "FILE_REJECTED").containsEntry("message",
                "Tệp không phải sổ tính Excel (.xlsx) hay tệp CSV (nội dung tệp cho thấy đây là application/pdf)");
        assertThat(json(upload("tankieu.officer", pdf, "", "en"))).containsEntry("message",
                "The file is neither an Excel workbook (.xlsx) nor a CSV file (its content shows application/pdf)");

        byte[] legacy = new byte[512];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1}, 0, legacy, 0, 8);
        assertThat(upload("tankieu.officer", legacy, "?fileName=so-lieu.xls", null).statusCode()).isEqualTo(415);

        HttpResponse<byte[]> shape = upload("tankieu.officer",
                "ma_xa,chi_tieu,gia_tri\n30049,17.7,86\n".getBytes(StandardCharsets.UTF_8), "", null);
        assertThat(shape.statusCode()).isEqualTo(422);
        assertThat(json(shape)).containsEntry("code", "FILE_UNREADABLE").hasEntrySatisfying("message",
                m -> assertThat((String) m).startsWith("Tệp không có cột [unit_code, set_id, value_id"));

        HttpResponse<byte[]> claimed = upload("tankieu.officer", header.getBytes(StandardCharsets.UTF_8),
                "?fileName=so-lieu.xlsx", null);
        assertThat(claimed.statusCode()).isEqualTo(422);
        assertThat(json(claimed)).hasEntrySatisfying("message",
                m -> assertThat((String) m).startsWith("Tệp có tên của sổ tính Excel nhưng không phải tệp .xlsx"));

        HttpResponse<byte[]> badName = upload("tankieu.officer", header.getBytes(StandardCharsets.UTF_8),
                "?fileName=" + URLEncoder.encode("a\nb.csv", StandardCharsets.UTF_8), null);
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(json(badName)).containsEntry("field", "fileName");

        HttpResponse<byte[]> encoding = upload("tankieu.officer", header.getBytes(StandardCharsets.UTF_8),
                "?encoding=tcvn-3", null);
        assertThat(encoding.statusCode()).isEqualTo(400);
        assertThat(json(encoding)).containsEntry("field", "encoding");

        byte[] large = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(large, (byte) 'a');
        HttpResponse<byte[]> tooLarge = upload("tankieu.officer", large, "", null);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(json(tooLarge)).hasEntrySatisfying("message",
                m -> assertThat((String) m).startsWith("Tệp lớn hơn giới hạn 1 MB"));

        assertThat(events()).as("nothing stored for a refused file").isEqualTo(before);
    }
}
