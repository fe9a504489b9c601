package org.ntmrecords.infra.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Item 4: the read queries an auditor and a dashboard run, over GraphQL/HTTP as the auditor account, one client,
 * each query cycling over sample communes (and their districts): a warm-up, then p50/p99 over every call. The
 * same communes are asked at both store sizes, so the growth from the small to the large store shows how each
 * query's cost scales with the store. The operations are the integration tests' documents (graphql-test/), and a
 * dashboard's district overview (bench/); the roll-ups (province overview, criterion view, counts quarter by
 * quarter) over the sample communes' province.
 */
final class QueryBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchConfig config;
    private final Report report;
    private final String set;
    private final List<String> units;
    private final List<String> districts;
    /** The provinces of the sample communes (the roll-ups' areas). */
    private final List<String> provinces;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI endpoint;
    private final String auth;
    /** Record time for the as-of query: when the small store was complete. */
    private final Instant recordedAt = Instant.now();
    private final Map<String, Double> p99BySize = new LinkedHashMap<>();

    QueryBenchmark(BenchConfig config, Report report, ConfigurableApplicationContext service, String set,
                   List<String> units) {
        this.config = config;
        this.report = report;
        this.set = set;
        this.units = units;
        if (units.isEmpty()) {
            throw new IllegalStateException("no commune with values to query");
        }
        this.districts = service.getBean(JdbcTemplate.class).queryForList(
                "select distinct parent_code from read_model.unit where code = any(?) order by 1", String.class,
                (Object) units.toArray(String[]::new));
        this.provinces = service.getBean(JdbcTemplate.class).queryForList("""
                select distinct d.parent_code from read_model.unit u join read_model.unit d on d.code = u.parent_code
                where u.code = any(?) order by 1""", String.class, (Object) units.toArray(String[]::new));
        this.endpoint = URI.create("http://localhost:" + BenchService.port(service) + "/graphql");
        this.auth = "Basic " + Base64.getEncoder().encodeToString(("auditor:" + BenchService.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Runs every query at this store size; with {@code previous}, compares each p99 with that size's. */
    void run(String size, String previous) throws Exception {
        query(size, previous, "district overview (dashboard: summary, each commune's standing and unmet criteria)",
                "bench/districtDashboard", i -> Map.of("district", districts.get(i % districts.size()), "set", set));
        query(size, previous, "district overview with every commune's criteria and indicators", "graphql-test/districtOverview",
                i -> Map.of("district", districts.get(i % districts.size()), "set", set));
        query(size, previous, "unit standing", "graphql-test/standing", i -> Map.of("unit", unit(i), "set", set));
        query(size, previous, "history page (first 20 of a scorecard's history)", "graphql-test/history",
                i -> Map.of("subject", Map.of("unitCode", unit(i), "setId", set), "first", 20));
        query(size, previous, "as-of business time (standing on 2022-12-31)", "graphql-test/standingAsOf",
                i -> Map.of("unit", unit(i), "set", set, "date", "2022-12-31"));
        query(size, previous, "as-of record time (standing as recorded before the store grew)", "graphql-test/standingAsOf",
                i -> Map.of("unit", unit(i), "set", set, "at", recordedAt.toString()));
        query(size, previous, "explain a criterion (criterion 3 with its indicators' entries)", "graphql-test/explainCriterion",
                i -> Map.of("unit", unit(i), "set", set, "criterion", "3"));
        // roll-ups over the sample communes' province (Hà Nội: 383 communes)
        query(size, previous, "province overview (each district's communes counted by criteria met and result, totals)",
                "graphql-test/provinceOverview", i -> Map.of("province", province(i), "set", set));
        query(size, previous, "criterion view (first 20 communes of the province failing criterion 3, with indicators and values)",
                "graphql-test/criterionOverview",
                i -> Map.of("area", province(i), "set", set, "criterion", "3", "first", 20));
        query(size, previous, "province counts quarter by quarter (dashboard: 20 quarters 2021-2025, totals and each "
                        + "district's results)", "bench/provinceTrend",
                i -> Map.of("province", province(i), "set", set, "from", "2021-01-01", "to", "2025-12-31"));
        query(size, previous, "province counts quarter by quarter with every district's criteria-met distribution",
                "graphql-test/provinceOverviewHistory",
                i -> Map.of("province", province(i), "set", set, "from", "2021-01-01", "to", "2025-12-31"));
    }

    private String province(int i) {
        return provinces.get(i % provinces.size());
    }

    private String unit(int i) {
        return units.get(i % units.size());
    }

    private void query(String size, String previous, String name, String document,
                       IntFunction<Map<String, Object>> variables) throws Exception {
        String text = new String(new ClassPathResource(document + ".graphql").getInputStream()
                .readAllBytes(), StandardCharsets.UTF_8);
        for (int i = 0; i < config.queryWarmup(); i++) {
            call(text, variables.apply(i));
        }
        Latencies latencies = new Latencies();
        List<Integer> bytes = new ArrayList<>();
        for (int i = 0; i < config.queryRuns(); i++) {
            long t0 = System.nanoTime();
            bytes.add(call(text, variables.apply(i)));
            latencies.add(System.nanoTime() - t0);
        }
        double p99 = latencies.percentileMs(99);
        Double before = previous == null ? null : p99BySize.get(name + "@" + previous);
        p99BySize.put(name + "@" + size, p99);
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("calls", latencies.count());
        raw.put("p50Ms", latencies.percentileMs(50));
        raw.put("p99Ms", p99);
        raw.put("meanResponseBytes", bytes.stream().mapToInt(Integer::intValue).average().orElse(0));
        boolean met = before == null ? p99 <= 50 : p99 <= 50 && p99 <= 1.5 * before;
        report.add(new Report.Figure("Queries", String.format(Locale.ROOT, "%s at %s (p50 %.1f ms)", name, size,
                latencies.percentileMs(50)), p99, "ms p99", before == null ? null : "p99 at " + previous, before,
                before == null ? "≤ 50 ms" : "≤ 50 ms and ≤ 1.5× the p99 at " + previous, met, raw));
    }

    /** One call; fails the run on an HTTP error or a GraphQL error. Returns the response size. */
    private int call(String document, Map<String, Object> variables) throws Exception {
        String body = JSON.writeValueAsString(Map.of("query", document, "variables", variables));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json").header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || JSON.readTree(response.body()).has("errors")) {
            throw new IllegalStateException("query failed: " + response.body());
        }
        return response.body().length();
    }
}
