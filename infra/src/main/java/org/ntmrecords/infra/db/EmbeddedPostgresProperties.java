package org.ntmrecords.infra.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL that runs when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the database files live; kept between runs
 * @param port          TCP port on localhost; 0 picks a free one
 * @param database      the database created for the service
 */
@ConfigurationProperties("ntm.embedded-postgres")
public record EmbeddedPostgresProperties(String dataDirectory, Integer port, String database) {
    public EmbeddedPostgresProperties {
        dataDirectory = dataDirectory == null ? "data/postgres" : dataDirectory;
        port = port == null ? 0 : port;
        database = database == null ? "ntm" : database;
    }
}
