package org.ntmrecords.infra.tasks;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.projection.ReadModelVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "verify-read-model", header = "Compare every read table with a replay of the event store",
        exitCodeOnInvalidInput = 1,
        description = "Compares every read table with a replay of the event store and lists each row served that "
                + "the events do not give; the read tables then hold the replay. Exit code 1 when they differed.")
public class VerifyReadModelTask implements Callable<Integer> {
    @Mixin
    TaskHelp help;

    @Mixin
    TaskLanguage language;

    private final ReadModelVerification verification;

    public VerifyReadModelTask(ReadModelVerification verification) {
        this.verification = verification;
    }

    @Override
    public Integer call() {
        Locale lang = language.locale();
        TaskOutput.say(lang, ApiText.of("tasks.verifyReadModel.start"));
        var result = verification.verify(line -> TaskOutput.indented(lang, 1, line));
        System.out.println(result.summary(lang));
        for (var difference : result.differences()) {
            TaskOutput.indented(lang, 1, ApiText.of("tasks.verifyReadModel.difference", difference.table(),
                    String.valueOf(difference.answers()), String.valueOf(difference.servedOnly()),
                    String.valueOf(difference.replayOnly())));
            difference.served().forEach(r -> TaskOutput.indented(lang, 2,
                    ApiText.of("tasks.verifyReadModel.served", String.valueOf(r))));
            difference.replayed().forEach(r -> TaskOutput.indented(lang, 2,
                    ApiText.of("tasks.verifyReadModel.replayed", String.valueOf(r))));
        }
        if (!result.differences().isEmpty()) {
            TaskOutput.indented(lang, 1, ApiText.of("tasks.verifyReadModel.replaced"));
        }
        return result.equal() ? 0 : 1;
    }
}
