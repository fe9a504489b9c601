package org.ntmrecords.infra.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as an operator runs it: a JVM of its own on the embedded default, with JSON logs. While it starts,
 * every request but the probes is answered 503 (sign-ins are neither checked nor logged as failures); once ready it
 * serves, a mutation's log lines name its correlation id, account and operation, the Prometheus endpoint shows the
 * command and processor meters; a normal stop (SIGTERM) stops HTTP, then the processors, then the database, and
 * writes no warning, error or stack trace.
 */
class ServiceLifecycleIT {
    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ME = "{\"query\":\"{ me { username } }\"}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void startsBehind503sServesWithMetricsAndStopsInOrderWithoutAWarning(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("service.log");
        Process service = launch(dir, log);
        try {
            int port = awaitPort(service, log);
            String base = "http://localhost:" + port;

            // starting: the probes answer, the rest is 503 with a reason and a time to come back
            List<Integer> before = new ArrayList<>();
            HttpResponse<String> answer;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            boolean sawStartingPage = false;
            int wrongPasswordsChecked = 0;
            while (true) {
                // the page first: readiness only ever turns on, so when the API then still answers 503, so did this
                HttpResponse<String> page = get(base + "/", "text/html", null, null);
                if (page.statusCode() == 503) {
                    assertThat(page.body()).contains("http-equiv=\"refresh\"").contains("lang=\"vi\"")
                            .contains("Dịch vụ đang khởi động");
                    sawStartingPage = true;
                }
                // a wrong password while starting is not checked: 503, not 401, and nothing logged
                int wrong = post(base + "/graphql", ME, "tankieu.officer", "wrong-password").statusCode();
                assertThat(wrong).isIn(503, 401);
                if (wrong == 401) {
                    wrongPasswordsChecked++;
                }
                answer = post(base + "/graphql", ME, "tankieu.officer", "ntm-demo-2024");
                if (answer.statusCode() == 200) {
                    break;
                }
                before.add(answer.statusCode());
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
                assertThat(answer.headers().firstValue("Retry-After")).contains("5");
                assertThat(JSON.readTree(answer.body()).at("/errors/0/extensions/code").asText())
                        .isEqualTo("SERVICE_NOT_READY");
                assertThat(JSON.readTree(answer.body()).at("/errors/0/message").asText()).contains("đang khởi động");
                assertThat(get(base + "/actuator/health/liveness", "application/json", null, null).statusCode())
                        .isEqualTo(200);
                int readiness = get(base + "/actuator/health/readiness", "application/json", null, null).statusCode();
                assertThat(readiness).isIn(200, 503);
                assertThat(System.nanoTime()).as("ready within 4 minutes").isLessThan(deadline);
                Thread.sleep(100);
            }
            assertThat(before).as("requests answered while starting").isNotEmpty();
            assertThat(sawStartingPage).as("a browser was shown the starting page").isTrue();
            assertThat(lines(log)).anySatisfy(l -> assertThat(l).contains("NTM Records ready"));
            assertThat(get(base + "/actuator/health/readiness", "application/json", null, null).statusCode())
                    .isEqualTo(200);

            // the wrong passwords tried while starting were never checked, so never logged as failed sign-ins; one
            // sent as readiness turned on was (401), and is the only kind in the log
            JsonNode log0 = JSON.readTree(post(base + "/graphql", "{\"query\":\"{ securityLog(first: 5) { totalCount } }\"}",
                    "auditor", "ntm-demo-2024").body());
            assertThat(log0.at("/data/securityLog/totalCount").asInt()).as(log0.toString())
                    .isEqualTo(wrongPasswordsChecked);
            assertThat(wrongPasswordsChecked).isLessThanOrEqualTo(1);

            // a mutation: stored, and its refusal's log line names the request
            HttpResponse<String> recorded = post(base + "/graphql", """
                    {"query":"mutation { markIndicatorNotAssessed(input: {unitCode: \\"30049\\", setId: \\"dongthap-commune-ntm-2021-2025\\", indicatorCode: \\"10\\", valueId: \\"lifecycle-check\\", period: {start: \\"2024-06-01\\"}, reason: \\"Kiểm tra vận hành\\"}) { errors { code } } }"}
                    """, "tankieu.officer", "ntm-demo-2024", "lifecycle-ok");
            assertThat(recorded.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(recorded.body()).path("errors").isMissingNode()).as(recorded.body()).isTrue();
            assertThat(JSON.readTree(recorded.body()).at("/data/markIndicatorNotAssessed/errors").size())
                    .as(recorded.body()).isZero();
            HttpResponse<String> refused = post(base + "/graphql", """
                    {"query":"mutation { markIndicatorNotAssessed(input: {unitCode: \\"30052\\", setId: \\"dongthap-commune-ntm-2021-2025\\", indicatorCode: \\"10\\", valueId: \\"lifecycle-refused\\", period: {start: \\"2024-06-01\\"}, reason: \\"Ngoài địa bàn\\"}) { errors { code } } }"}
                    """, "tankieu.officer", "ntm-demo-2024", "lifecycle-refused");
            assertThat(refused.body()).contains("errors");
            JsonNode denial = awaitLine(log, line -> "lifecycle-refused".equals(line.path("correlationId").asText()));
            assertThat(denial.path("actor").asText()).isEqualTo("tankieu.officer");
            assertThat(denial.path("operation").asText()).isEqualTo("mutation markIndicatorNotAssessed");
            assertThat(denial.path("log.level").asText(denial.path("log").path("level").asText())).isEqualTo("WARN");

            // metrics: administrators only; the command and the processors' meters after the mutation
            assertThat(get(base + "/actuator/prometheus", "text/plain", null, null).statusCode()).isEqualTo(401);
            assertThat(get(base + "/actuator/prometheus", "text/plain", "tankieu.officer", "ntm-demo-2024").statusCode())
                    .isEqualTo(403);
            HttpResponse<String> scraped = get(base + "/actuator/prometheus", "text/plain", "admin", "ntm-demo-2024");
            assertThat(scraped.statusCode()).isEqualTo(200);
            String metrics = scraped.body();
            assertThat(value(metrics, "commandBus_successCounter_total", "payloadType=\"MarkIndicatorNotAssessedCommand\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "commandBus_failureCounter_total", "payloadType=\"MarkIndicatorNotAssessedCommand\""))
                    .isGreaterThanOrEqualTo(0);
            assertThat(value(metrics, "eventProcessor_latency", "processorName=\"read-model\"")).isGreaterThanOrEqualTo(0);
            assertThat(value(metrics, "eventProcessor_successTimer_seconds_count", "processorName=\"read-model\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "ntm_processor_events_behind", "processor=\"read-model\"")).isGreaterThanOrEqualTo(0);
            assertThat(value(metrics, "ntm_events_appended_total", "type=\"IndicatorMarkedNotAssessedEvent\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "ntm_judgments_recorded_total", "level=\"indicator\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "ntm_store_head", "application=\"ntm-records\"")).isGreaterThan(1000);
        } finally {
            service.destroy();
            assertThat(service.waitFor(90, TimeUnit.SECONDS)).as("stopped within 90 s").isTrue();
        }

        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        int stop = indexOf(lines, "Commencing graceful shutdown");
        assertThat(stop).as("the stop is logged").isNotNegative();
        List<String> shutdown = lines.subList(stop, lines.size());
        for (String line : shutdown) {
            assertThat(line).as("a line of the stop").startsWith("{");
            JsonNode entry = JSON.readTree(line);
            assertThat(entry.path("log.level").asText(entry.path("log").path("level").asText()))
                    .as(line).isIn("INFO", "DEBUG", "TRACE");
            assertThat(entry.has("error.stack_trace") || entry.path("error").has("stack_trace")).as(line).isFalse();
        }
        int http = indexOf(lines, "Graceful shutdown complete");
        int processors = indexOf(lines, "Shutdown state set for Processor 'read-model'");
        int workers = lastIndexOf(lines, "Worker for segment");
        int pool = lastIndexOf(lines, "Shutdown completed");
        assertThat(List.of(http, processors, workers, pool)).as("each step of the stop is logged").allMatch(i -> i > stop);
        assertThat(http).as("HTTP before the processors").isLessThan(processors);
        assertThat(processors).isLessThan(workers);
        assertThat(workers).as("the processors before the pool").isLessThan(pool);
        assertThat(lines.get(pool)).contains("HikariDataSource");
        // the database was stopped by the service, after the pool: its lock file is gone
        assertThat(dir.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
    }

