package org.ntmrecords.infra.tasks;

import org.ntmrecords.infra.distribution.DeploymentRole;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/**
 * Runs the task the arguments name (the {@code task} profile, started by {@link TaskLauncher}); each task is created
 * by Spring (picocli's Spring factory) with the services it needs. The task's exit code is the process's.
 */
@Component
@Profile("task")
public class TaskRunner implements ApplicationRunner, ExitCodeGenerator {
    private final CommandLine.IFactory factory;
    private final DeploymentRole role;
    private int exitCode;

    public TaskRunner(CommandLine.IFactory factory, DeploymentRole role) {
        this.factory = factory;
        this.role = role;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        CommandLine tasks = TaskLauncher.commandLine(factory);
        tasks.setExecutionStrategy(parsed -> {
            CommandLine.ParseResult task = parsed.subcommand();
            if (task != null && role == DeploymentRole.QUERY && task.commandSpec().userObject() instanceof StoreWritingTask) {
                System.err.println(task.commandSpec().name() + " writes to (or checks the chain of) the event store: "
                        + "run it against the command process's database, not a query replica's copy");
                return 1;
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        exitCode = tasks.execute(TaskLauncher.taskArguments(arguments.getSourceArgs()).toArray(String[]::new));
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
