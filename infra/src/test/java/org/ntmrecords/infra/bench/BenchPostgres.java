package org.ntmrecords.infra.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.ntmrecords.infra.support.TestDatabases;

/**
 * The PostgreSQL every benchmark and baseline runs on: the embedded server made durable as the service's embedded
 * default is (fsync, synchronous commit and full page writes on; the library's and the tests' server run without),
 * one database per scenario.
 */
final class BenchPostgres implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    BenchPostgres() throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (Profiler.enabled()) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        postgres = builder.setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on").start();
    }

    TestDatabases.Database database(String name) {
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
             Statement statement = c.createStatement()) {
            statement.execute("create database " + name);
            TestDatabases.createRoles(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return new TestDatabases.Database(postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
    }

    String setting(String name) {
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
             Statement statement = c.createStatement();
             var rs = statement.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "?";
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
