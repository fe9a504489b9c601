package org.ntmrecords.infra.tasks;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The list of tasks: {@code java -jar ntm-records.jar --help}. A new task is a class in this package, named here.
 * The process exits when the task is done: 0 on success, 1 when rows were rejected, the task failed or its arguments
 * are wrong ({@code verify-export}: 2), 2 for a task name that is not one of these.
 */
@Command(name = "java -jar ntm-records.jar",
        customSynopsis = {"java -jar ntm-records.jar [<task> [<arguments>...]] [--spring.property=value...]"},
        description = {
                "Without a task: runs the service. With one: runs it against the configured database and exits "
                        + "(with the service stopped when the database is the embedded one, which allows one process "
                        + "at a time). Spring properties (--name=value) may be given with any task.",
                "Exit codes: 0 done; 1 rows rejected, task failed or wrong arguments; 2 no such task."},
        commandListHeading = "%nTasks:%n",
        footer = {"", "java -jar ntm-records.jar help <task>, or <task> --help, for a task's arguments."},
        usageHelpAutoWidth = true,
        subcommands = {
                ImportUnitsTask.class,
                ImportValuesTask.class,
                RebuildReadModelTask.class,
                VerifyStoreTask.class,
                VerifyReadModelTask.class,
                ExportUnitHistoryTask.class,
                VerifyExportTask.class,
                ApplyReorganizationTask.class,
                HelpCommand.class})
public class NtmRecordsTasks implements Runnable {
    @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Lists the tasks.")
    boolean help;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** No task named: the launcher runs the service instead, so this only answers a direct call. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
