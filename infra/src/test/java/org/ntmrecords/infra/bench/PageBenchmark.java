package org.ntmrecords.infra.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.ntmrecords.infra.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Item 7: the district overview (Tháp Mười, the demo's 12 communes) as its coordination office opens it, in a real
 * headless Chromium ({@link Browser}) on the service's machine: time to interactive (the overview's User Timing mark
 * {@code ntm-overview-interactive}: tables rendered, every chart drawn), DOMContentLoaded and load, and the page's
 * weight (bytes over the wire and decoded, requests, the GraphQL calls' share), from the browser's Resource and
 * Navigation Timing entries.
 *
 * <p><b>Cold</b>: every round a new browser with a new profile, signed in through the form at {@code /} (which
 * loads the application), then its HTTP cache cleared through the DevTools protocol
 * ({@code Network.clearBrowserCache}; the session cookie stays) and the overview loaded as a new document. Every
 * resource of a cold round is checked to have come over the network. <b>Warm</b>: the last cold round's browser
 * loading the overview again, as a new document each time (WebJars from the HTTP cache, the application's files
 * revalidated).
 */
final class PageBenchmark {
    static final String SECTION = "Pages (district overview in headless Chromium)";
    private static final String USER = "thapmuoi.vpdp";
    private static final String MARK = "ntm-overview-interactive";

    /** One page load's figures, read from the page once it is interactive and loaded. */
    private static final String MEASURE = """
            const nav = performance.getEntriesByType('navigation')[0];
            const mark = performance.getEntriesByName('%s')[0];
            const resources = performance.getEntriesByType('resource').map(r => ({
              name: r.name, type: r.initiatorType, transfer: r.transferSize, encoded: r.encodedBodySize,
              decoded: r.decodedBodySize, status: r.responseStatus ?? 0, start: r.startTime, end: r.responseEnd}));
            return {tti: mark.startTime, dcl: nav.domContentLoadedEventStart, load: nav.loadEventStart,
              navTransfer: nav.transferSize, navDecoded: nav.decodedBodySize, navStatus: nav.responseStatus ?? 0,
              rows: document.querySelectorAll('table[data-testid=units] tr[data-unit]').length,
              charts: document.querySelectorAll('ntm-chart[data-ready=true]').length,
              resources};
            """.formatted(MARK);

    private final BenchConfig config;
    private final Report report;

    PageBenchmark(BenchConfig config, Report report) {
        this.config = config;
        this.report = report;
    }

    void run(BenchPostgres postgres, Path work) throws Exception {
        String missing = missingBrowser();
        if (missing != null) {
            notMeasured("no browser (" + missing + ")");
            return;
        }
        ConfigurableApplicationContext service = BenchService.start(postgres.database("bench_pages"),
                work.resolve("pages"), true);
        try {
            ScaleBenchmark.awaitCatchUp(service);
            measure("http://localhost:" + BenchService.port(service));
        } finally {
            service.close();
        }
    }

    private void measure(String base) throws Exception {
        List<Load> cold = new ArrayList<>();
        List<Load> warm = new ArrayList<>();
        String version = null;
        ChromeDriver browser = null;
        try {
            for (int round = 0; round < config.pageColdRounds(); round++) {
                if (browser != null) {
                    browser.quit();
                }
                browser = startBrowser();
                version = browser.getCapabilities().getBrowserVersion();
                signIn(browser, base);
                // the sign-in page loaded the application (and filled the cache): empty the cache, keep the cookie
                browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
                Load load = load(browser, base);
                List<String> cached = new ArrayList<>(load.resources.stream().filter(r -> r.transfer == 0)
                        .map(Resource::name).toList());
                if (load.navTransfer == 0) {
                    cached.add("the page");
                }
                if (!cached.isEmpty()) {
                    throw new IllegalStateException("a cold load took resources from a cache: " + cached);
                }
                cold.add(load);
                System.out.printf(Locale.ROOT, "[bench] pages | cold round %d: interactive %.0f ms, %d requests, %d bytes%n",
                        round + 1, load.tti, load.requests(), load.transferred());
            }
            for (int round = 0; round < config.pageWarmRounds(); round++) {
                Load load = load(browser, base);
                warm.add(load);
                System.out.printf(Locale.ROOT, "[bench] pages | warm round %d: interactive %.0f ms, %d requests, %d bytes%n",
                        round + 1, load.tti, load.requests(), load.transferred());
            }
        } catch (NoBrowser e) {
            notMeasured("no browser (" + e.getMessage() + ")");
            return;
        } finally {
            if (browser != null) {
                browser.quit();
            }
        }
        report.describe(SECTION, String.format(Locale.ROOT, "The district overview of Tháp Mười (`/#/`, 12 communes, "
                + "3 charts) as `%s` opens it, in headless Chromium %s (window 1366×900) on the same machine as the "
                + "service, over localhost with no network throttling. **Cold** (%d rounds): each a new browser and "
                + "profile, signed in through the form at `/` (which loads the application), then its HTTP cache "
                + "cleared by the DevTools protocol (`Network.clearBrowserCache`, the session cookie kept) and the "
                + "overview loaded as a new document; every resource was checked to come over the network (no service "
                + "worker is used); only the browser is cold: the service had served the overview at the sign-in just "
                + "before. **Warm** (%d rounds, after the last cold one): the same browser loading it again as a new document (WebJars "
                + "from the HTTP cache, `immutable`; the application's files revalidated, 304). Time to interactive: "
                + "the page's User Timing mark `%s` (tables rendered, every chart drawn), ms since navigation start; "
                + "DOMContentLoaded and load: when the events fired. Weight: `transferSize` (compressed, headers "
                + "included) and `decodedBodySize` over the navigation and every resource entry; requests: the "
                + "entries (the page and its resources, cache hits included); the GraphQL subscription's WebSocket "
                + "is not among them. Median and max over the rounds.",
                USER, version, config.pageColdRounds(), config.pageWarmRounds(), MARK));
        figures("cold", cold);
        figures("warm", warm);
        largest(cold.get(cold.size() - 1));
        path("cold", cold.get(cold.size() - 1));
        path("warm", warm.get(warm.size() - 1));
    }

    /** Where the time of a load went (its last round): modules, the API calls in series, ECharts, interactive. */
    private void path(String kind, Load load) {
        double session = load.resources.stream().filter(r -> r.name.endsWith("/web/session"))
                .mapToDouble(Resource::start).min().orElse(Double.NaN);
        double modules = load.resources.stream().filter(r -> r.start < session && !r.graphql())
                .mapToDouble(Resource::end).max().orElse(Double.NaN);
        Resource echarts = load.resources.stream().filter(r -> r.name.contains("/echarts/")).findFirst().orElse(null);
        double api = load.resources.stream().filter(r -> r.graphql() && (echarts == null || r.start < echarts.start))
                .mapToDouble(Resource::end).max().orElse(Double.NaN);
        report.note(String.format(Locale.ROOT, "Pages, %s load (last round), ms since navigation start: the "
                        + "application's modules and styles loaded by %.0f; the session check and the GraphQL calls "
                        + "(`me`, then the overview's) one after another from %.0f to %.0f; ECharts requested at %.0f "
                        + "and received at %.0f (%s); DOMContentLoaded %.0f; interactive at %.0f.", kind, modules,
                session, api, echarts == null ? Double.NaN : echarts.start, echarts == null ? Double.NaN : echarts.end,
                echarts == null ? "not loaded" : echarts.transfer == 0 ? "from the HTTP cache"
                        : kb(echarts.transfer) + " KB over the network", load.dcl, load.tti));
    }

    private void figures(String kind, List<Load> loads) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("rounds", loads.stream().map(Load::summary).toList());
        raw.put("resourcesOfTheLastRound", loads.get(loads.size() - 1).resources);
        // every round's figures and the last round's resources with the first figure; the others name only the round kind
        Map<String, Object> same = Map.of("rounds", "see " + kind + ": time to interactive");
        timing(kind, "time to interactive (overview marked interactive)", loads, Load::tti, raw, same);
        timing(kind, "DOMContentLoaded", loads, Load::dcl, same, same);
        timing(kind, "load event", loads, Load::load, same, same);
        add(kind + ": bytes transferred (compressed, headers included; median, max " + kb(max(loads, Load::transferred))
                + " KB)", median(loads, Load::transferred) / 1024, "KB", same);
        add(kind + ": bytes decoded (median, max " + kb(max(loads, Load::decoded)) + " KB"
                + (kind.equals("warm") ? "; Chromium gives revalidated files no body size, so they count 0" : "")
                + ")", median(loads, Load::decoded) / 1024, "KB", same);
        add(kind + ": requests (the page and its resource entries, cache hits included; median, max "
                + (long) max(loads, Load::requests) + ")", median(loads, Load::requests), "requests", same);
        add(kind + ": of which from the HTTP cache, no request sent (median)", median(loads, Load::fromCache),
                "requests", same);
        add(kind + ": of which revalidated, 304 Not Modified (median)", median(loads, Load::notModified),
                "requests", same);
        add(kind + ": the page itself (index.html) transferred (median)", median(loads, Load::navTransfer) / 1024,
                "KB", same);
        double graphqlTransferred = median(loads, l -> l.graphql(Resource::transfer));
        add(String.format(Locale.ROOT, "%s: GraphQL requests (median; %.1f KB transferred, %.0f%% of the page's bytes "
                        + "transferred; %.1f KB decoded)", kind, graphqlTransferred / 1024,
                100 * graphqlTransferred / median(loads, Load::transferred),
                median(loads, l -> l.graphql(Resource::decoded)) / 1024),
                median(loads, Load::graphqlCount), "requests", same);
    }

    private void timing(String kind, String name, List<Load> loads, ToDoubleFunction<Load> value,
                        Map<String, Object> raw, Map<String, Object> other) {
        add(kind + ": " + name + ", median", median(loads, value), "ms", raw);
        add(kind + ": " + name + ", max", max(loads, value), "ms", other);
    }

    private void add(String name, double value, String unit, Map<String, Object> raw) {
        report.add(new Report.Figure(SECTION, name, value, unit, null, null, null, null, raw));
    }

    /** The heaviest resources of a cold load, as a note: what the page's weight is made of. */
    private void largest(Load load) {
        StringBuilder text = new StringBuilder("Pages: the largest resources of a cold load of the overview "
                + "(transferred / decoded): ");
        List<Resource> heaviest = load.resources.stream().sorted(Comparator.comparingLong(Resource::transfer).reversed())
                .limit(5).toList();
        for (int i = 0; i < heaviest.size(); i++) {
            Resource r = heaviest.get(i);
            text.append(i == 0 ? "" : "; ").append('`').append(r.name.replaceFirst("^https?://[^/]+", "")).append("` ")
                    .append(kb(r.transfer)).append(" / ").append(kb(r.decoded)).append(" KB");
        }
        text.append(String.format(Locale.ROOT, "; the page itself %s / %s KB.", kb(load.navTransfer),
                kb(load.navDecoded)));
        report.note(text.toString());
    }

    private void notMeasured(String reason) {
        report.describe(SECTION, "The district overview's time to interactive and weight in headless Chromium.");
        report.add(new Report.Figure(SECTION, "not measured: " + reason, Double.NaN, "", null, null, null, null,
                Map.of("reason", reason)));
    }

    private static String missingBrowser() {
        if (!Files.isExecutable(Browser.CHROMIUM) || !Files.isExecutable(Browser.CHROMEDRIVER)) {
            return Browser.CHROMIUM + " and " + Browser.CHROMEDRIVER + " are needed (apt-get install chromium "
                    + "chromium-driver)";
        }
        return null;
    }

    private static ChromeDriver startBrowser() {
        try {
            return Browser.start();
        } catch (org.opentest4j.TestAbortedException e) {
            throw new NoBrowser(e.getMessage());
        } catch (WebDriverException e) {
            throw new NoBrowser("it did not start: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Signs in through the application's form at {@code /}, and waits for the overview it then shows. */
    private static void signIn(ChromeDriver browser, String base) {
        browser.get(base + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.id("username")));
        name.sendKeys(USER);
        browser.findElement(By.id("password")).sendKeys(BenchService.PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=account]"), USER));
        // nothing of the sign-in page still loading when the cache is cleared
        awaitInteractive(browser);
    }

    /** Loads the overview as a new document (not a same-document hash change), and reads its figures. */
    @SuppressWarnings("unchecked")
    private static Load load(ChromeDriver browser, String base) {
        browser.get("about:blank");
        browser.get(base + "/#/");
        awaitInteractive(browser);
        Map<String, Object> m = (Map<String, Object>) browser.executeScript(MEASURE);
        Load load = new Load(number(m.get("tti")), number(m.get("dcl")), number(m.get("load")),
                (long) number(m.get("navTransfer")), (long) number(m.get("navDecoded")),
                (long) number(m.get("navStatus")),
                ((List<Map<String, Object>>) m.get("resources")).stream().map(r -> new Resource(
                        (String) r.get("name"), (String) r.get("type"), (long) number(r.get("transfer")),
                        (long) number(r.get("encoded")), (long) number(r.get("decoded")), (long) number(r.get("status")),
                        number(r.get("start")), number(r.get("end")))).toList());
        long rows = (long) number(m.get("rows"));
        long charts = (long) number(m.get("charts"));
        if (rows != 12 || charts != 3) {
            throw new IllegalStateException("the overview showed " + rows + " communes and " + charts
                    + " charts, not Tháp Mười's 12 and 3");
        }
        return load;
    }

    private static void awaitInteractive(ChromeDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(50)).until(d -> Boolean.TRUE.equals(
                browser.executeScript("return performance.getEntriesByName(arguments[0]).length > 0 && "
                        + "performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0", MARK)));
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    private static double median(List<Load> loads, ToDoubleFunction<Load> value) {
        double[] values = loads.stream().mapToDouble(value).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static double max(List<Load> loads, ToDoubleFunction<Load> value) {
        return loads.stream().mapToDouble(value).max().orElse(Double.NaN);
    }

    private static String kb(double bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1024);
    }

    private static final class NoBrowser extends RuntimeException {
        NoBrowser(String message) {
            super(message);
        }
    }

    /** A resource entry of the page (Resource Timing; start and end of its response in ms since navigation start). */
    record Resource(String name, String type, long transfer, long encoded, long decoded, long status,
                    double start, double end) {
        boolean graphql() {
            return name.endsWith("/graphql");
        }
    }

    /** One load of the overview. */
    record Load(double tti, double dcl, double load, long navTransfer, long navDecoded, long navStatus,
                List<Resource> resources) {
        long transferred() {
            return navTransfer + resources.stream().mapToLong(Resource::transfer).sum();
        }

        long decoded() {
            return navDecoded + resources.stream().mapToLong(Resource::decoded).sum();
        }

        long requests() {
            return 1 + resources.size();
        }

        long fromCache() {
            return (navTransfer == 0 ? 1 : 0) + resources.stream().filter(r -> r.transfer == 0).count();
        }

        /**
         * Revalidated: Chromium reports such a resource with status 200 and only its headers transferred (encoded
         * and decoded body sizes 0).
         */
        long notModified() {
            return (navStatus == 304 || navTransfer > 0 && navDecoded == 0 ? 1 : 0) + resources.stream()
                    .filter(r -> r.status == 304 || r.transfer > 0 && r.encoded == 0 && r.decoded == 0).count();
        }

        long graphqlCount() {
            return resources.stream().filter(Resource::graphql).count();
        }

        long graphql(java.util.function.ToLongFunction<Resource> value) {
            return resources.stream().filter(Resource::graphql).mapToLong(value).sum();
        }

        Map<String, Object> summary() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("ttiMs", tti);
            s.put("domContentLoadedMs", dcl);
            s.put("loadMs", load);
            s.put("transferredBytes", transferred());
            s.put("decodedBytes", decoded());
            s.put("requests", requests());
            s.put("pageTransferredBytes", navTransfer);
            s.put("pageDecodedBytes", navDecoded);
            s.put("pageStatus", navStatus);
            s.put("fromCache", fromCache());
            s.put("notModified", notModified());
            s.put("graphqlRequests", graphqlCount());
            s.put("graphqlTransferredBytes", graphql(Resource::transfer));
            return s;
        }
    }
}
