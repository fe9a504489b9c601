package org.ntmrecords.infra.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axonframework.util.MavenArtifactVersionResolver;
import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark suite (docs/benchmarks/README.md): {@code ./mvnw -Pbench -pl infra -am verify}. Never part of the
 * test run (its classes match no test pattern). Writes docs/benchmarks/latest.md and the raw numbers under
 * docs/benchmarks/raw/.
 */
public final class BenchmarkSuite {

    private BenchmarkSuite() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            // the service's threads would keep a failed run alive
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        // Maven passes -Dbench.args="quick write" as one argument: words may come in one or several
        String[] words = String.join(" ", args).trim().split("[\\s,]+");
        BenchConfig config = BenchConfig.of(words[0].isEmpty() ? "full" : words[0],
                java.util.Set.of(java.util.Arrays.copyOfRange(words, Math.min(1, words.length), words.length)));
        Report report = new Report();
        environment(report, config);
        Path work = Files.createTempDirectory("ntm-bench");
        try (BenchPostgres postgres = new BenchPostgres()) {
            report.environment("PostgreSQL", "embedded (zonky) " + postgres.setting("server_version") + ", fsync "
                    + postgres.setting("fsync") + ", synchronous_commit " + postgres.setting("synchronous_commit")
                    + ", shared_buffers " + postgres.setting("shared_buffers"));
            if (config.runs("startup")) {
                new StartupBenchmark(report).run(work);
            }
            if (config.runs("write") || config.runs("store")) {
                ConfigurableApplicationContext service = BenchService.start(postgres.database("bench_service"),
                        work.resolve("service"), true);
                try {
                    if (config.runs("write")) {
                        new WritePathBenchmark(config, report).run(service, postgres);
                    }
                    if (config.runs("store")) {
                        new StoreBenchmark(report).run(service, "the store after the write path");
                    }
                } finally {
                    service.close();
                }
            }
            if (config.runs("scale") || config.runs("import")) {
                new ScaleBenchmark(config, report, work).run(postgres);
            }
            if (config.runs("pages")) {
                new PageBenchmark(config, report).run(postgres, work);
            }
        }
        Path out = Path.of(config.reportable() ? "docs/benchmarks" : "infra/target/benchmarks");
        report.write(out);
        System.out.println("[bench] report written to " + out.resolve("latest.md"));
    }

    private static void environment(Report report, BenchConfig config) throws java.io.IOException {
        Runtime runtime = Runtime.getRuntime();
        report.environment("run", config.name() + " (" + config.rounds() + " rounds after a warm-up of "
                + config.warmupPerClient() + " operations per client, on the write path repeated for at least "
                + config.writeWarmup().toSeconds() + " s)");
        report.environment("machine", runtime.availableProcessors() + " cores, "
                + ManagementFactory.getOperatingSystemMXBean().getName() + " "
                + ManagementFactory.getOperatingSystemMXBean().getVersion() + ", "
                + System.getProperty("os.arch"));
        report.environment("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", heap max " + runtime.maxMemory() / (1024 * 1024) + " MB");
        report.environment("Spring Boot", SpringBootVersion.getVersion());
        report.environment("Axon Framework", new MavenArtifactVersionResolver("org.axonframework", "axon-messaging",
                BenchmarkSuite.class.getClassLoader()).get());
    }
}
