package org.ntmrecords.infra.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Tân Kiều's history downloaded by its officer and by an auditor, read back with POI and held against what history
 * answers for the same subject and filter, every page of it: the same entries, newest first, each with its recorded
 * time, business dates, kind, summary, actor and correlation id. The service reads 5 entries per statement
 * (ExportIT), so the unit's history spans several internal pages. A filtered export, and the refusals as JSON.
 */
class UnitHistoryExportIT extends ExportIT {
    private static final String PATH = "/exports/unit-history.xlsx";
    private static final String FIRST_COLUMN = "Số thứ tự trong kho sự kiện";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Every entry history answers, in store order, reading its pages one after another. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> history(String user, Map<String, Object> subject, Map<String, Object> filter) {
        List<Map<String, Object>> entries = new ArrayList<>();
        String after = null;
        while (true) {
            GraphQlTester.Request<?> request = graphQl(user).documentName("unitHistory").variable("subject", subject)
                    .variable("after", after);
            if (filter != null) {
                request = request.variable("filter", filter);
            }
            Map<String, Object> page = request.execute().path("history").entity(Map.class).get();
            for (Map<String, Object> edge : (List<Map<String, Object>>) page.get("edges")) {
                entries.add((Map<String, Object>) edge.get("node"));
            }
            assertThat(page.get("totalCount")).isNotNull();
            Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
            if (!Boolean.TRUE.equals(info.get("hasNextPage"))) {
                return entries;
            }
            after = (String) info.get("endCursor");
        }
    }

    private static String day(Object iso) {
        return iso == null ? "" : LocalDate.parse((String) iso).format(DAY);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** The workbook's entries against the API's, newest first. */
    private static void sameEntries(Sheet sheet, List<Map<String, Object>> api) {
        List<Map<String, Object>> newestFirst = new ArrayList<>(api);
        java.util.Collections.reverse(newestFirst);
        int head = rowOf(sheet, FIRST_COLUMN);
        assertThat(sheet.getLastRowNum() - head).isEqualTo(api.size());
        for (int k = 0; k < newestFirst.size(); k++) {
            Map<String, Object> entry = newestFirst.get(k);
            Row row = sheet.getRow(head + 1 + k);
            String position = text(entry.get("position"));
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat((long) row.getCell(0).getNumericCellValue()).as("entry " + k)
                    .isEqualTo(Long.parseLong(position));
            LocalDateTime recorded = row.getCell(1).getLocalDateTimeCellValue();
            LocalDateTime expected = Instant.parse((String) entry.get("recordedAt")).atZone(WorkbookCells.VIETNAM)
                    .toLocalDateTime();
            assertThat(Duration.between(recorded, expected).abs()).as(position).isLessThan(Duration.ofSeconds(1));
            assertThat(shown(row, 1)).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
            assertThat(shown(row, 2)).as(position).isEqualTo(day(entry.get("businessStart")));
            assertThat(shown(row, 3)).as(position).isEqualTo(day(entry.get("businessEnd")));
            assertThat(shown(row, 4)).as(position).isEqualTo(entry.get("type"));
            assertThat(shown(row, 5)).as(position).isEqualTo(text(entry.get("summary")));
            assertThat(shown(row, 6)).as(position).isEqualTo(text(entry.get("actor")));
            assertThat(shown(row, 7)).as(position).isEqualTo(text(entry.get("actorRole")));
            assertThat(shown(row, 9)).as(position).isEqualTo(text(entry.get("correlationId")));
            assertThat(shown(row, 11)).as(position).isEqualTo(text(entry.get("attributedTo")));
            assertThat(shown(row, 14)).as(position).isEqualTo(entry.get("eventId"));
        }
    }

    @Test
    void theWorkbookHoldsEveryEntryHistoryAnswersNewestFirstAcrossInternalPages() throws Exception {
        for (String user : List.of("tankieu.officer", "auditor")) {
            HttpResponse<byte[]> response = get(user, PATH + "?unitCode=30049", null);
            isWorkbook(response, "lich-su-30049.xlsx");
            List<Map<String, Object>> api = history(user, Map.of("unitCode", "30049"), null);
            // more entries than one internal page of 5, and than two
            assertThat(api).hasSizeGreaterThan(10);
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
                assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
                Sheet sheet = workbook.getSheet("Lịch sử");
                assertThat(shown(sheet.getRow(0), 0)).isEqualTo("Lịch sử hồ sơ của Xã Tân Kiều (mã 30049)");
                printsReadTime(sheet);
                assertThat(shown(sheet.getRow(4), 0)).isEqualTo("Số mục: " + api.size() + ", mới nhất trước");
                sameEntries(sheet, api);
            }
        }
    }

