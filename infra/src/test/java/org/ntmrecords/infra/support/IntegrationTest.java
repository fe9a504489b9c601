package org.ntmrecords.infra.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.ntmrecords.infra.NtmRecordsApplication;
import org.ntmrecords.infra.api.ProjectionCatchUp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the integration tests: the whole service on a random port, on a database of its own on the test
 * PostgreSQL ({@link TestDatabases}), with the Tháp Mười demo loaded. Tests talk to it over HTTP GraphQL.
 * Test classes with the same configuration share one running service (Spring's context cache).
 */
@SpringBootTest(classes = NtmRecordsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ntm.demo.enabled=true", "axon.update-check.disabled=true",
                // every test reads its own refusals back from the log: no rate limit (RateLimitedRowsTest has it)
                "ntm.security.log.burst=1000000",
                // many services run side by side (isolated contexts): an idle one holds few connections
                "spring.datasource.hikari.minimum-idle=1", "spring.datasource.hikari.idle-timeout=10000",
                "ntm.security.seed-accounts.password=" + IntegrationTest.PASSWORD})
public abstract class IntegrationTest {
    /** The password of every seeded (demo) account in the integration tests. */
    public static final String PASSWORD = "it-password-2024";

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected ProjectionCatchUp catchUp;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.Database database = TestDatabases.fresh();
        TestDatabases.Database service = database.asService();
        registry.add("spring.datasource.url", service::url);
        registry.add("spring.datasource.username", service::username);
        registry.add("spring.datasource.password", service::password);
        registry.add("ntm.test.owner-url", database::url);
        registry.add("ntm.integrity.key-directory", () -> TestDatabases.keyDirectory(database));
        // checkpoints witnessed outside the database, one file per test database
        registry.add("ntm.integrity.witness.file", () -> TestDatabases.witnessFile(database));
        // as in the embedded default: migrations as the owner, the service's pool as a login role of ntm_app
        registry.add("spring.flyway.url", database::url);
        registry.add("spring.flyway.user", database::username);
        registry.add("spring.flyway.password", database::password);
    }

    @org.springframework.beans.factory.annotation.Value("${ntm.test.owner-url}")
    private String ownerUrl;

    /** GraphQL as the auditor, who may read everything. */
    protected HttpGraphQlTester graphQl() {
        return graphQl("auditor");
    }

    /** GraphQL as one of the seeded accounts (see application.yml). */
    protected HttpGraphQlTester graphQl(String username) {
        return graphQl(username, PASSWORD);
    }

    protected HttpGraphQlTester graphQl(String username, String password) {
        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + "/graphql")
                .defaultHeaders(headers -> headers.setBasicAuth(username, password))
                .responseTimeout(Duration.ofSeconds(60))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
                .build();
        return HttpGraphQlTester.create(client);
    }

    /** GraphQL without credentials. */
    protected WebTestClient anonymous() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    /** Waits until the read tables reflect everything in the event store. */
    protected void awaitProjections() {
        assertThat(catchUp.awaitEventsAfter(0, Duration.ofSeconds(60))).as("projections caught up").isTrue();
    }

    /**
     * Runs SQL as the database owner (the tests' superuser), on a connection of its own: the service's pool cannot
     * become it. With {@code replica}, triggers are off for it: how a superuser could get past the append-only
     * triggers.
     */
    protected void asOwner(boolean replica, String sql, Object... args) {
        try (java.sql.Connection connection = owner();
             java.sql.Statement session = connection.createStatement()) {
            if (replica) {
                session.execute("set session_replication_role = replica");
            }
            try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    statement.setObject(i + 1, args[i]);
                }
                statement.execute();
            }
        } catch (java.sql.SQLException e) {
            throw new org.springframework.jdbc.UncategorizedSQLException("as the owner", sql, e);
        }
    }

    /** A connection as the database owner (the tests' superuser). */
    protected java.sql.Connection owner() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(ownerUrl, "postgres", "postgres");
    }

    /**
     * A sandbox commune of Lấp Vò (875) for tests that track, record and amend: registered by the administrator
     * under 875 the first time a test of this running service asks for it, with a code no real commune has
     * ({@code 99xxx}, e.g. 99199 where a test used Định Yên 30199 before the demo tracked Lấp Vò's communes). Under
     * 875, so that Lấp Vò's coordination office ({@code lapvo.vpdp}) acts on it as on its own communes. Its name is
     * "Sandbox {code}". Tests of one running service share it: a test class keeps to codes of its own.
     */
    protected String sandboxCommune(String code) {
        assertThat(code).as("sandbox commune code").matches("99\\d{3}");
        Boolean known = jdbc.queryForObject(
                "select exists (select 1 from event_store.domain_event_entry where aggregate_identifier = ?)",
                Boolean.class, code);
        if (!Boolean.TRUE.equals(known)) {
            graphQl("admin").documentName("registerUnit").variable("input", java.util.Map.of("code", code,
                            "name", "Sandbox " + code, "fullName", "Xã Sandbox " + code, "kind", "COMMUNE",
                            "parentCode", "875"))
                    .execute().path("registerUnit.errors").entityList(Object.class).hasSize(0);
            awaitProjections();
        }
        return code;
    }

    protected long eventCount() {
        Long count = jdbc.queryForObject("select count(*) from event_store.domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    /** The highest global index in the event store (0 when empty). */
    protected long storeHead() {
        Long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from event_store.domain_event_entry",
                Long.class);
        return head == null ? 0 : head;
    }

    /** The events stored after {@code head}, counted by payload type (the class's simple name). */
    protected java.util.Map<String, Long> storedAfter(long head) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.query("select payload_type, count(*) from event_store.domain_event_entry where global_index > ? "
                + "group by payload_type", rs -> {
            String type = rs.getString(1);
            counts.put(type.substring(type.lastIndexOf('.') + 1), rs.getLong(2));
        }, head);
        return counts;
    }

    /**
     * What a recorded value stores in each scorecard it touched: the value and its indicator's judgment, and the
     * criterion's and the standing's judgments where the value changed them.
     */
    protected static void assertValuesRecorded(java.util.Map<String, Long> stored, long values) {
        assertThat(stored).containsEntry("IndicatorValueRecordedEvent", values)
                .containsEntry("IndicatorJudgedEvent", values);
        assertThat(stored.keySet()).isSubsetOf("IndicatorValueRecordedEvent", "IndicatorJudgedEvent",
                "CriterionJudgedEvent", "StandingComputedEvent");
        assertThat(stored.getOrDefault("CriterionJudgedEvent", 0L)).isLessThanOrEqualTo(values);
        assertThat(stored.getOrDefault("StandingComputedEvent", 0L)).isLessThanOrEqualTo(values);
    }
}
