package org.ntmrecords.infra.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.Callable;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import javax.sql.DataSource;

/**
 * Profiles a measured step when the suite runs with {@code -Dbench.profile=<directory>}: a JFR recording of the
 * benchmark's JVM (the service runs in it) with the JDK's "profile" settings, written to
 * {@code <directory>/<step>.jfr}, and the database's statements by total time ({@code pg_stat_statements}, reset
 * before the step) in {@code <directory>/<step>-sql.txt}. Without the property nothing is recorded: a profiled run
 * is slower and its figures are not reported as the suite's.
 */
final class Profiler {
    private static final Path DIRECTORY = System.getProperty("bench.profile", "").isBlank() ? null
            : Path.of(System.getProperty("bench.profile"));

    private Profiler() {
    }

    static boolean enabled() {
        return DIRECTORY != null;
    }

    /** Runs the step, recorded when profiling; the database is the one whose statements are listed. */
    static <T> T around(String step, DataSource database, Callable<T> work) throws Exception {
        if (!enabled()) {
            return work.call();
        }
        Files.createDirectories(DIRECTORY);
        statements(database, "select pg_stat_statements_reset()");
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.setName(step);
            recording.start();
            T result = work.call();
            recording.stop();
            recording.dump(DIRECTORY.resolve(step + ".jfr"));
            Files.writeString(DIRECTORY.resolve(step + "-sql.txt"), topStatements(database));
            return result;
        }
    }

    /** The extension in the database, when profiling. */
    static void prepare(DataSource database) {
        if (enabled()) {
            statements(database, "create extension if not exists pg_stat_statements");
        }
    }

    /** The service's database as the benchmark server's superuser (the service's role may not read the statistics). */
    private static Connection superuser(DataSource database) throws SQLException {
        String url = database.unwrap(com.zaxxer.hikari.HikariDataSource.class).getJdbcUrl();
        return java.sql.DriverManager.getConnection(url, "postgres", "postgres");
    }

    private static void statements(DataSource database, String sql) {
        try (Connection c = superuser(database); Statement statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("profiling: " + sql, e);
        }
    }

    private static String topStatements(DataSource database) throws SQLException {
        StringBuilder out = new StringBuilder(
                "total ms | calls | mean ms | rows | shared blocks hit/read | statement\n");
        try (Connection c = superuser(database); Statement statement = c.createStatement();
             ResultSet rs = statement.executeQuery("""
                     select total_exec_time, calls, mean_exec_time, rows, shared_blks_hit, shared_blks_read,
                            regexp_replace(query, '\\s+', ' ', 'g') as query
                       from pg_stat_statements order by total_exec_time desc limit 40""")) {
            while (rs.next()) {
                String query = rs.getString("query");
                out.append(String.format(Locale.ROOT, "%10.1f | %8d | %7.3f | %8d | %d/%d | %s%n",
                        rs.getDouble(1), rs.getLong(2), rs.getDouble(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), query.length() > 300 ? query.substring(0, 300) + "…" : query));
            }
        }
        return out.toString();
    }
}
