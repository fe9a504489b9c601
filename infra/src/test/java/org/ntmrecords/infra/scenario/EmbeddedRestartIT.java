package org.ntmrecords.infra.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ntmrecords.infra.NtmRecordsApplication;
import org.ntmrecords.infra.api.ProjectionCatchUp;
import org.ntmrecords.infra.integrity.ExportVerifier;
import org.ntmrecords.infra.integrity.StoreVerifier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The embedded default: with no datasource configured the service runs its own PostgreSQL in a data
 * directory, loads the demo once, and keeps every record across a stop and a start.
 */
class EmbeddedRestartIT {

    private static ConfigurableApplicationContext start(Path dataDirectory) {
        return new SpringApplication(NtmRecordsApplication.class).run(
                "--server.port=0",
                "--ntm.embedded-postgres.data-directory=" + dataDirectory,
                "--ntm.integrity.key-directory=" + dataDirectory.resolveSibling("keys"),
                "--ntm.integrity.witness.file=" + dataDirectory.resolveSibling("witness").resolve("checkpoints.jsonl"),
                "--axon.update-check.disabled=true");
    }

    /** As Tân Kiều's commune officer, with the demo password of the default configuration. */
    private static HttpGraphQlTester graphQl(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .defaultHeaders(h -> h.setBasicAuth("tankieu.officer", "ntm-demo-2024"))
                .responseTimeout(Duration.ofSeconds(30)).build());
    }

    private static long events(ConfigurableApplicationContext context) {
        Long count = context.getBean(JdbcTemplate.class)
                .queryForObject("select count(*) from event_store.domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    @Test
    void stoppingAndStartingKeepsEveryRecordAndDoesNotLoadTheDemoTwice(@TempDir Path dir) throws java.io.IOException {
        Path dataDirectory = dir.resolve("postgres");
        long eventsBefore;
        try (ConfigurableApplicationContext first = start(dataDirectory)) {
            assertThat(first.getBean(ProjectionCatchUp.class).awaitEventsAfter(0, Duration.ofSeconds(60))).isTrue();
            // durable, unlike the library's test defaults: a committed event survives a crash
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show full_page_writes", String.class)).isEqualTo("on");
            // passwords for every connection, a pool role that is no superuser, the superuser's password owner-only
            assertThat(jdbc.queryForObject("select session_user", String.class)).isEqualTo("ntm_service");
            assertThat(jdbc.queryForObject("select rolsuper from pg_roles where rolname = session_user", Boolean.class))
                    .isFalse();
            int port = first.getBean(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class).getPort();
            for (String user : new String[] {"postgres", "ntm_service"}) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> java.sql.DriverManager.getConnection(
                                "jdbc:postgresql://localhost:" + port + "/ntm", user, "").close()).as(user)
                        .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("password");
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> java.sql.DriverManager.getConnection(
                                "jdbc:postgresql://localhost:" + port + "/ntm", user, "postgres").close()).as(user)
                        .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("password authentication failed");
            }
            Path superuserPassword = dataDirectory.resolveSibling("postgres.superuser-password");
            assertThat(Files.getPosixFilePermissions(superuserPassword)).containsExactlyInAnyOrder(
                    java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                    java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            graphQl(first).document("""
                            mutation { markIndicatorNotAssessed(input: {unitCode: "30049",
                              setId: "dongthap-commune-ntm-2021-2025", indicatorCode: "10", valueId: "restart-check",
                              period: {start: "2024-06-01"}, reason: "chưa có số liệu"}) { errors { code } } }""")
                    .execute().path("markIndicatorNotAssessed.errors").entityList(Object.class).hasSize(0);
            eventsBefore = events(first);
        }
        assertThat(Files.exists(dataDirectory.resolve("PG_VERSION"))).isTrue();

        try (ConfigurableApplicationContext second = start(dataDirectory)) {
            assertThat(second.getBean(ProjectionCatchUp.class).awaitEventsAfter(0, Duration.ofSeconds(60))).isTrue();
            assertThat(events(second)).isEqualTo(eventsBefore);
            graphQl(second).documentName("indicatorEntries")
                    .variables(Map.of("unit", "30049", "set", "dongthap-commune-ntm-2021-2025", "indicator", "10"))
                    .execute()
                    .path("indicatorEntries.edges[*].node.id").entityList(String.class).containsExactly("restart-check");
            graphQl(second).documentName("standing")
                    .variables(Map.of("unit", "30049", "set", "dongthap-commune-ntm-2021-2025")).execute()
                    .path("standing.criteriaMet").entity(Integer.class).isEqualTo(16);
            // the keys were kept too: every event of both runs is sealed and chained under the same keys
            StoreVerifier.Report report = second.getBean(StoreVerifier.class).verify(p -> { });
            assertThat(report.intact()).as(report.summary()).isTrue();
            assertThat(report.linksChecked() + report.pending()).isEqualTo(eventsBefore);
            assertThat(report.witnessChecks()).singleElement().satisfies(w -> assertThat(w.consistent()).isTrue());
        }

        // the command-line tasks against the same data: verify the store, export a history, verify it offline
        assertThat(task(dataDirectory, "verify-store")).isZero();
        Path export = dir.resolve("history-30049.json");
        assertThat(task(dataDirectory, "export-unit-history", "30049", export.toString())).isZero();
        assertThat(Files.exists(export)).isTrue();
        assertThat(ExportVerifier.run(java.util.List.of(export.toString(),
                dataDirectory.resolveSibling("keys").resolve("checkpoint-ed25519.pub.pem").toString()))).isZero();
    }

    /** Runs a command-line task as {@code java -jar ntm-records.jar <args>} would; its exit code. */
    private static int task(Path dataDirectory, String... args) {
        SpringApplication application = new SpringApplication(NtmRecordsApplication.class);
        application.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
        application.setAdditionalProfiles("task");
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
                "--ntm.embedded-postgres.data-directory=" + dataDirectory,
                "--ntm.integrity.key-directory=" + dataDirectory.resolveSibling("keys"),
                "--ntm.integrity.witness.file=" + dataDirectory.resolveSibling("witness").resolve("checkpoints.jsonl"),
                "--axon.update-check.disabled=true")).toArray(String[]::new);
        return SpringApplication.exit(application.run(all));
    }
}
