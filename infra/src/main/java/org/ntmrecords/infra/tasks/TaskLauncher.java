package org.ntmrecords.infra.tasks;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ntmrecords.infra.api.ApiText;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * Decides, before Spring starts, what {@code java -jar ntm-records.jar <arguments>} is: the service (no task word:
 * nothing but Spring's {@code --name=value} options), a task to run in the {@code task} profile, or something done
 * already — the task list or a task's help, a refusal (a word that names no task, a task's wrong arguments) or the
 * offline {@code verify-export}. A mistyped task never starts the service, nor a database.
 */
public final class TaskLauncher {
    /** What to do with the arguments; {@code exitCode} when {@link Kind#DONE}. */
    public record Launch(Kind kind, int exitCode) {
    }

    public enum Kind { SERVICE, TASK, DONE }

    /** Exit code of a word that names no task (picocli's usage error). */
    public static final int UNKNOWN_TASK = CommandLine.ExitCode.USAGE;

    private TaskLauncher() {
    }

    /**
     * The task's own arguments: every argument but Spring's options. Spring's options start with two dashes
     * ({@code --server.port=8081}, {@code --debug}); a task's only options of that shape are {@code --help},
     * {@code import-values}' {@code --encoding} and {@code --sheet}, and {@code --lang} with its value, which is moved last (it is the
     * task's option, and may be given before the task's name).
     */
    public static List<String> taskArguments(String... args) {
        List<String> words = new ArrayList<>();
        List<String> language = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals(TaskLanguage.OPTION)) {
                language.add(arg);
                if (i + 1 < args.length) {
                    language.add(args[++i]);
                }
            } else if (TaskLanguage.isOption(arg)) {
                language.add(arg);
            } else if (!arg.startsWith("--") || arg.equals("--help") || arg.equals(ImportValuesTask.ENCODING)
                    || arg.startsWith(ImportValuesTask.ENCODING + "=") || arg.equals(ImportValuesTask.SHEET)
                    || arg.startsWith(ImportValuesTask.SHEET + "=")) {
                words.add(arg);
            }
        }
        words.addAll(language);
        return words;
    }

    /** The arguments without the language option (the task list and {@code help} do not take it). */
    private static String[] withoutLanguage(List<String> words) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).equals(TaskLanguage.OPTION)) {
                i++;
            } else if (!TaskLanguage.isOption(words.get(i))) {
                kept.add(words.get(i));
            }
        }
        return kept.toArray(String[]::new);
    }

    public static Launch decide(String[] args) {
        return decide(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static Launch decide(String[] args, PrintWriter out, PrintWriter err) {
        List<String> words = taskArguments(args);
        Locale language = TaskLanguage.of(words);
        if (words.isEmpty() || words.get(0).startsWith("-") && !isHelp(words.get(0))) {
            return new Launch(Kind.SERVICE, 0);
        }
        CommandLine tasks = commandLine(new Declarations());
        tasks.setOut(out);
        tasks.setErr(err);
        String first = words.get(0);
        if (isHelp(first) || first.equals("help")) {
            return new Launch(Kind.DONE, tasks.execute(withoutLanguage(words)));
        }
        if (!tasks.getSubcommands().containsKey(first)) {
            err.println(ApiText.say(language, "tasks.unknown", first, String.join(", ", knownTasks(tasks))));
            List<String> suggestions = new UnmatchedArgumentException(tasks, List.of(first)).getSuggestions();
            if (!suggestions.isEmpty()) {
                err.println(ApiText.say(language, "tasks.didYouMean",
                        String.join(" " + ApiText.say(language, "tasks.or") + " ", suggestions)));
            }
            err.println(ApiText.say(language, "tasks.listHelp"));
            err.flush();
            return new Launch(Kind.DONE, UNKNOWN_TASK);
        }
        if (first.equals("verify-export")) {
            return new Launch(Kind.DONE, tasks.execute(words.toArray(String[]::new)));
        }
        // the task's help, and its arguments checked, without starting anything
        try {
            ParseResult parsed = tasks.parseArgs(words.toArray(String[]::new));
            ParseResult task = parsed.subcommand();
            if (task != null && task.isUsageHelpRequested()) {
                task.commandSpec().commandLine().usage(out);
                out.flush();
                return new Launch(Kind.DONE, task.commandSpec().exitCodeOnUsageHelp());
            }
        } catch (ParameterException e) {
            try {
                return new Launch(Kind.DONE, tasks.getParameterExceptionHandler().handleParseException(e,
                        words.toArray(String[]::new)));
            } catch (Exception unexpected) {
                err.println(e.getMessage());
                return new Launch(Kind.DONE, e.getCommandLine().getCommandSpec().exitCodeOnInvalidInput());
            }
        }
        return new Launch(Kind.TASK, 0);
    }

    /** The tasks by name, as the list shows them ({@code help} is not a task). */
    public static List<String> knownTasks(CommandLine tasks) {
        return tasks.getSubcommands().keySet().stream().filter(name -> !name.equals("help")).toList();
    }

    /** The tasks as picocli commands, each created by {@code factory}. */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        return new CommandLine(NtmRecordsTasks.class, factory).setCaseInsensitiveEnumValuesAllowed(true);
    }

    private static boolean isHelp(String word) {
        return word.equals("-h") || word.equals("--help");
    }

    /**
     * Creates a task without its services, to read its declaration (help) and check its arguments before Spring
     * starts; such an instance is never run. {@code verify-export} and picocli's own commands need no services.
     */
    static final class Declarations implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            Constructor<?>[] constructors = type.getConstructors();
            if (constructors.length == 1 && constructors[0].getParameterCount() > 0) {
                Object[] none = new Object[constructors[0].getParameterCount()];
                Class<?>[] parameterTypes = constructors[0].getParameterTypes();
                for (int i = 0; i < none.length; i++) {
                    if (parameterTypes[i].isPrimitive()) {
                        throw new IllegalStateException(type + " takes a primitive: give it a service instead");
                    }
                }
                return type.cast(constructors[0].newInstance(none));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
