package org.ntmrecords.infra;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.ntmrecords.infra.importing.UnitCsvImport;
import org.ntmrecords.infra.projection.ReadModelRebuild;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Tasks run from the command line against the configured database, instead of the service:
 * <pre>
 *   java -jar ntm-records.jar import-units path/to/units.csv
 *   java -jar ntm-records.jar rebuild-read-model
 * </pre>
 * The process exits when the task is done: 0 on success, 1 when rows were rejected or the task failed.
 */
@Component
@Profile("task")
public class CommandLineTasks implements ApplicationRunner, ExitCodeGenerator {
    static final Set<String> TASKS = Set.of("import-units", "rebuild-read-model");

    private final UnitCsvImport unitImport;
    private final ReadModelRebuild rebuild;
    private int exitCode;

    public CommandLineTasks(UnitCsvImport unitImport, ReadModelRebuild rebuild) {
        this.unitImport = unitImport;
        this.rebuild = rebuild;
    }

    static boolean isTask(String[] args) {
        return args.length > 0 && TASKS.contains(args[0]);
    }

    @Override
    public void run(ApplicationArguments arguments) throws Exception {
        var args = arguments.getNonOptionArgs();
        switch (args.get(0)) {
            case "import-units" -> {
                if (args.size() != 2) {
                    System.err.println("usage: import-units <file.csv>");
                    exitCode = 1;
                    return;
                }
                Path file = Path.of(args.get(1));
                System.out.println("Importing units from " + file);
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    UnitCsvImport.Report report = unitImport.run(reader, file.getFileName().toString(),
                            System.out::println);
                    System.out.println(report.summary());
                    report.rejected().stream().limit(50).forEach(r -> System.out.println("  rejected " + r));
                    exitCode = report.rejected().isEmpty() ? 0 : 1;
                }
            }
            case "rebuild-read-model" -> {
                System.out.println("Rebuilding the read tables from the event store");
                ReadModelRebuild.Result result = rebuild.rebuild(System.out::println);
                System.out.println(result.summary());
                exitCode = result.completed() ? 0 : 1;
            }
            default -> exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
