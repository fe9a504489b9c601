package org.ntmrecords.infra.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
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
 *
 * <p>Every connection signs in with a password ({@code scram-sha-256} for every local and loopback connection; the
 * library's {@code trust} is replaced on first start). The superuser's password is made on first start and kept
 * beside the data directory, readable by the service's user only ({@code <data-directory>.superuser-password}); only
 * the migrations use it. The service's pool signs in as {@value #SERVICE_ROLE}, a login role that is no superuser,
 * cannot create roles or databases, and is a member of {@value #APPLICATION_ROLE} alone, with a new random password
 * at every start.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
public class EmbeddedPostgresConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    /** The role the service's sessions act as (created by migration V8). */
    public static final String APPLICATION_ROLE = "ntm_app";
    /** The login role of the service's pool. */
    public static final String SERVICE_ROLE = "ntm_service";
    private static final String HBA = """
            # Written by NTM Records (EmbeddedPostgresConfiguration): a password for every connection.
            local   all   all                 scram-sha-256
            host    all   all   127.0.0.1/32  scram-sha-256
            host    all   all   ::1/128       scram-sha-256
            """;

    /** The password the service's pool signs in with (new at every start). */
    public record ServiceCredentials(String username, String password) {
        @Override
        public String toString() {
            return "ServiceCredentials[" + username + "]";
        }
    }

    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        Path dataDirectory = Path.of(properties.dataDirectory()).toAbsolutePath();
        Files.createDirectories(dataDirectory);
        String superuserPassword = superuserPassword(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setConnectConfig("password", superuserPassword)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // stopped by this bean's close, after everything that uses the database: the library's own
                // shutdown hook would stop it while the event processors and the scheduler still run
                .setRegisterShutdownHook(false)
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
        requirePasswords(postgres, dataDirectory, superuserPassword);
        createDatabase(postgres, properties.database());
        return postgres;
    }

    /** The service role's password, set anew at every start (it is never written anywhere). */
    @Bean
    public ServiceCredentials serviceCredentials(EmbeddedPostgres postgres) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + SERVICE_ROLE
                    + "') then create role " + SERVICE_ROLE + " login; end if; end $$");
            statement.execute("alter role " + SERVICE_ROLE + " login nosuperuser nocreatedb nocreaterole noreplication "
                    + "nobypassrls inherit password '" + password + "'");
            statement.execute("grant " + APPLICATION_ROLE + " to " + SERVICE_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the service's database role", e);
        }
        return new ServiceCredentials(SERVICE_ROLE, password);
    }

    private static String superuserPassword(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".superuser-password");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Files.writeString(file, password + "\n", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions protect it
        }
        return password;
    }

    /**
     * Sets the superuser's password and replaces the library's {@code trust} authentication by passwords (on first
     * start, or on a data directory made before this was done), then reloads the configuration.
     */
    private static void requirePasswords(EmbeddedPostgres postgres, Path dataDirectory, String superuserPassword)
            throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        if (Files.exists(hba) && Files.readString(hba).equals(HBA)) {
            return;
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("alter role postgres password '" + superuserPassword + "'");
            Files.writeString(hba, HBA, StandardCharsets.US_ASCII);
            statement.execute("select pg_reload_conf()");
            log.info("Embedded PostgreSQL now requires a password for every connection");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot require passwords on the embedded database", e);
        }
    }

    /**
     * The service's pool on the embedded database; {@code spring.datasource.hikari.*} settings apply to it. Its
     * sessions act as {@value #APPLICATION_ROLE}: they may read and append events but not change or remove
     * them, by privilege as well as by trigger (migration V8). It signs in as {@value #SERVICE_ROLE}, which
     * cannot become a superuser nor switch triggers off.
     */
    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties,
                                       ServiceCredentials credentials) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setDriverClassName("org.postgresql.Driver");
        dataSource.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + properties.database());
        dataSource.setUsername(credentials.username());
        dataSource.setPassword(credentials.password());
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
