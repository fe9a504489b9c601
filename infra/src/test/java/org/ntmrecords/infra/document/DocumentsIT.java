package org.ntmrecords.infra.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;

/**
 * The documents downloaded over HTTP from the demo record and read back: Lấp Vò's quarterly report on Q1/2024 (seed
 * 001) with POI and PDFBox, finding the figures the demo records (12 communes at 19/19, Bình Thạnh Trung's
 * self-assessment at 16/19, 5 of 7 bodies reported by 04/04/2024); Tháp Mười's plan annex (seed 000) with 7.4 at
 * 64,8 % against ≥ 70 %; a PDF page rendered, every character drawn with a real DejaVu glyph; the same figures for the
 * same record time; and the refusals as JSON in Vietnamese.
 */
class DocumentsIT extends IntegrationTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LAP_VO_Q1 = "?districtCode=875&year=2024&quarter=1&asOf=2024-04-04";
    private static final String THAP_MUOI_PLAN = "?planId=thapmuoi-317-2024";

    @BeforeEach
    void demoLoaded() {
        awaitProjections();
    }

    private HttpResponse<byte[]> get(String user, String path, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
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

    private static String docxText(byte[] docx) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText().replaceAll("\\s+", " ");
        }
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theQuarterlyReportOfLapVoHoldsTheFiguresTheDemoRecords() throws Exception {
        HttpResponse<byte[]> docx = get("lapvo.vpdp", "/documents/quarterly-report.docx" + LAP_VO_Q1, null);
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"bao-cao-quy-1-2024-875.docx\"");
        HttpResponse<byte[]> pdf = get("lapvo.vpdp", "/documents/quarterly-report.pdf" + LAP_VO_Q1, null);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");

        for (String text : List.of(docxText(docx.body()), pdfText(pdf.body()))) {
            assertThat(text).contains("BÁO CÁO", "Quý I/2024", "Huyện Lấp Vò", "tính đến hết ngày 04/04/2024")
                    .containsPattern("thời điểm ghi nhận \\d{2}:\\d{2}:\\d{2} ngày \\d{2}/\\d{2}/\\d{4} \\(giờ Việt Nam;")
                    // section 1: the 12 communes at 19/19 under the commune NTM set, the 5 under the advanced set
                    .contains("Có 12 xã đạt 19/19 tiêu chí: ", "Có 05 xã đạt 19/19 tiêu chí: ")
                    // section 2: the titles of 2021-2023
                    .containsPattern("Năm 2021: Nông thôn mới nâng cao \\(02\\): Xã (Định Yên|Bình Thành), Xã "
                            + "(Định Yên|Bình Thành)\\.")
                    .containsPattern("Năm 2023: Nông thôn mới nâng cao \\(01\\): Xã Mỹ An Hưng B\\.")
                    // section 3: the self-assessments of Q1/2024 and the district's dossier
                    .contains("Xã Bình Thạnh Trung (Nông thôn mới nâng cao năm 2024): tự đánh giá đạt 16/19 tiêu chí. "
                            + "Còn 03 tiêu chí chưa đạt: tiêu chí số 5, 10, 15.")
                    .contains("Xã Tân Khánh Trung (Nông thôn mới nâng cao năm 2024): tự đánh giá đạt 12/19 tiêu chí. "
                            + "Còn 07 tiêu chí chưa đạt: tiêu chí số 2, 5, 8, 10, 11, 14, 17.")
                    .contains("Đã gửi hồ sơ, chờ thẩm tra")
                    // section 4: 5 of the 7 bodies, and who has not reported
                    .contains("tính đến hết ngày 04/04/2024 đã nhận báo cáo của 5/7 đơn vị (Kinh tế và Hạ tầng, "
                            + "Văn hóa và Thông tin, Giáo dục và Đào tạo, Nông nghiệp và PTNT, Văn phòng Điều phối "
                            + "Huyện); các đơn vị chưa có báo cáo: Tài nguyên và Môi trường, Chi cục Thống kê Huyện.")
                    .contains("đã nhận báo cáo của 3/7 đơn vị", "đã nhận báo cáo của 6/8 đơn vị")
                    // section 5: no plan of Lấp Vò is recorded
                    .contains("Nhiệm vụ quá hạn", ": 00 nhiệm vụ.")
                    .contains("chưa đọc được theo một thời điểm ghi nhận trước đây");
        }
    }

    @Test
    void thePlanAnnexOfThapMuoiListsTheUnmetIndicatorsWithTheirStateLeadAndDeadline() throws Exception {
        HttpResponse<byte[]> docx = get("thapmuoi.vpdp", "/documents/plan-annex.docx" + THAP_MUOI_PLAN, null);
        assertThat(docx.statusCode()).isEqualTo(200);
        HttpResponse<byte[]> pdf = get("thapmuoi.vpdp", "/documents/plan-annex.pdf" + THAP_MUOI_PLAN, null);
        assertThat(pdf.statusCode()).isEqualTo(200);

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
            XWPFTableRow row74 = null;
            XWPFTableRow row177 = null;
            for (XWPFTable table : document.getTables()) {
                for (XWPFTableRow row : table.getRows()) {
                    if ("E.II.4.2".equals(row.getCell(0).getText())) {
                        row74 = row;
                    }
                    if ("A.II.2".equals(row.getCell(0).getText())) {
                        row177 = row;
                    }
                }
            }
            assertThat(row74).isNotNull();
            assertThat(row74.getCell(2).getText()).isEqualTo("≥ 70 %");
            assertThat(row74.getCell(3).getText()).startsWith("64,8 % (Chưa đạt)").contains("Chưa đạt 64,8/70%");
            assertThat(row74.getCell(5).getText()).isEqualTo("Phòng Tài nguyên và Môi trường huyện");
            assertThat(row74.getCell(6).getText()).contains("UBND các xã");
            assertThat(row74.getCell(7).getText()).isEqualTo("Tháng 6/2024 (hạn cuối 30/06/2024)");
            assertThat(row177).isNotNull();
            assertThat(row177.getCell(3).getText()).startsWith("71,32 % (Chưa đạt)");
            assertThat(row177.getCell(5).getText()).isEqualTo("UBND xã Tân Kiều");
        }
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getPage(0).getMediaBox().getWidth()).as("landscape")
                    .isGreaterThan(document.getPage(0).getMediaBox().getHeight());
            PDFTextStripper page = new PDFTextStripper();
            int with74 = -1;
            for (int n = 1; n <= document.getNumberOfPages() && with74 < 0; n++) {
                page.setStartPage(n);
                page.setEndPage(n);
                if (page.getText(document).contains("E.II.4.2")) {
                    with74 = n - 1;
                }
            }
            assertThat(with74).isNotNegative();
            Path screenshot = Path.of("..", "docs", "screenshots", "plan-annex.png");
            Files.createDirectories(screenshot.getParent());
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(with74, 90), "png", screenshot.toFile());
        }
        for (String text : List.of(docxText(docx.body()), pdfText(pdf.body()))) {
            assertThat(text).contains("PHỤ LỤC KẾ HOẠCH", "Kèm theo Kế hoạch số 317/KH-UBND ngày 26/01/2024",
                            "hiện trạng tính đến ngày 26/01/2024", "Phụ lục 01", "Phụ lục 06", "316/KH-UBND")
                    .contains("Có 06 xã đạt 19/19 tiêu chí", "Có 05 xã đạt 18/19 tiêu chí",
                            "Có 01 xã đạt 17/19 tiêu chí: Xã Tân Kiều.", "Có 01 huyện đạt 4/9 tiêu chí: Huyện Tháp Mười.")
                    .contains("64,8 %", "≥ 70 %", "Phòng Giáo dục và Đào tạo huyện", "Phòng Kinh tế và Hạ tầng huyện",
                            "đến ngày 01/8/2024");
        }
    }

    @Test
    void aPdfPageIsDrawnWithRealDejaVuGlyphsForEveryVietnameseLetter() throws Exception {
        HttpResponse<byte[]> pdf = get("lapvo.vpdp", "/documents/quarterly-report.pdf" + LAP_VO_Q1, null);
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            List<String> problems = new ArrayList<>();
            StringBuilder seen = new StringBuilder();
            PDFTextStripper glyphs = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    for (TextPosition p : positions) {
                        PDFont font = p.getFont();
                        String unicode = p.getUnicode();
                        if (unicode == null || unicode.contains("\uFFFD")) {
                            problems.add("no Unicode for a glyph of " + font.getName());
                            continue;
                        }
                        seen.append(unicode);
                        if (!(font instanceof PDType0Font type0) || !font.isEmbedded()
                                || !font.getName().contains("DejaVuSans")) {
                            problems.add(unicode + " in " + font.getName());
                            continue;
                        }
                        for (int code : p.getCharacterCodes()) {
                            if (type0.codeToGID(code) == 0) {
                                problems.add(unicode + " drawn as .notdef");
                            }
                        }
                    }
                }
            };
            glyphs.setStartPage(1);
            glyphs.setEndPage(1);
            glyphs.getText(document);
            assertThat(problems).isEmpty();
            assertThat(seen.toString()).contains("Bình Thạnh Trung", "Kết quả thực hiện", "Lấp Vò", "nông thôn mới")
                    .contains("ạ", "ế", "ờ", "ư", "ộ", "đ", "Đ", "ả");

            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 110);
            long ink = 0;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    if ((page.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                        ink++;
                    }
                }
            }
            assertThat(ink).as("pixels drawn").isGreaterThan(page.getWidth() * page.getHeight() / 100L);
            Path screenshot = Path.of("..", "docs", "screenshots", "quarterly-report.png");
            Files.createDirectories(screenshot.getParent());
            ImageIO.write(page, "png", screenshot.toFile());
        }
    }

    @Test
    void theSameRecordTimeGivesTheSameFigures() throws Exception {
        HttpResponse<byte[]> first = get("lapvo.vpdp", "/documents/quarterly-report.pdf" + LAP_VO_Q1, null);
        String recordTime = first.headers().firstValue("X-Record-Time").orElseThrow();
        assertThat(Instant.parse(recordTime)).isBeforeOrEqualTo(Instant.now());
        String again = LAP_VO_Q1 + "&recordedAt=" + URLEncoder.encode(recordTime, StandardCharsets.UTF_8);
        HttpResponse<byte[]> second = get("lapvo.vpdp", "/documents/quarterly-report.pdf" + again, null);
        HttpResponse<byte[]> third = get("lapvo.vpdp", "/documents/quarterly-report.pdf" + again, null);
        assertThat(second.headers().firstValue("X-Record-Time")).hasValue(recordTime);
        assertThat(pdfText(second.body())).isEqualTo(pdfText(third.body())).isEqualTo(pdfText(first.body()))
                .contains(recordTime);
        assertThat(docxText(get("lapvo.vpdp", "/documents/quarterly-report.docx" + again, null).body()))
                .isEqualTo(docxText(get("lapvo.vpdp", "/documents/quarterly-report.docx" + again, null).body()));

        HttpResponse<byte[]> annex = get("thapmuoi.vpdp", "/documents/plan-annex.pdf" + THAP_MUOI_PLAN, null);
        String annexTime = annex.headers().firstValue("X-Record-Time").orElseThrow();
        HttpResponse<byte[]> annexAgain = get("thapmuoi.vpdp", "/documents/plan-annex.pdf" + THAP_MUOI_PLAN
                + "&recordedAt=" + URLEncoder.encode(annexTime, StandardCharsets.UTF_8), null);
        assertThat(pdfText(annexAgain.body())).isEqualTo(pdfText(annex.body()));

        // before the demo was recorded the plan was not: the record time is honoured
        HttpResponse<byte[]> before = get("thapmuoi.vpdp", "/documents/plan-annex.pdf" + THAP_MUOI_PLAN
                + "&recordedAt=2020-01-01T00:00:00Z", null);
        assertThat(before.statusCode()).isEqualTo(404);
        assertThat(json(before)).containsEntry("code", "UNKNOWN_PLAN");
    }

    @Test
    void refusalsAreTypedJsonInVietnamese() throws Exception {
        String report = "/documents/quarterly-report.pdf";
        assertRefused(get("lapvo.vpdp", report + "?year=2024&quarter=1", null), 400, "INVALID_INPUT",
                "districtCode", "districtCode: bắt buộc phải có");
        assertRefused(get("lapvo.vpdp", report + "?districtCode=875&quarter=1", null), 400, "INVALID_INPUT",
                "year", "year: bắt buộc phải có");
        assertRefused(get("lapvo.vpdp", report + "?districtCode=875&year=hai&quarter=1", null), 400,
                "INVALID_INPUT", "year", "Năm phải là số nguyên từ 2010 đến 2100 (nhận được 'hai')");
        assertRefused(get("lapvo.vpdp", report + "?districtCode=875&year=2024&quarter=5", null), 400,
                "INVALID_INPUT", "quarter", "Quý phải là số nguyên từ 1 đến 4 (nhận được '5')");
        assertRefused(get("lapvo.vpdp", report + "?districtCode=875&year=2024&quarter=2&asOf=2024-03-31", null),
                400, "INVALID_INPUT", "asOf", "Ngày tính số liệu 31/03/2024 ở trước quý 2/2024");
        assertRefused(get("lapvo.vpdp", report + "?districtCode=875&year=2024&quarter=1&asOf=04/04/2024", null),
                400, "INVALID_INPUT", "asOf", "Ngày phải có dạng yyyy-mm-dd, ví dụ 2024-04-04 (nhận được '04/04/2024')");
        assertThat(json(get("lapvo.vpdp", report + "?districtCode=875&year=2024&quarter=1"
                + "&recordedAt=2999-01-01T00:00:00Z", null))).containsEntry("code", "INVALID_INPUT")
                .containsEntry("field", "recordedAt");
        assertRefused(get("lapvo.vpdp", report + "?districtCode=999&year=2024&quarter=1", null), 404,
                "UNKNOWN_UNIT", "districtCode", "Không có đơn vị hành chính mã 999");
        HttpResponse<byte[]> commune = get("lapvo.vpdp", report + "?districtCode=30205&year=2024&quarter=1", null);
        assertThat(commune.statusCode()).isEqualTo(400);
        assertThat(json(commune)).containsEntry("code", "UNIT_LEVEL_MISMATCH").containsEntry("field", "districtCode")
                .hasEntrySatisfying("message", m -> assertThat((String) m).contains("30205"));
        assertRefused(get("thapmuoi.vpdp", "/documents/plan-annex.docx?planId=no-such-plan", null), 404,
                "UNKNOWN_PLAN", "planId", "Không có kế hoạch no-such-plan được ghi nhận đến thời điểm ghi nhận");
        assertRefused(get("thapmuoi.vpdp", "/documents/plan-annex.docx", null), 400, "INVALID_INPUT", "planId",
                "planId: bắt buộc phải có");
        assertRefused(get("thapmuoi.vpdp", "/documents/plan-annex.odt" + THAP_MUOI_PLAN, null), 404,
                "UNKNOWN_FORMAT", "format", "Không có định dạng tài liệu 'odt' (chỉ có docx và pdf)");
        // times the record cannot be asked about: 400, never PostgreSQL's "timestamp out of range"
        String ancient = "&recordedAt=-999999999-01-01T00:00:00Z";
        assertThat(json(get("lapvo.vpdp", report + "?districtCode=875&year=2024&quarter=1" + ancient, null)))
                .containsEntry("code", "INVALID_INPUT").containsEntry("field", "recordedAt");
        HttpResponse<byte[]> annexAncient = get("thapmuoi.vpdp", "/documents/plan-annex.pdf" + THAP_MUOI_PLAN + ancient,
                null);
        assertThat(annexAncient.statusCode()).isEqualTo(400);
        assertThat(json(annexAncient)).containsEntry("code", "INVALID_INPUT").containsEntry("field", "recordedAt");
        HttpResponse<byte[]> farAhead = get("lapvo.vpdp", report + "?districtCode=875&year=2024&quarter=1"
                + "&asOf=9999-12-31", null);
        assertThat(farAhead.statusCode()).isEqualTo(400);
        assertThat(json(farAhead)).containsEntry("code", "INVALID_INPUT").containsEntry("field", "asOf")
                .hasEntrySatisfying("message", m -> assertThat((String) m).startsWith("asOf: ngày 9999-12-31 nằm ngoài"));
        assertThat(json(get("thapmuoi.vpdp", "/documents/plan-annex.docx" + THAP_MUOI_PLAN + "&asOf=9999-12-31",
                null))).containsEntry("code", "INVALID_INPUT").containsEntry("field", "asOf");
        assertThat(json(get("lapvo.vpdp", report + "?districtCode=875&year=2100&quarter=4", null)))
                .containsEntry("code", "INVALID_INPUT").containsEntry("field", "year");
        assertRefused(get("dashboard", report + "?districtCode=875&year=2024&quarter=1", null), 403,
                "NOT_ALLOWED", null, "Tài khoản bảng điều khiển không được tải tài liệu: tài liệu có giá trị chỉ tiêu, "
                        + "các bước hồ sơ và báo cáo đã nhận");
        assertRefused(get("lapvo.vpdp", report + "?districtCode=875&year=2024&quarter=5", "en"), 400,
                "INVALID_INPUT", "quarter", "the quarter must be a whole number from 1 to 4 (got '5')");
        assertThat(get(null, report + "?districtCode=875&year=2024&quarter=1", null).statusCode()).isEqualTo(401);
    }

    private static void assertRefused(HttpResponse<byte[]> response, int status, String code, String field,
                                      String message) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(json(response)).containsEntry("code", code).containsEntry("field", field)
                .containsEntry("message", message);
    }
}