    @Test
    void aFilteredHistoryIsTheFilteredQuerys() throws Exception {
        HttpResponse<byte[]> response = get("auditor", PATH + "?unitCode=30049&setId=" + NTM
                + "&types=INDICATOR_VALUE_RECORDED,%20INDICATOR_JUDGED&businessFrom=2023-01-01", null);
        isWorkbook(response, "lich-su-30049-" + NTM + ".xlsx");
        List<Map<String, Object>> api = history("auditor", Map.of("unitCode", "30049", "setId", NTM),
                Map.of("types", List.of("INDICATOR_VALUE_RECORDED", "INDICATOR_JUDGED"), "businessFrom", "2023-01-01"));
        assertThat(api).isNotEmpty();
        assertThat(api).allSatisfy(e -> assertThat(e.get("type")).isIn("INDICATOR_VALUE_RECORDED",
                "INDICATOR_JUDGED"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheet("Lịch sử");
            assertThat(shown(sheet.getRow(2), 0)).isEqualTo("Chủ đề: bộ tiêu chí " + NTM);
            assertThat(shown(sheet.getRow(3), 0)).isEqualTo("Lọc: ngày nghiệp vụ từ 01/01/2023; loại "
                    + "INDICATOR_VALUE_RECORDED, INDICATOR_JUDGED");
            sameEntries(sheet, api);
        }
    }

    @Test
    void refusalsAreJsonInTheRequestsLanguage() throws Exception {
        // history is not for dashboards
        HttpResponse<byte[]> dashboard = get("dashboard", PATH + "?unitCode=30049", null);
        assertThat(dashboard.statusCode()).isEqualTo(403);
        assertThat(json(dashboard)).containsEntry("code", "NOT_ALLOWED").containsEntry("field", "unitCode")
                .containsEntry("message", "Tài khoản với vai trò này không được đọc Query.history, nên không được tải"
                        + " tệp này");
        assertThat(json(get("dashboard", PATH + "?unitCode=30049", "en"))).containsEntry("message",
                "an account with this role may not read Query.history, so it may not download this file");

        HttpResponse<byte[]> unknown = get("auditor", PATH + "?unitCode=99999", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown)).containsEntry("code", "UNKNOWN_UNIT")
                .containsEntry("message", "Không có đơn vị hành chính mã 99999");
        HttpResponse<byte[]> noSet = get("auditor", PATH + "?unitCode=30049&setId=no-such-set", null);
        assertThat(noSet.statusCode()).isEqualTo(404);
        assertThat(json(noSet)).containsEntry("code", "UNKNOWN_CRITERIA_SET");
        // refused as history refuses it, in its words
        HttpResponse<byte[]> both = get("auditor", PATH + "?unitCode=30049&setId=" + NTM
                + "&criterionCode=17&indicatorCode=17.7", null);
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(json(both)).containsEntry("code", "INVALID_INPUT")
                .containsEntry("message", "Hãy nêu một tiêu chí hoặc một chỉ tiêu, không nêu cả hai");
        HttpResponse<byte[]> badInstant = get("auditor", PATH + "?unitCode=30049&recordedFrom=yesterday", null);
        assertThat(badInstant.statusCode()).isEqualTo(400);
        assertThat(json(badInstant)).containsEntry("code", "INVALID_INPUT").containsEntry("field", "recordedFrom");
        HttpResponse<byte[]> bogus = get("auditor", PATH + "?unitCode=30049&types=INDICATOR_VALUE_RECORDED,BOGUS",
                null);
        assertThat(bogus.statusCode()).isEqualTo(400);
        assertThat(json(bogus)).containsEntry("code", "INVALID_INPUT").containsEntry("field", "types")
                .hasEntrySatisfying("message", m -> assertThat((String) m)
                        .startsWith("types: không có loại sự kiện “BOGUS”"));
        HttpResponse<byte[]> ancient = get("auditor", PATH + "?unitCode=30049&recordedFrom=-999999999-01-01T00:00:00Z",
                null);
        assertThat(ancient.statusCode()).isEqualTo(400);
        assertThat(json(ancient)).containsEntry("code", "INVALID_INPUT").containsEntry("field", "recordedFrom");
        // the query itself, in the same words
        graphQl("auditor").document("""
                { history(subject: {unitCode: "30049"}, filter: {recordedFrom: "-999999999-01-01T00:00:00Z"}, first: 1) {
                    totalCount } }""").execute().errors()
                .expect(e -> e.getErrorType().toString().equals("BAD_REQUEST")
                        && e.getMessage().contains("-999999999")).verify();
        HttpResponse<byte[]> missing = get("auditor", PATH, null);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing)).containsEntry("code", "INVALID_INPUT").containsEntry("field", "unitCode")
                .containsEntry("message", "unitCode: bắt buộc phải có");

        assertThat(get(null, PATH + "?unitCode=30049", null).statusCode()).isEqualTo(401);
    }
}
