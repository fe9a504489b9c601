package org.ntmrecords.infra.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ntmrecords.infra.NtmRecordsApplication;
import org.ntmrecords.infra.support.TestDatabases;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The whole service, started in the benchmark's JVM on a benchmark database (as the integration tests do). */
final class BenchService {
    static final String PASSWORD = "bench-password-2024";

    private BenchService() {
    }

    static ConfigurableApplicationContext start(TestDatabases.Database database, Path files, boolean demo,
                                                String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database.asService().url(),
                "--spring.datasource.username=" + database.asService().username(),
                "--spring.datasource.password=" + database.asService().password(),
                "--spring.datasource.hikari.maximum-pool-size=40",
                "--spring.flyway.url=" + database.url(),
                "--spring.flyway.user=" + database.username(),
                "--spring.flyway.password=" + database.password(),
                "--ntm.integrity.key-directory=" + files.resolve("keys"),
                "--ntm.integrity.witness.file=" + files.resolve("witness/checkpoints.jsonl"),
                "--ntm.evidence.directory=" + files.resolve("evidence"),
                "--ntm.demo.enabled=" + demo,
                "--ntm.security.seed-accounts.enabled=true",
                "--ntm.security.seed-accounts.password=" + PASSWORD,
                "--axon.update-check.disabled=true",
                "--logging.level.root=WARN",
                "--logging.level.ntm.security=ERROR",
                // the CRUD baseline puts JPA on the benchmark's class path; the service does not use it
                "--spring.autoconfigure.exclude=org.axonframework.springboot.autoconfig.XStreamAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration"));
        args.addAll(List.of(extra));
        return new SpringApplication(NtmRecordsApplication.class).run(args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
