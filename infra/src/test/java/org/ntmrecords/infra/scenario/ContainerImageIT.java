package org.ntmrecords.infra.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The container image as docs/operations.md runs it, where a container engine can run one: loaded from the archive
 * {@code -Pimage} builds ({@code infra/target/jib-image.tar}, or {@code -Dntm.it.image=<archive>}), started with its
 * port published, it turns ready, serves the Vietnamese sign-in page, and stops on SIGTERM in time, without an ERROR
 * in its log. Skipped, saying why, where there is no archive or no engine that starts containers: the machines this
 * project is built and tested on reach no container registry for the base image, and their sandboxes refuse a
 * container its resource limits.
 */
class ContainerImageIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Ran(int exit, String output) {
    }

    private static Ran run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Ran(-1, "timed out: " + String.join(" ", command));
        }
        return new Ran(process.exitValue(), new String(output, StandardCharsets.UTF_8).strip());
    }

    /** docker or podman, whichever answers {@code info}; null when neither does. */
    private static String engine() {
        for (String engine : List.of("docker", "podman")) {
            try {
                if (run(engine, "info").exit() == 0) {
                    return engine;
                }
            } catch (IOException e) {
                // not installed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Test
    void theImageStartsReadyServesItsPagesAndStopsInTime() throws Exception {
        Path archive = Path.of(System.getProperty("ntm.it.image", "target/jib-image.tar")).toAbsolutePath();
        assumeTrue(Files.isRegularFile(archive), "no image archive at " + archive + ": build it with ./mvnw -Pimage "
                + "-pl infra -am package -DskipTests (the base image comes from its registry, or -Dimage.base=tar://…)");
        String engine = engine();
        assumeTrue(engine != null, "no container engine (docker or podman) answers here");
        Ran loaded = run(engine, "load", "-i", archive.toString());
        assertThat(loaded.exit()).as(loaded.output()).isZero();
        String image = loaded.output().lines().filter(line -> line.startsWith("Loaded image"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).reduce((first, last) -> last).orElseThrow();
        String name = "ntm-records-it-" + UUID.randomUUID();
        Ran started = run(engine, "run", "-d", "--name", name, "-p", "127.0.0.1::8080", image);
        try {
            assumeTrue(started.exit() == 0, "the container engine cannot start a container here: " + started.output());
            Ran published = run(engine, "port", name, "8080");
            String address = published.output().lines().findFirst().orElseThrow();
            String base = "http://127.0.0.1:" + address.substring(address.lastIndexOf(':') + 1);
            // the embedded default: initdb, migrations and the demo first
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> status(base + "/actuator/health/readiness") == 200);
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("lang=\"vi\"");

            Ran stopped = run(engine, "stop", "-t", "60", name);
            assertThat(stopped.exit()).as(stopped.output()).isZero();
            // SIGTERM: a graceful stop ends the JVM with 143 (or 0), never killed after the timeout (137)
            Ran exit = run(engine, "inspect", "-f", "{{.State.ExitCode}}", name);
            assertThat(exit.output()).isIn("0", "143");
            List<String> errors = new ArrayList<>(run(engine, "logs", name).output().lines()
                    .filter(line -> line.contains("\"log.level\":\"ERROR\"")).toList());
            assertThat(errors).isEmpty();
        } finally {
            run(engine, "rm", "-f", name);
        }
    }
}