    private static Process launch(Path dir, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "org.ntmrecords.infra.NtmRecordsApplication", "--server.port=0",
                "--ntm.embedded-postgres.data-directory=" + dir.resolve("postgres"),
                "--ntm.integrity.key-directory=" + dir.resolve("keys"),
                "--ntm.integrity.witness.file=" + dir.resolve("witness/checkpoints.jsonl"),
                "--ntm.evidence.directory=" + dir.resolve("evidence"),
                "--logging.structured.format.console=ecs",
                "--axon.update-check.disabled=true");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static int awaitPort(Process service, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive()).as("the service runs").isTrue();
            Matcher m = PORT.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not listen within 3 minutes");
    }

    private static JsonNode awaitLine(Path log, java.util.function.Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith("{")) {
                    JsonNode entry = JSON.readTree(line);
                    if (wanted.test(entry)) {
                        return entry;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such log line within 30 s");
    }

    private static List<String> lines(Path log) throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(List<String> lines, String text) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    /** The value of the first sample of a meter whose labels contain the given one. */
    private static double value(String metrics, String name, String label) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + "{") && line.contains(label)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no sample " + name + " with " + label);
    }

    private HttpResponse<String> post(String url, String body, String user, String password) throws Exception {
        return post(url, body, user, password, null);
    }

    private HttpResponse<String> post(String url, String body, String user, String password, String correlation)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", basic(user, password))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (correlation != null) {
            request.header("X-Correlation-Id", correlation);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String url, String accept, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", accept).GET();
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
