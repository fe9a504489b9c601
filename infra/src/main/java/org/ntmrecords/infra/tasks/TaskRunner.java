package org.ntmrecords.infra.tasks;

import java.util.List;
import java.util.Locale;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.distribution.DeploymentRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);

    private final CommandLine.IFactory factory;
    private final DeploymentRole role;
    private int exitCode;

    public TaskRunner(CommandLine.IFactory factory, DeploymentRole role) {
        this.factory = factory;
        this.role = role;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<String> words = TaskLauncher.taskArguments(arguments.getSourceArgs());
        Locale language = TaskLanguage.of(words);
        CommandLine tasks = TaskLauncher.commandLine(factory);
        tasks.setExecutionStrategy(parsed -> {
            CommandLine.ParseResult task = parsed.subcommand();
            if (task != null && role == DeploymentRole.QUERY && task.commandSpec().userObject() instanceof StoreWritingTask) {
                System.err.println(ApiText.say(language, "tasks.replica", task.commandSpec().name()));
                return 1;
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        // a task that fails says so in a line in its language; the exception, for operators, goes to the log
        tasks.setExecutionExceptionHandler((failure, task, parsed) -> {
            log.error("task {} failed", task.getCommandName(), failure);
            task.getErr().println(ApiText.say(language, "tasks.failed", task.getCommandName(),
                    String.valueOf(failure.getMessage())));
            return 1;
        });
        exitCode = tasks.execute(words.toArray(String[]::new));
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
