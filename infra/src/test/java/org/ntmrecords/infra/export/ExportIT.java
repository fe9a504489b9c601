package org.ntmrecords.infra.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * What the export tests share: one running service of their own (they record values and attach evidence, which other
 * tests count), whose history workbook reads 5 entries per statement so that a unit's history spans several internal
 * pages; raw HTTP downloads as a seeded account; the cells read back as Excel shows them.
 */
@TestPropertySource(properties = {"ntm.test.isolation=exports", "ntm.export.history-page-size=5"})
abstract class ExportIT extends IntegrationTest {
    static final String NTM = "dongthap-commune-ntm-2021-2025";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** How every sheet says when it was read: Việt Nam time to the minute, and the day counted. */
    static final String READ_LINE = "Số liệu đọc từ hồ sơ lúc \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2} \\(giờ Việt Nam\\),"
            + " tính đến ngày \\d{2}/\\d{2}/\\d{4}";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DataFormatter SHOWN = new DataFormatter();
    private static final Path EVIDENCE;

    static {
        try {
            EVIDENCE = Files.createTempDirectory("ntm-evidence-exports-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void evidenceDirectory(DynamicPropertyRegistry registry) {
        registry.add("ntm.evidence.directory", EVIDENCE::toString);
    }

    @BeforeEach
    void demoLoaded() {
        awaitProjections();
    }

    HttpResponse<byte[]> get(String user, String pathAndQuery, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A workbook answer: 200, the xlsx type, an attachment of that name. */
    static void isWorkbook(HttpResponse<byte[]> response, String filename) {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(XLSX);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"" + filename + "\"");
    }

    static Map<String, Object> json(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> body = JSON.readValue(response.body(), Map.class);
        return body;
    }

    /** A cell as Excel shows it (a date dd/mm/yyyy, a number with its format), "" for none. */
    static String shown(Row row, int column) {
        Cell cell = row == null ? null : row.getCell(column);
        return cell == null ? "" : SHOWN.formatCellValue(cell);
    }

    /** The row whose first cell shows {@code text}. */
    static int rowOf(Sheet sheet, String text) {
        for (Row row : sheet) {
            if (text.equals(shown(row, 0))) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row " + text + " in " + sheet.getSheetName());
    }

    /** Whether some row of the first few shows the read line. */
    static void printsReadTime(Sheet sheet) {
        boolean found = false;
        for (int r = 0; r <= 5 && !found; r++) {
            found = shown(sheet.getRow(r), 0).matches(READ_LINE);
        }
        assertThat(found).as(sheet.getSheetName() + " prints the record time").isTrue();
    }
}
