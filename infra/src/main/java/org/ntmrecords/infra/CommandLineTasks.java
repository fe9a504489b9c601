package org.ntmrecords.infra;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.ntmrecords.infra.api.ProjectionCatchUp;
import org.ntmrecords.infra.axon.Actor;
import org.ntmrecords.infra.distribution.DeploymentRole;
import org.ntmrecords.infra.importing.IndicatorValueCsvImport;
import org.ntmrecords.infra.importing.ReorganizationImport;
import org.ntmrecords.infra.importing.UnitCsvImport;
import org.ntmrecords.infra.integrity.HistoryExport;
import org.ntmrecords.infra.integrity.StoreVerifier;
import org.ntmrecords.infra.projection.ReadModelRebuild;
import org.ntmrecords.infra.security.AccountLookup;
import org.ntmrecords.infra.security.NtmPrincipal;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Tasks run from the command line against the configured database, instead of the service:
 * <pre>
 *   java -jar ntm-records.jar import-units path/to/units.csv
 *   java -jar ntm-records.jar import-values path/to/values.csv [account]
 *   java -jar ntm-records.jar rebuild-read-model
 *   java -jar ntm-records.jar verify-read-model
 *   java -jar ntm-records.jar verify-store [saved-checkpoints.jsonl ...]
 *   java -jar ntm-records.jar export-unit-history 30049 history-30049.json
 *   java -jar ntm-records.jar apply-reorganization-2025 [mapping.csv]
 * </pre>
 * ({@code verify-export}, which needs no database, is run by {@link NtmRecordsApplication} without the service.)
 * The process exits when the task is done: 0 on success, 1 when rows were rejected or the task failed.
 */
@Component
@Profile("task")
public class CommandLineTasks implements ApplicationRunner, ExitCodeGenerator {
    static final Set<String> TASKS = Set.of("import-units", "import-values", "rebuild-read-model", "verify-store",
            "verify-read-model",
            "export-unit-history", "apply-reorganization-2025");
    /** Tasks a query replica refuses: its store is a copy of the topic (and carries no hash chain). */
    static final Set<String> WRITING_TASKS = Set.of("import-units", "import-values", "apply-reorganization-2025", "verify-store");

    private final UnitCsvImport unitImport;
    private final IndicatorValueCsvImport valueImport;
    private final AccountLookup accounts;
    private final ReadModelRebuild rebuild;
    private final org.ntmrecords.infra.projection.ReadModelVerification readModelVerification;
    private final StoreVerifier verifier;
    private final HistoryExport export;
    private final ProjectionCatchUp catchUp;
    private final ReorganizationImport reorganization;
    private final DeploymentRole role;
    private int exitCode;

    public CommandLineTasks(UnitCsvImport unitImport, IndicatorValueCsvImport valueImport, AccountLookup accounts,
                            ReadModelRebuild rebuild,
                            org.ntmrecords.infra.projection.ReadModelVerification readModelVerification,
                            StoreVerifier verifier,
                            HistoryExport export, ProjectionCatchUp catchUp, ReorganizationImport reorganization,
                            DeploymentRole role) {
        this.role = role;
        this.reorganization = reorganization;
        this.unitImport = unitImport;
        this.valueImport = valueImport;
        this.accounts = accounts;
        this.rebuild = rebuild;
        this.readModelVerification = readModelVerification;
        this.verifier = verifier;
        this.export = export;
        this.catchUp = catchUp;
    }

    static boolean isTask(String[] args) {
        return args.length > 0 && TASKS.contains(args[0]);
    }

