package org.ntmrecords.infra.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.NtmRecordsApplication;

/**
 * What {@code java -jar ntm-records.jar <arguments>} starts: the service for Spring's options alone, a task by its
 * name, and nothing at all for a word that names no task, a task's help or its wrong arguments. What a task prints is
 * in Vietnamese unless {@code --lang en}.
 */
class TaskLauncherTest {
    private static final List<String> TASKS = List.of("import-units", "import-values", "rebuild-read-model",
            "verify-store", "verify-read-model", "export-unit-history", "verify-export", "apply-reorganization-2025");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private TaskLauncher.Launch decide(String... args) {
        return TaskLauncher.decide(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aMistypedTaskIsRefusedWithTheListOfTasks() {
        TaskLauncher.Launch launch = decide("import-unit", "units.csv", "--server.port=0");
        assertThat(launch.kind()).isEqualTo(TaskLauncher.Kind.DONE);
        assertThat(launch.exitCode()).isEqualTo(TaskLauncher.UNKNOWN_TASK).isNotZero();
        assertThat(err.toString()).contains("Không có tác vụ 'import-unit'", "Có phải ý bạn là import-units")
                .contains(TASKS);
    }

    @Test
    void inEnglishOnRequest() {
        for (String[] args : List.of(new String[] {"import-unit", "units.csv", "--lang", "en"},
                new String[] {"--lang=en", "import-unit", "units.csv"}, new String[] {"--lang", "en", "import-unit"})) {
            err.getBuffer().setLength(0);
            assertThat(decide(args).exitCode()).isEqualTo(TaskLauncher.UNKNOWN_TASK);
            assertThat(err.toString()).contains("Unknown task 'import-unit'", "Did you mean import-units")
                    .contains(TASKS);
        }
        // the language option is the task's, wherever it is given; Spring's options are not
        assertThat(TaskLauncher.taskArguments("--lang", "en", "import-units", "--server.port=0", "u.csv"))
                .containsExactly("import-units", "u.csv", "--lang", "en");
        assertThat(decide("--lang", "en", "import-units", "u.csv").kind()).isEqualTo(TaskLauncher.Kind.TASK);
        assertThat(decide("import-values", "v.csv", "--lang=en").kind()).isEqualTo(TaskLauncher.Kind.TASK);
        // import-values' encoding is the task's too, in either shape
        assertThat(TaskLauncher.taskArguments("import-values", "--encoding=windows-1258", "--server.port=0", "v.csv"))
                .containsExactly("import-values", "--encoding=windows-1258", "v.csv");
        assertThat(decide("import-values", "--encoding", "windows-1258", "v.csv").kind())
                .isEqualTo(TaskLauncher.Kind.TASK);
        // and its sheet
        assertThat(TaskLauncher.taskArguments("import-values", "--sheet=Số liệu", "--server.port=0", "v.xlsx"))
                .containsExactly("import-values", "--sheet=Số liệu", "v.xlsx");
        assertThat(TaskLauncher.taskArguments("import-values", "--sheet", "Số liệu", "v.xlsx"))
                .containsExactly("import-values", "--sheet", "Số liệu", "v.xlsx");
        assertThat(decide("--help", "--lang", "en")).isEqualTo(new TaskLauncher.Launch(TaskLauncher.Kind.DONE, 0));
        assertThat(decide("--lang", "en").kind()).as("a language alone names no task").isEqualTo(TaskLauncher.Kind.SERVICE);
        assertThat(TaskLanguage.of(List.of("import-units", "--lang", "en"))).isEqualTo(java.util.Locale.ENGLISH);
        assertThat(TaskLanguage.of(List.of("import-units"))).isEqualTo(org.ntmrecords.events.common.Message.VIETNAMESE);
        assertThat(TaskLanguage.of(List.of("import-units", "--lang", "fr")))
                .as("a language not spoken: Vietnamese").isEqualTo(org.ntmrecords.events.common.Message.VIETNAMESE);
    }

    @Test
    void springOptionsAloneRunTheService() {
        assertThat(decide().kind()).isEqualTo(TaskLauncher.Kind.SERVICE);
        assertThat(decide("--server.port=8081", "--spring.profiles.active=query").kind())
                .isEqualTo(TaskLauncher.Kind.SERVICE);
        assertThat(decide("--debug").kind()).isEqualTo(TaskLauncher.Kind.SERVICE);
        assertThat(out.toString() + err).isEmpty();
    }

    @Test
    void aTaskRunsWithSpringOptionsBeforeOrAfterIt() {
        assertThat(decide("rebuild-read-model", "--spring.profiles.active=query").kind())
                .isEqualTo(TaskLauncher.Kind.TASK);
        assertThat(decide("--spring.profiles.active=query", "rebuild-read-model").kind())
                .isEqualTo(TaskLauncher.Kind.TASK);
        assertThat(decide("export-unit-history", "30049", "h.json").kind()).isEqualTo(TaskLauncher.Kind.TASK);
        assertThat(decide("verify-store").kind()).isEqualTo(TaskLauncher.Kind.TASK);
        assertThat(decide("verify-store", "a.jsonl", "b.jsonl").kind()).isEqualTo(TaskLauncher.Kind.TASK);
        assertThat(decide("import-values", "values.csv", "thapmuoi.tnmt").kind()).isEqualTo(TaskLauncher.Kind.TASK);
        assertThat(decide("apply-reorganization-2025").kind()).isEqualTo(TaskLauncher.Kind.TASK);
        assertThat(TaskLauncher.taskArguments("import-units", "--spring.datasource.url=jdbc:x", "u.csv"))
                .containsExactly("import-units", "u.csv");
    }

    @Test
    void helpListsEveryTaskAndEachTaskHasItsOwn() {
        assertThat(decide("--help")).isEqualTo(new TaskLauncher.Launch(TaskLauncher.Kind.DONE, 0));
        assertThat(out.toString()).contains(TASKS).contains("Exit codes");
        for (String task : TASKS) {
            out.getBuffer().setLength(0);
            assertThat(decide(task, "--help")).as(task).isEqualTo(new TaskLauncher.Launch(TaskLauncher.Kind.DONE, 0));
            assertThat(out.toString()).as(task).contains("Usage: java -jar ntm-records.jar " + task)
                    .contains("--lang=<vi|en>");
            out.getBuffer().setLength(0);
            assertThat(decide("help", task)).as(task).isEqualTo(new TaskLauncher.Launch(TaskLauncher.Kind.DONE, 0));
            assertThat(out.toString()).as(task).contains("Usage: java -jar ntm-records.jar " + task);
        }
        out.getBuffer().setLength(0);
        assertThat(decide("import-units", "-h").exitCode()).isZero();
        assertThat(out.toString()).contains("<file.csv>");
    }

    @Test
    void wrongArgumentsAreRefusedBeforeAnythingStarts() {
        assertThat(decide("import-units")).isEqualTo(new TaskLauncher.Launch(TaskLauncher.Kind.DONE, 1));
        assertThat(err.toString()).contains("Missing required parameter: '<file.csv>'");
        assertThat(decide("export-unit-history", "30049").exitCode()).isEqualTo(1);
        assertThat(decide("rebuild-read-model", "extra").exitCode()).isEqualTo(1);
        assertThat(decide("import-values", "v.csv", "someone", "more").exitCode()).isEqualTo(1);
        // verify-export keeps its own code for wrong arguments
        assertThat(decide("verify-export")).isEqualTo(new TaskLauncher.Launch(TaskLauncher.Kind.DONE, 2));
    }

    /** The real entry point in a JVM of its own: refused at once, and neither Spring nor a database started. */
    @Test
    void theApplicationRefusesAMistypedTaskWithoutStarting() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8",
                "-Dsun.stderr.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                NtmRecordsApplication.class.getName(), "verify-stroe", "--server.port=0")
                .redirectErrorStream(false).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits by itself").isTrue();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(TaskLauncher.UNKNOWN_TASK);
        assertThat(stderr).contains("Không có tác vụ 'verify-stroe'", "Có phải ý bạn là verify-store").contains(TASKS);
        assertThat(stdout + stderr).doesNotContain("Spring Boot", "Starting NtmRecordsApplication", "PostgreSQL");
    }
}
