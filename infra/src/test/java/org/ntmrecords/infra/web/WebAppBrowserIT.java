package org.ntmrecords.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ntmrecords.infra.support.Browser;
import org.ntmrecords.infra.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.TestPropertySource;

/**
 * The web application in a real headless Chromium, signed in as the demo's accounts: the overview's counts are the
 * API's, two clicks lead from Tháp Mười's communes to why Tân Kiều's 17.7 is not met, a commune officer records a
 * value (a wrong one first) and a second browser sees the change live, another commune's officer gets no entry form,
 * a dashboard sees standings but no values or history, an auditor verifies the store. A service of its own (its own
 * database with the demo), since it records on Tân Kiều. Screenshots of every page under target/screenshots/.
 */
@TestPropertySource(properties = "ntm.test.isolation=web-app")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAppBrowserIT extends IntegrationTest {
    private static final String SET = "dongthap-commune-ntm-2021-2025";
    private final List<ChromeDriver> browsers = new ArrayList<>();

    @BeforeEach
    void caughtUp() {
        awaitProjections();
    }

    @AfterEach
    void close() {
        browsers.forEach(ChromeDriver::quit);
    }

    private ChromeDriver browser() {
        ChromeDriver browser = Browser.start();
        browsers.add(browser);
        return browser;
    }

    private static WebDriverWait waitIn(ChromeDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private ChromeDriver signedIn(String username) {
        ChromeDriver browser = browser();
        browser.get(url("/"));
        signIn(browser, username, PASSWORD);
        waitIn(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=account]"),
                username));
        return browser;
    }

    private static void signIn(ChromeDriver browser, String username, String password) {
        WebElement name = waitIn(browser).until(ExpectedConditions.elementToBeClickable(By.id("username")));
        name.clear();
        name.sendKeys(username);
        WebElement secret = browser.findElement(By.id("password"));
        secret.clear();
        secret.sendKeys(password, Keys.ENTER);
    }

    private static void open(ChromeDriver browser, String hash) {
        ((JavascriptExecutor) browser).executeScript("location.hash = arguments[0]", hash);
    }

    private static String text(ChromeDriver browser, String css) {
        return waitIn(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css))).getText();
    }

    /** The communes' "criteria met" cells of the overview table, by unit code. */
    private static Map<String, String> overviewRows(ChromeDriver browser) {
        waitIn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table[data-testid=units] tr[data-unit]")));
        return browser.findElements(By.cssSelector("table[data-testid=units] tr[data-unit]")).stream()
                .collect(Collectors.toMap(row -> row.getAttribute("data-unit"),
                        row -> row.findElement(By.cssSelector("[data-testid=criteria-met]")).getText()));
    }

    private JsonNode districtOverview(String username) {
        Map<String, Object> answer = graphQl(username).document("""
                        query($d: ID!, $s: ID!) { districtOverview(districtCode: $d, setId: $s) {
                          summary { units tracked met notMet notAssessed byCriteriaMet { criteriaMet criteriaTotal units } } } }""")
                .variable("d", "872").variable("s", SET).execute().path("districtOverview")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(answer);
    }

    @Test
    @Order(1)
    void aWrongPasswordIsSaidInVietnameseAndTheRightOneOpensTheDistrictOverview() {
        ChromeDriver browser = browser();
        browser.get(url("/"));
        assertThat(browser.getTitle()).contains("Nông thôn mới");
        signIn(browser, "thapmuoi.vpdp", "not-the-password");
        assertThat(text(browser, "#sign-in-error .error")).contains("sai tên đăng nhập hoặc mật khẩu");
        Browser.screenshot(browser, "app-sign-in-refused");

        signIn(browser, "thapmuoi.vpdp", PASSWORD);
        Map<String, String> rows = overviewRows(browser);
        // Tháp Mười's 12 communes: six at 19/19, five at 18/19, Tân Kiều at 17/19 (seed 000, Kế hoạch 317/KH-UBND)
        assertThat(rows).hasSize(12).containsEntry("30049", "17/19");
        assertThat(rows.values().stream().filter("19/19"::equals).count()).isEqualTo(6);
        assertThat(rows.values().stream().filter("18/19"::equals).count()).isEqualTo(5);
        // the counts shown are the API's
        JsonNode summary = districtOverview("thapmuoi.vpdp").path("summary");
        assertThat(text(browser, "[data-testid=units-count]")).isEqualTo(summary.path("units").asText());
        assertThat(text(browser, "[data-testid=tracked-count]")).isEqualTo(summary.path("tracked").asText());
        assertThat(text(browser, "[data-testid=met-count]")).isEqualTo(summary.path("met").asText());
        assertThat(text(browser, "[data-testid=not-met-count]")).isEqualTo(summary.path("notMet").asText());
        assertThat(text(browser, "[data-testid=not-assessed-count]")).isEqualTo(summary.path("notAssessed").asText());
        for (JsonNode bucket : summary.path("byCriteriaMet")) {
            assertThat(browser.findElement(By.cssSelector("[data-testid=by-criteria-met][data-criteria-met='"
                    + bucket.path("criteriaMet").asText() + "']")).getText()).isEqualTo(bucket.path("units").asText());
        }
        waitIn(browser).until(d -> d.findElements(By.cssSelector("ntm-chart[data-ready=true]")).size() == 3);
        assertThat(browser.findElement(By.cssSelector("[data-testid=export-xlsx]")).getAttribute("href"))
                .endsWith("/exports/district-overview.xlsx?districtCode=872&setId=" + SET);
        Browser.fullPageScreenshot(browser, "app-overview");

        // click 1: Tân Kiều; click 2: why criterion 17 is not met
        browser.findElement(By.linkText("Tân Kiều")).click();
        assertThat(text(browser, "[data-testid=standing]")).isEqualTo("17/19");
        Browser.screenshot(browser, "app-unit");
        browser.findElement(By.cssSelector("article[data-criterion='17'] a.why")).click();
        String measured = text(browser, "article[data-indicator='17.7'] [data-testid=measured]");
        assertThat(measured).contains("71,32 %");
        assertThat(text(browser, "article[data-indicator='17.7'] [data-testid=requirement]")).contains("85 %");
        assertThat(text(browser, "article[data-indicator='17.7'] [data-testid=evidence]")).contains("317/KH-UBND");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Chưa đạt");
        Browser.screenshot(browser, "app-explain");

        // the grid leads to the same explanation in one click
        browser.navigate().back();
        browser.navigate().back();
        waitIn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table[data-testid=grid]")));
        browser.findElement(By.cssSelector("table[data-testid=grid] a[aria-label^='Tân Kiều, tiêu chí 17 ']")).click();
        assertThat(text(browser, "article[data-indicator='17.7'] [data-testid=measured]")).contains("71,32 %");
    }

    @Test
    @Order(6)
    void aCommuneOfficerAttachesAFileAndAFileThatIsNotWhatItClaimsIsRefused() throws java.io.IOException {
        ChromeDriver officer = signedIn("tankieu.officer");
        waitIn(officer).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=attach-form]")));
        java.nio.file.Path directory = java.nio.file.Files.createTempDirectory("ntm-upload");
        // a script named as a PDF: the content decides, and it is refused beside the file field
        java.nio.file.Path fake = java.nio.file.Files.writeString(directory.resolve("bien-ban.pdf"),
                "#!/bin/sh\necho not a document\n");
        long before = eventCount();
        officer.findElement(By.id("att-file")).sendKeys(fake.toString());
        officer.findElement(By.id("att-number")).sendKeys("12/BB-UBND");
        officer.findElement(By.cssSelector("[data-testid=attach-form] button[type=submit]")).click();
        assertThat(text(officer, "#att-file-error")).contains("Không nhận tệp loại");
        assertThat(eventCount()).isEqualTo(before);
        Browser.screenshot(officer, "app-attach-refused");

        java.nio.file.Path pdf = java.nio.file.Files.write(directory.resolve("bien-ban-thu-gom.pdf"), minimalPdf());
        // a file input takes the new file in place of the refused one
        officer.findElement(By.id("att-file")).sendKeys(pdf.toString());
        new org.openqa.selenium.support.ui.Select(officer.findElement(By.id("att-target"))).selectByValue("17.7");
        officer.findElement(By.cssSelector("[data-testid=attach-form] button[type=submit]")).click();
        waitIn(officer).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=evidence]"),
                "bien-ban-thu-gom.pdf"));
        assertThat(text(officer, "[data-testid=evidence]")).contains("12/BB-UBND").contains("17.7");
        Browser.screenshot(officer, "app-attach-stored");
    }

    @Test
    @Order(9)
    void thePageForbidsScriptsAndConnectionsFromElsewhere() throws Exception {
        java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/"))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self' 'sha256-").contains("connect-src 'self'")
                .contains("object-src 'none'").contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");
        // the pages above ran under it; a script of another origin would be refused by the browser
        assertThat(page.body()).contains("type=\"importmap\"");
    }

    @Test
    @Order(8)
    @SuppressWarnings("unchecked")
    void numbersAndDatesAreReadAndWrittenByTheDocumentedVietnameseRules() {
        ChromeDriver browser = browser();
        browser.get(url("/"));
        Map<String, Object> read = (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/app/format.js').then(f => {
                  const out = {};
                  for (const t of ['71,32', '71.32', '86,5', '1.110.000', '1.110,5', '1 110', '1.110', '86,2%', '1,2,3', '', 'abc'])
                    out['n:' + t] = f.parseDecimal(t).value ?? 'refused: ' + f.parseDecimal(t).error;
                  for (const t of ['26/01/2024', '2024-01-26', '31/02/2024', '2024-13-01', '26/1/2024'])
                    out['d:' + t] = f.parseDate(t).value ?? 'refused: ' + f.parseDate(t).error;
                  out['show:71.32'] = f.number('71.32');
                  out['show:1234567.5'] = f.number('1234567.5');
                  out['show:date'] = f.date('2024-01-26');
                  out['money:1250000000'] = f.money(1250000000);
                  out['money:350000000'] = f.money(350000000);
                  out['sort'] = ['Trường Xuân', 'Đốc Binh Kiều', 'Mỹ An', 'Dương Xá', 'Thạnh Lợi', 'Ấp 5'].sort(f.compareVi).join('|');
                  done(out);
                });
                """);
        assertThat(read).containsEntry("n:71,32", "71.32").containsEntry("n:71.32", "71.32").containsEntry("n:86,5", "86.5")
                .containsEntry("n:1.110.000", "1110000").containsEntry("n:1.110,5", "1110.5").containsEntry("n:1 110", "1110")
                .containsEntry("d:26/01/2024", "2024-01-26").containsEntry("d:2024-01-26", "2024-01-26")
                .containsEntry("d:26/1/2024", "2024-01-26")
                .containsEntry("show:71.32", "71,32").containsEntry("show:1234567.5", "1.234.567,5")
                .containsEntry("show:date", "26/01/2024").containsEntry("money:1250000000", "1,25 tỷ đồng")
                .containsEntry("money:350000000", "350 triệu đồng")
                .containsEntry("sort", "Ấp 5|Dương Xá|Đốc Binh Kiều|Mỹ An|Thạnh Lợi|Trường Xuân");
        // ambiguous or malformed: refused with the reason, never guessed
        assertThat((String) read.get("n:1.110")).startsWith("refused").contains("1110").contains("1,110");
        for (String refused : List.of("n:86,2%", "n:1,2,3", "n:", "n:abc", "d:31/02/2024", "d:2024-13-01")) {
            assertThat((String) read.get(refused)).as(refused).startsWith("refused: ");
        }
    }

    /** A one-page PDF, as small as a valid one gets. */
    private static byte[] minimalPdf() {
        String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return body.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    @Order(7)
    void aCommuneOfficerRecordsAValueAWrongOneIsRefusedBesideItsFieldAndASecondBrowserSeesTheChangeLive() {
        ChromeDriver office = signedIn("thapmuoi.vpdp");
        assertThat(overviewRows(office)).containsEntry("30049", "17/19");

        ChromeDriver officer = signedIn("tankieu.officer");
        // a commune's officer lands on its commune's page
        assertThat(text(officer, "[data-testid=standing]")).isEqualTo("17/19");
        officer.findElement(By.cssSelector("article[data-criterion='17'] tr[data-indicator='17.7'] [data-testid=open-entry]")).click();
        WebElement percentage = waitIn(officer).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=entry-form] input[name='value.percentage']")));
        officer.findElement(By.cssSelector("[data-testid=entry-form] input[name='period.start']")).sendKeys("30/06/2024");
        long before = eventCount();

        // a number the page cannot read: refused beside the field, nothing sent
        percentage.sendKeys("86,2%");
        officer.findElement(By.cssSelector("[data-testid=entry-form] button[type=submit]")).click();
        assertThat(text(officer, "[data-field='value.percentage'] .field-error")).contains("không phải là số");
        // a value the API refuses: its Vietnamese message beside the field, nothing stored
        percentage.clear();
        percentage.sendKeys("171,5");
        officer.findElement(By.cssSelector("[data-testid=entry-form] button[type=submit]")).click();
        waitIn(officer).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-field='value.percentage'] .field-error"), "Tỷ lệ phần trăm phải từ 0 đến 100"));
        assertThat(percentage.getAttribute("aria-invalid")).isEqualTo("true");
        Browser.screenshot(officer, "app-entry-refused");
        awaitProjections();
        assertThat(eventCount()).isEqualTo(before);

        percentage.clear();
        percentage.sendKeys("86,5");
        officer.findElement(By.cssSelector("[data-testid=entry-form] button[type=submit]")).click();
        // the form answers with the standing the mutation returned; criterion 17 now met, its form leaves the unmet list
        assertThat(text(officer, "[data-testid=notice]")).contains("18/19");
        waitIn(officer).until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=standing]"), "18/19"));
        Browser.screenshot(officer, "app-entry-recorded");
        graphQl("auditor").document("query($u: ID!, $s: ID!) { standing(unitCode: $u, setId: $s) { criteriaMet } }")
                .variable("u", "30049").variable("s", SET).execute()
                .path("standing.criteriaMet").entity(Integer.class).isEqualTo(18);

        // the office's overview, opened before (the last test: the others see the demo as loaded), shows it without being reloaded
        waitIn(office).until(d -> "18/19".equals(overviewRows((ChromeDriver) d).get("30049")));
        assertThat(text(office, "[data-testid=met-count]")).isEqualTo(
                districtOverview("thapmuoi.vpdp").path("summary").path("met").asText());
        Browser.screenshot(office, "app-overview-live");
    }

    @Test
    @Order(2)
    void anOfficerOfAnotherCommuneReadsTanKieuButGetsNoEntryForm() {
        ChromeDriver browser = signedIn("myhoa.officer");
        open(browser, "#/don-vi/30049");
        waitIn(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Tân Kiều"));
        waitIn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-indicator='17.7']")));
        assertThat(browser.findElements(By.cssSelector("[data-testid=open-entry]"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("[data-testid=entry-form], [data-testid=attach-form]"))).isEmpty();
        Browser.screenshot(browser, "app-unit-other-commune");
        // on its own commune it has the form
        open(browser, "#/don-vi/30052");
        waitIn(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Mỹ Hòa"));
        waitIn(browser).until(d -> !d.findElements(By.cssSelector("[data-testid=open-entry]")).isEmpty());
    }

    @Test
    @Order(3)
    void aDashboardSeesStandingsButNoValuesExplanationsOrHistory() {
        ChromeDriver browser = signedIn("dashboard");
        // no jurisdiction: the first province with a set of its own, Đồng Tháp
        waitIn(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Đồng Tháp"));
        waitIn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table[data-testid=districts]")));
        Browser.screenshot(browser, "app-province-dashboard");
        browser.findElement(By.linkText("Tháp Mười")).click();
        Map<String, String> rows = overviewRows(browser);
        assertThat(rows).hasSize(12).containsEntry("30049", "17/19");
        assertThat(browser.findElements(By.cssSelector("table[data-testid=grid] a"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("ntm-asof"))).isEmpty();
        browser.findElement(By.linkText("Tân Kiều")).click();
        assertThat(text(browser, "[data-testid=standing]")).isEqualTo("17/19");
        assertThat(browser.findElements(By.cssSelector("[data-testid=latest-value]"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("ntm-history, [data-testid=timeline], a.why"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("71,32").doesNotContain("Lịch sử hồ sơ");
        Browser.screenshot(browser, "app-unit-dashboard");
    }

    @Test
    @Order(3)
    void aCommunesPageListsItsVillagesAndAVillagesPageItsStanding() {
        ChromeDriver browser = signedIn("auditor");
        open(browser, "#/don-vi/15169");
        waitIn(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Cẩm Ngọc"));
        waitIn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=villages] tbody tr")));
        // seed 004: the six villages it names, Phúc Ngán Vải tracked as a model village (14/15)
        assertThat(browser.findElements(By.cssSelector("[data-testid=villages] tbody tr"))).hasSize(6);
        assertThat(text(browser, "[data-testid=villages]")).contains("Thôn Phúc Ngán Vải").contains("14/15");
        Browser.screenshot(browser, "app-unit-villages");
        browser.findElement(By.linkText("Thôn Phúc Ngán Vải")).click();
        waitIn(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Thôn Phúc Ngán Vải"));
        assertThat(text(browser, "[data-testid=standing]")).isEqualTo("14/15");
        assertThat(browser.findElement(By.cssSelector("nav.crumbs")).getText()).contains("Cẩm Ngọc");
        Browser.screenshot(browser, "app-unit-village");
    }

    @Test
    @Order(4)
    void anAuditorVerifiesTheStoreAndReadsAUnitsHistory() {
        ChromeDriver browser = signedIn("auditor");
        open(browser, "#/don-vi/30049");
        waitIn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=timeline] li")));
        assertThat(browser.findElements(By.cssSelector("[data-testid=timeline] li"))).isNotEmpty();
        Browser.screenshot(browser, "app-unit-history");
        browser.findElement(By.linkText("Kiểm tra hồ sơ")).click();
        waitIn(browser).until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Bắt đầu kiểm tra']"))).click();
        assertThat(new WebDriverWait(browser, Duration.ofSeconds(120)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=verification-result]"))).getText()).contains("Hồ sơ nguyên vẹn");
        Browser.screenshot(browser, "app-audit");
    }

    @Test
    @Order(5)
    void aCoordinationOfficeSeesItsWorkLists() {
        ChromeDriver browser = signedIn("lapvo.vpdp");
        browser.findElement(By.linkText("Việc cần làm")).click();
        // Lấp Vò's two self-assessed advanced-title cases wait for their dossiers (seed 001)
        waitIn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table[data-testid=pending]")));
        assertThat(browser.findElements(By.cssSelector("table[data-testid=pending] tbody tr"))).hasSize(2);
        assertThat(text(browser, "table[data-testid=pending]")).contains("Nộp hồ sơ đề nghị");
        Browser.screenshot(browser, "app-work");

        // a recognition step taken from the list: the dossier submitted, the case leaves this account's list
        String caseId = browser.findElement(By.cssSelector("table[data-testid=pending] tbody tr small")).getText();
        browser.findElement(By.cssSelector("table[data-testid=pending] tbody tr button")).click();
        WebElement form = waitIn(browser).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=step-form]")));
        form.findElement(By.id("step-doc")).sendKeys("25/TTr-UBND");
        form.findElement(By.id("step-doc-date")).sendKeys("31/32/2024");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(text(browser, "[data-testid=step-form] .error")).contains("31/32/2024");
        form.findElement(By.id("step-doc-date")).clear();
        form.findElement(By.id("step-doc-date")).sendKeys("15/03/2024");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitIn(browser).until(d -> d.findElements(By.cssSelector("table[data-testid=pending] tbody tr")).size() == 1);
        graphQl("auditor").document("query($id: ID!) { recognitionCase(caseId: $id) { status } }").variable("id", caseId)
                .execute().path("recognitionCase.status").entity(String.class).isEqualTo("SUBMITTED");
        Browser.screenshot(browser, "app-work-step-taken");
    }

    @Test
    @Order(10)
    void aCommuneOfficerChecksAFileByADryRunThenImportsIt() throws java.io.IOException {
        ChromeDriver officer = signedIn("myhoa.officer");
        officer.findElement(By.linkText("Nhập từ Excel")).click();
        // the template's sets are those Mỹ Hòa is tracked under
        waitIn(officer).until(ExpectedConditions.textToBePresentInElementLocated(By.id("template-set"),
                "Bộ tiêu chí"));
        assertThat(officer.findElement(By.id("template-unit")).getAttribute("value")).isEqualTo("30052");
        // a CSV as Excel saves it with Vietnamese regional settings: Windows-1258, semicolons, decimal commas
        String csv = "unit_code;set_id;value_id;indicator_code;period_start;period_end;kind;value;source_agency;note\r\n"
                + "30052;" + SET + ";web-mh-1;17.7;Tháng 6/2024;;PERCENTAGE;86,5%;;\r\n"
                + "30052;" + SET + ";web-mh-2;17.7;31/06/2024;;PERCENTAGE;87;;\r\n"
                + "30049;" + SET + ";web-tk-1;17.7;Tháng 6/2024;;PERCENTAGE;90;;\r\n";
        java.nio.file.Path file = java.nio.file.Files.write(java.nio.file.Files.createTempDirectory("ntm-import")
                .resolve("so-lieu-my-hoa.csv"), csv.getBytes(java.nio.charset.Charset.forName("windows-1258")));
        long before = eventCount();
        officer.findElement(By.id("import-file")).sendKeys(file.toString());
        officer.findElement(By.xpath("//button[normalize-space()='Chạy thử (không ghi)']")).click();
        waitIn(officer).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table[data-testid=import-rows] tbody tr")));
        assertThat(text(officer, "[data-testid=import-summary]")).startsWith("Chạy thử 3 dòng")
                .contains("1 sẽ được ghi").contains("2 bị từ chối");
        List<String> rows = officer.findElements(By.cssSelector("table[data-testid=import-rows] tbody tr")).stream()
                .map(WebElement::getText).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).contains("Sẽ ghi").contains("86,5 %").contains("01/06/2024 – 30/06/2024");
        assertThat(rows.get(1)).contains("Bị từ chối").contains("period_start").contains("ngày 31/06/2024 không có trên lịch");
        assertThat(rows.get(2)).contains("Bị từ chối").contains("nằm ngoài phạm vi quản lý của myhoa.officer");
        awaitProjections();
        assertThat(eventCount()).as("a dry run stores nothing").isEqualTo(before);
        Browser.fullPageScreenshot(officer, "app-import-dry-run");

        officer.findElement(By.xpath("//button[starts-with(normalize-space(), 'Nhập tệp này vào hồ sơ')]")).click();
        waitIn(officer).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid=import-summary]"), "1 đã ghi"));
        assertThat(text(officer, "[data-testid=import-run]")).contains("Tệp được lưu làm minh chứng");
        graphQl("auditor").document("""
                        query($u: ID!, $s: ID!) { indicatorEntries(unitCode: $u, setId: $s, indicatorCode: "17.7", first: 50) {
                          edges { node { id } } } }""")
                .variable("u", "30052").variable("s", SET).execute()
                .path("indicatorEntries.edges[*].node.id").entityList(String.class).contains("web-mh-1");
        Browser.fullPageScreenshot(officer, "app-import-done");
    }

    @Test
    @Order(11)
    void anAdministratorChecksTitlesFromACsvAndAnOfficeDownloadsItsDocuments() throws java.io.IOException {
        ChromeDriver admin = signedIn("admin");
        admin.findElement(By.linkText("Nhập từ Excel")).click();
        new org.openqa.selenium.support.ui.Select(waitIn(admin).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("import-kind")))).selectByValue("recordPriorRecognition");
        // seed 001 line 37: Định Yên's 2021 title, held by the demo; the second row's grade is no grade
        String csv = "unitCode;setId;grade;year;authority;source.number;note\r\n"
                + "30199;commune-advanced-2016-2020;ADVANCED;2021;UBND Tỉnh Đồng Tháp;…/BC-VPĐP.NTM;không nêu số\r\n"
                + "30199;commune-advanced-2016-2020;KIEU_MAU;2022;UBND Tỉnh Đồng Tháp;…/BC-VPĐP.NTM;\r\n";
        java.nio.file.Path file = java.nio.file.Files.writeString(java.nio.file.Files.createTempDirectory("ntm-records")
                .resolve("danh-hieu.csv"), csv);
        long before = eventCount();
        admin.findElement(By.id("import-file")).sendKeys(file.toString());
        admin.findElement(By.xpath("//button[normalize-space()='Chạy thử (không ghi)']")).click();
        waitIn(admin).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table[data-testid=import-rows] tbody tr")));
        List<String> rows = admin.findElements(By.cssSelector("table[data-testid=import-rows] tbody tr")).stream()
                .map(WebElement::getText).toList();
        assertThat(rows.get(0)).contains("Đã có từ trước").contains("30199@commune-advanced-2016-2020@2021");
        assertThat(rows.get(1)).contains("Bị từ chối").contains("grade").contains("“KIEU_MAU” không phải một giá trị");
        assertThat(eventCount()).isEqualTo(before);
        Browser.fullPageScreenshot(admin, "app-import-records");

        ChromeDriver office = signedIn("thapmuoi.vpdp");
        waitIn(office).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("ntm-documents"),
                "317/KH-UBND"));
        // the links the page offers answer the documents, with the session the page signed in with
        for (String link : List.of("a[href^='/documents/plan-annex.pdf']", "a[data-testid=report-docx]")) {
            String href = office.findElement(By.cssSelector(link)).getAttribute("href");
            Object answer = ((JavascriptExecutor) office).executeAsyncScript("const done = arguments[1];"
                    + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status + ' '"
                    + " + r.headers.get('content-type')))", href);
            assertThat((String) answer).startsWith("200 ").containsAnyOf("application/pdf", "wordprocessingml");
        }
        Browser.screenshot(office, "app-documents");
    }

    @Test
    @Order(12)
    void theProvinceVerifiesADistrictDossierSeeingItsConditionsAndTheCentralCouncilReturnsItWithTheMinistriesComments() {
        String districtCase = "875@dongthap-district-ntm-2021-2025@2023";
        String row = "//table[@data-testid='pending']//tr[.//small[text()='" + districtCase + "']]";
        ChromeDriver province = signedIn("dongthap.appraiser");
        province.findElement(By.linkText("Việc cần làm")).click();
        waitIn(province).until(ExpectedConditions.elementToBeClickable(By.xpath(row + "//button"))).click();
        WebElement form = waitIn(province).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=step-form]")));
        // Lấp Vò's conditions as the record stands: 5 of 12 communes hold a title (seed 001 line 37), its township none
        String conditions = text(province, "[data-testid=step-form] table[data-testid=conditions]");
        assertThat(conditions).contains("Chưa đạt 5/12 đơn vị có danh hiệu (41,67 %)").contains("Thị trấn Lấp Vò (30169)")
                .contains("Chưa đánh giá");
        waitIn(province).until(d -> !form.findElements(By.cssSelector("select[id^=a-]")).isEmpty());
        form.findElements(By.cssSelector("select[id^=a-]"))
                .forEach(select -> new org.openqa.selenium.support.ui.Select(select).selectByValue("MET"));
        new org.openqa.selenium.support.ui.Select(form.findElement(By.id("step-debt"))).selectByValue("true");
        Browser.fullPageScreenshot(province, "app-district-verification");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitIn(province).until(ExpectedConditions.invisibilityOfElementLocated(By.xpath(row)));

        ChromeDriver central = signedIn("trunguong.appraiser");
        central.findElement(By.linkText("Việc cần làm")).click();
        waitIn(central).until(ExpectedConditions.elementToBeClickable(By.xpath(row + "//button"))).click();
        WebElement appraisal = waitIn(central).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=step-form]")));
        assertThat(text(central, "[data-testid=step-form] table[data-testid=conditions]"))
                .contains("Đạt kết quả thẩm tra không có nợ đọng xây dựng cơ bản");
        appraisal.findElement(By.id("step-votesFor")).sendKeys("0");
        appraisal.findElement(By.id("step-votesAgainst")).sendKeys("5");
        appraisal.findElement(By.id("step-abstentions")).sendKeys("0");
        appraisal.findElement(By.name("propose")).click();
        appraisal.findElement(By.id("step-comments")).sendKeys("Hoàn thiện hồ sơ theo ý kiến các Bộ");
        appraisal.findElement(By.id("step-bodies")).sendKeys("bổ sung minh chứng");
        appraisal.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(text(central, "#step-bodyComments-error")).contains("Cơ quan: ý kiến");
        appraisal.findElement(By.id("step-bodies")).clear();
        appraisal.findElement(By.id("step-bodies")).sendKeys("Bộ Xây dựng: bổ sung minh chứng tiêu chí 1",
                Keys.ENTER, "Bộ Tài nguyên và Môi trường: bổ sung số liệu tiêu chí 7");
        Browser.fullPageScreenshot(central, "app-district-central-appraisal");
        appraisal.findElement(By.cssSelector("button[type=submit]")).click();
        waitIn(central).until(ExpectedConditions.invisibilityOfElementLocated(By.xpath(row)));
        graphQl("auditor").document("query($id: ID!) { recognitionCase(caseId: $id) { status round pendingStep } }")
                .variable("id", districtCase).execute()
                .path("recognitionCase.status").entity(String.class).isEqualTo("RETURNED")
                .path("recognitionCase.round").entity(Integer.class).isEqualTo(2);

        // Đức Thọ's titles of 2019-2020 to re-qualify under the current advanced set (seed 003 lines 61-67)
        WebElement area = central.findElement(By.id("work-area"));
        area.clear();
        area.sendKeys("440", Keys.ENTER);
        String requalify = text(central, "table[data-testid=requalifications]");
        assertThat(requalify).contains("Tân Hương").contains("2, 13, 17, 18").contains("commune-advanced-2021-2025")
                .contains("Tùng Ảnh");
        Browser.fullPageScreenshot(central, "app-requalifications");
    }

    @Test
    @Order(13)
    void anOfficeAssessesTheModelCommunesConditionsItemByItem() {
        ChromeDriver office = signedIn("lapvo.vpdp");
        open(office, "#/don-vi/30199?bo=commune-model-2021-2025");
        // Định Yên meets 1 of the 4 conditions (seed 001 line 49): the item-by-item form names each as the source does
        waitIn(office).until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "tr[data-indicator='dieu-kien'] [data-testid=open-entry]"))).click();
        WebElement form = waitIn(office).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=entry-form]")));
        List<WebElement> items = form.findElements(By.cssSelector("select[name^='item.']"));
        assertThat(items).hasSize(4);
        assertThat(form.getText()).contains("3. Có ít nhất 01 (một) mô hình làng thông minh")
                .contains("đạt khi có từ 4 mục đạt");
        long before = eventCount();
        new org.openqa.selenium.support.ui.Select(items.get(0)).selectByValue("MET");
        new org.openqa.selenium.support.ui.Select(items.get(1)).selectByValue("MET");
        new org.openqa.selenium.support.ui.Select(items.get(2)).selectByValue("NOT_MET");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        // no period: refused beside its field, nothing sent
        assertThat(text(office, "[data-field='period.start'] .field-error")).contains("Chưa nhập ngày");
        assertThat(eventCount()).isEqualTo(before);
        form.findElement(By.cssSelector("input[name='period.start']")).sendKeys("30/06/2024");
        form.findElement(By.cssSelector("input[name='assessedBy']")).sendKeys("UBND xã Định Yên (tự đánh giá)");
        Browser.fullPageScreenshot(office, "app-entry-items");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        // 2 met, 1 not met, 1 not assessed: 4 of 4 can no longer be reached
        waitIn(office).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=notice]"),
                "Đã ghi"));
        awaitProjections();
        graphQl("auditor").document("""
                        { itemAssessment(unitCode: "30199", setId: "commune-model-2021-2025", indicatorCode: "dieu-kien") {
                          met notMet notAssessed result assessedBy } }""").execute()
                .path("itemAssessment.met").entity(Integer.class).isEqualTo(2)
                .path("itemAssessment.notMet").entity(Integer.class).isEqualTo(1)
                .path("itemAssessment.notAssessed").entity(Integer.class).isEqualTo(1)
                .path("itemAssessment.result").entity(String.class).isEqualTo("NOT_MET")
                .path("itemAssessment.assessedBy").entity(String.class).isEqualTo("UBND xã Định Yên (tự đánh giá)");
    }

    /**
     * The key generations on the audit page, and a rotation by an administrator: a moment too soon (today's start) is
     * refused beside the form in Vietnamese, with nothing stored; tomorrow's start is recorded, with its basis, and
     * the table shows both generations, the first still in force. Keyboard only.
     */
    @Test
    @Order(14)
    void anAdministratorRotatesTheKeysFromTomorrowAndAMomentTooSoonIsRefused() {
        ChromeDriver browser = signedIn("admin");
        open(browser, "#/kiem-toan");
        waitIn(browser).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("table[data-testid=key-generations] tbody tr")));
        assertThat(browser.findElements(By.cssSelector("table[data-testid=key-generations] tbody tr"))).hasSize(1);
        java.time.ZoneId vietnam = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
        java.time.LocalDate today = java.time.LocalDate.now(vietnam);
        long before = eventCount();

        WebElement from = browser.findElement(By.id("rotate-from"));
        from.sendKeys(today.format(day));
        browser.findElement(By.id("rotate-reason")).sendKeys("Thay khóa định kỳ theo quy chế an toàn thông tin");
        browser.findElement(By.id("rotate-basis")).sendKeys("15/QĐ-VPĐP");
        browser.findElement(By.id("rotate-basis-date")).sendKeys(today.format(day), Keys.ENTER);
        assertThat(text(browser, "#rotate-error .error")).contains("Khóa mới chỉ có thể có hiệu lực từ", "ít nhất 60 phút");
        assertThat(eventCount()).isEqualTo(before);
        Browser.screenshot(browser, "app-key-rotation-refused");

        from.clear();
        from.sendKeys(today.plusDays(1).format(day), Keys.ENTER);
        assertThat(text(browser, "[data-testid=rotated]")).contains("thế hệ 2",
                today.plusDays(1).format(day) + " 00:00:00");
        waitIn(browser).until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("table[data-testid=key-generations] tbody tr"), 2));
        List<WebElement> rows = browser.findElements(By.cssSelector("table[data-testid=key-generations] tbody tr"));
        assertThat(rows.get(0).getText()).contains("2", "15/QĐ-VPĐP", "admin").doesNotContain("đang dùng");
        assertThat(rows.get(1).getText()).contains("(đang dùng)", "đến " + today.plusDays(1).format(day));
        Browser.fullPageScreenshot(browser, "app-key-rotation");
        graphQl("auditor").document("{ integrityKeyGenerations { totalCount edges { node { number rotation { recordedBy } } } } }")
                .execute().path("integrityKeyGenerations.totalCount").entity(Integer.class).isEqualTo(2)
                .path("integrityKeyGenerations.edges[0].node.rotation.recordedBy").entity(String.class).isEqualTo("admin");
    }
}
