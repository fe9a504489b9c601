package org.ntmrecords.infra.tasks;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.projection.ReadModelRebuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "rebuild-read-model", header = "Empty the read tables and replay the event store into them",
        exitCodeOnInvalidInput = 1,
        description = "Empties the read tables and replays the event store into them (a query replica: its copy). "
                + "Exit code 1 when the replay did not complete.")
public class RebuildReadModelTask implements Callable<Integer> {
    @Mixin
    TaskHelp help;

    @Mixin
    TaskLanguage language;

    private final ReadModelRebuild rebuild;

    public RebuildReadModelTask(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Override
    public Integer call() {
        Locale lang = language.locale();
        TaskOutput.say(lang, ApiText.of("tasks.rebuild.start"));
        ReadModelRebuild.Result result = rebuild.rebuild(line -> TaskOutput.indented(lang, 1, line));
        System.out.println(result.summary(lang));
        return result.completed() ? 0 : 1;
    }
}
