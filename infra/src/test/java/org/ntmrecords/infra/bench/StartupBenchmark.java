package org.ntmrecords.infra.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Item 6: the embedded default as a user runs it — a JVM of its own with no datasource configured (embedded
 * PostgreSQL, demo data, GraphQL UI) — from launch, the first time (empty
 * data directory: PostgreSQL initialised, migrations, demo loaded) and again on the same data, until it reports
 * ready (after the demo is loaded); then the
 * memory (proportional set size) of the JVM and of its PostgreSQL processes.
 */
final class StartupBenchmark {
    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private final Report report;

    StartupBenchmark(Report report) {
        this.report = report;
    }

    void run(Path work) throws Exception {
        Path data = Files.createDirectories(work.resolve("startup"));
        for (String run : List.of("first start (empty data directory, demo loaded)", "second start (same data)")) {
            long t0 = System.nanoTime();
            Process process = launch(data);
            try {
                int port = awaitPort(process);
                awaitHealthy(port);
                double seconds = (System.nanoTime() - t0) / 1e9;
                long jvm = rssKb(process.pid());
                long postgres = postgresRssKb(data.resolve("postgres"));
                Map<String, Object> raw = new LinkedHashMap<>();
                raw.put("jvmPssKb", jvm);
                raw.put("postgresPssKb", postgres);
                report.add(new Report.Figure("Startup and memory (embedded default)", run, seconds, "s", null, null,
                        null, null, raw));
                report.add(new Report.Figure("Startup and memory (embedded default)", "resident memory after the "
                        + run + ": JVM " + jvm / 1024 + " MB + PostgreSQL " + postgres / 1024 + " MB",
                        (jvm + postgres) / 1024.0, "MB", null, null, null, null, raw));
            } finally {
                process.destroy();
                process.waitFor();
            }
        }
    }

    private static Process launch(Path data) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.ntmrecords.infra.NtmRecordsApplication", "--server.port=0",
                "--ntm.embedded-postgres.data-directory=" + data.resolve("postgres"),
                "--ntm.integrity.key-directory=" + data.resolve("keys"),
                "--ntm.integrity.witness.file=" + data.resolve("witness/checkpoints.jsonl"),
                "--ntm.evidence.directory=" + data.resolve("evidence"),
                "--management.endpoint.health.probes.enabled=true",
                "--spring.autoconfigure.exclude=org.axonframework.springboot.autoconfig.XStreamAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration"));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static int awaitPort(Process process) throws IOException {
        var reader = process.inputReader();
        String line;
        while ((line = reader.readLine()) != null) {
            Matcher m = PORT.matcher(line);
            if (m.find()) {
                int port = Integer.parseInt(m.group(1));
                Thread drain = new Thread(() -> {
                    try {
                        while (reader.readLine() != null) {
                            // keep the child's output flowing
                        }
                    } catch (IOException ignored) {
                        // the child stopped
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return port;
            }
        }
        throw new IllegalStateException("the service stopped before listening");
    }

    private static void awaitHealthy(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the service did not become healthy");
    }

    /**
     * A process's proportional set size: its private memory plus its share of memory shared with others (PostgreSQL's
     * shared buffers are counted once over all its processes, not once per process as resident sizes would).
     */
    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /** The embedded server's postmaster (its pid is the first line of postmaster.pid) and every backend under it. */
    private static long postgresRssKb(Path dataDirectory) throws IOException {
        long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        return rssKb(postmaster) + ProcessHandle.of(postmaster)
                .map(p -> p.descendants().mapToLong(c -> rssKb(c.pid())).sum()).orElse(0L);
    }
}
