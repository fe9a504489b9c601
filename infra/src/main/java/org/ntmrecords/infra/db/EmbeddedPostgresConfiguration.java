package org.ntmrecords.infra.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The embedded default: when no {@code spring.datasource.url} is set, a real PostgreSQL (binaries shipped in
 * a Maven artifact) runs on localhost with its data directory under the working directory, so stopping and
 * starting the service keeps every record.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
public class EmbeddedPostgresConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    /** The role the service's sessions act as (created by migration V8). */
    public static final String APPLICATION_ROLE = "ntm_app";

    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        Path dataDirectory = Path.of(properties.dataDirectory()).toAbsolutePath();
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC")
                // durable: the library starts PostgreSQL for tests, without fsync (-F) and with asynchronous
                // commit; a committed event must survive a crash or a power cut
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
        if (properties.port() != 0) {
            builder.setPort(properties.port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL running on localhost:{} with data in {}", postgres.getPort(), dataDirectory);
        createDatabase(postgres, properties.database());
        return postgres;
    }

    /**
     * The service's pool on the embedded database; {@code spring.datasource.hikari.*} settings apply to it. Its
     * sessions act as {@value #APPLICATION_ROLE}: they may read and append events but not change or remove
     * them, by privilege as well as by trigger (migration V8).
     */
    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setDriverClassName("org.postgresql.Driver");
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", properties.database()));
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        dataSource.setConnectionInitSql("set role " + APPLICATION_ROLE);
        dataSource.setPoolName("ntm-embedded");
        return dataSource;
    }

    /** The migrations run as the database owner, on connections of their own. */
    @Bean
    @FlywayDataSource
    public DataSource migrationDataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties) {
        return postgres.getDatabase("postgres", properties.database());
    }

    private static void createDatabase(EmbeddedPostgres postgres, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name '" + database + "' must be a plain identifier");
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var rs = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
            if (!rs.next()) {
                statement.execute("create database " + database);
                log.info("Created database {}", database);
            }
            // roles are cluster-wide; V8 creates it too, but the pool's sessions need it before the migrations ran
            statement.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + APPLICATION_ROLE
                    + "') then create role " + APPLICATION_ROLE + " nologin; end if; end $$");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the embedded database", e);
        }
    }
}