    @Override
    public void run(ApplicationArguments arguments) throws Exception {
        var args = arguments.getNonOptionArgs();
        if (role == DeploymentRole.QUERY && WRITING_TASKS.contains(args.get(0))) {
            System.err.println(args.get(0) + " writes to (or checks the chain of) the event store: run it against the "
                    + "command process's database, not a query replica's copy");
            exitCode = 1;
            return;
        }
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
                    printRejected(report.rejected());
                    exitCode = report.rejected().isEmpty() ? 0 : 1;
                }
            }
            case "import-values" -> {
                if (args.size() < 2 || args.size() > 3) {
                    System.err.println("usage: import-values <file.csv> [account]");
                    exitCode = 1;
                    return;
                }
                Actor actor = IndicatorValueCsvImport.ACTOR;
                if (args.size() == 3) {
                    var account = accounts.find(args.get(2));
                    if (account.isEmpty() || !account.get().enabled()) {
                        System.err.println("no enabled account " + args.get(2) + " to import as");
                        exitCode = 1;
                        return;
                    }
                    NtmPrincipal p = account.get().principal();
                    actor = new Actor(p.username(), p.role().name(), p.unitCode(), p.agencyId());
                }
                Path file = Path.of(args.get(1));
                System.out.println("Importing indicator values from " + file + " as " + actor.name());
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    IndicatorValueCsvImport.Report report = valueImport.run(reader,
                            org.ntmrecords.infra.axon.ActingAs.Context.start(actor), System.out::println);
                    System.out.println(report.summary());
                    printRejected(report.rejected());
                    exitCode = report.rejected().isEmpty() ? 0 : 1;
                } catch (IllegalArgumentException e) {
                    // a file that is not in the import's shape: nothing was sent
                    System.err.println(file + ": " + e.getMessage());
                    exitCode = 1;
                }
            }
            case "rebuild-read-model" -> {
                System.out.println("Rebuilding the read tables from the event store");
                ReadModelRebuild.Result result = rebuild.rebuild(System.out::println);
                System.out.println(result.summary());
                exitCode = result.completed() ? 0 : 1;
            }
            case "verify-read-model" -> {
                System.out.println("Comparing every read table with a replay of the event store");
                var result = readModelVerification.verify(System.out::println);
                System.out.println(result.summary());
                for (var difference : result.differences()) {
                    System.out.println("  " + difference.table() + " (answers " + difference.answers() + "): "
                            + difference.servedOnly() + " row(s) served that the events do not give, "
                            + difference.replayOnly() + " row(s) the events give that were not served");
                    difference.served().forEach(r -> System.out.println("    served:   " + r));
                    difference.replayed().forEach(r -> System.out.println("    replayed: " + r));
                }
                if (!result.differences().isEmpty()) {
                    System.out.println("  the read tables now hold the replay");
                }
                exitCode = result.equal() ? 0 : 1;
            }
            case "verify-store" -> {
                // checkpoints the auditor saved earlier (one JSON document per line, as witnesses keep them)
                java.util.List<org.ntmrecords.infra.integrity.HashChain.Checkpoint> supplied = new java.util.ArrayList<>();
                for (String name : args.subList(1, args.size())) {
                    for (String line : Files.readAllLines(Path.of(name), StandardCharsets.UTF_8)) {
                        if (!line.isBlank()) {
                            try {
                                supplied.add(org.ntmrecords.infra.integrity.HashChain.Checkpoint.parse(line));
                            } catch (IllegalArgumentException e) {
                                System.err.println(name + ": " + e.getMessage());
                                exitCode = 1;
                                return;
                            }
                        }
                    }
                }
                System.out.println("Verifying the event store: seals, hash chain, checkpoints, witnesses"
                        + (supplied.isEmpty() ? "" : " and " + supplied.size() + " checkpoint(s) given"));
                long[] shown = {0};
                StoreVerifier.Report report = verifier.verify(p -> {
                    if (p.checked() - shown[0] >= 100_000 || p.checked() == p.total()) {
                        shown[0] = p.checked();
                        System.out.println("  checked " + p.checked() + " of " + p.total());
                    }
                });
                System.out.println(report.summary());
                report.witnessChecks().forEach(w -> System.out.println("  witness " + w.witness() + ": "
                        + w.checkpoints() + " checkpoint(s), newest link " + w.latestSeq()
                        + (w.consistent() ? ", held by the store" : ", NOT held by the store")));
                report.warnings().forEach(w -> System.out.println("  warning: " + w));
                report.problems().forEach(p -> System.out.println("  " + p.kind() + " at " + p.position() + ": " + p.detail()));
                exitCode = report.intact() ? 0 : 1;
            }
            case "export-unit-history" -> {
                if (args.size() != 3) {
                    System.err.println("usage: export-unit-history <unit code> <file.json>");
                    exitCode = 1;
                    return;
                }
                catchUp.awaitEventsAfter(0, Duration.ofMinutes(10));
                Path file = Path.of(args.get(2));
                Files.writeString(file, export.export(args.get(1)), StandardCharsets.UTF_8);
                System.out.println("Exported the history of " + args.get(1) + " to " + file
                        + "; check it with: java -jar ntm-records.jar verify-export " + file);
                exitCode = 0;
            }
            case "apply-reorganization-2025" -> {
                System.out.println("Applying the 1 July 2025 reorganisation to the units in the store");
                ReorganizationImport.Report report;
                if (args.size() == 2) {
                    try (Reader reader = Files.newBufferedReader(Path.of(args.get(1)), StandardCharsets.UTF_8)) {
                        report = reorganization.run(reader, org.ntmrecords.infra.axon.ActingAs.Context.start(
                                ReorganizationImport.ACTOR), System.out::println);
                    }
                } else {
                    report = reorganization.runBundled(System.out::println);
                }
                System.out.println(report.summary());
                printRejected(report.rejected());
                exitCode = report.rejected().isEmpty() ? 0 : 1;
            }
            default -> exitCode = 1;
        }
    }

    /** The first 50 refusals with their line or unit, and how many more there are (the summary counts them all). */
    private static void printRejected(java.util.List<String> rejected) {
        rejected.stream().limit(50).forEach(r -> System.out.println("  rejected " + r));
        if (rejected.size() > 50) {
            System.out.println("  … and " + (rejected.size() - 50) + " more rejected");
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
