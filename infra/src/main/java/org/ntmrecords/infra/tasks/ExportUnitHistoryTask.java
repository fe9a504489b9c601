package org.ntmrecords.infra.tasks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.api.ProjectionCatchUp;
import org.ntmrecords.infra.integrity.HistoryExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "export-unit-history", header = "Write a unit's history with its signed checkpoint to a file",
        exitCodeOnInvalidInput = 1,
        description = "Writes a unit's history with its signed checkpoint to a file, to be checked offline with "
                + "verify-export.")
public class ExportUnitHistoryTask implements Callable<Integer> {
    @Mixin
    TaskHelp help;

    @Mixin
    TaskLanguage language;

    @Parameters(index = "0", paramLabel = "<unit code>", description = "e.g. 30049")
    String unitCode;

    @Parameters(index = "1", paramLabel = "<file.json>", description = "where to write the export")
    Path file;

    private final HistoryExport export;
    private final ProjectionCatchUp catchUp;

    public ExportUnitHistoryTask(HistoryExport export, ProjectionCatchUp catchUp) {
        this.export = export;
        this.catchUp = catchUp;
    }

    @Override
    public Integer call() throws Exception {
        Locale lang = language.locale();
        catchUp.awaitEventsAfter(0, Duration.ofMinutes(10));
        String history;
        try {
            history = export.export(unitCode);
        } catch (HistoryExport.NothingToExport e) {
            TaskOutput.complain(lang, ApiText.of("integrity.nothingToExport", unitCode));
            return 1;
        }
        Files.writeString(file, history, StandardCharsets.UTF_8);
        TaskOutput.say(lang, ApiText.of("tasks.export.done", unitCode, file.toString()));
        return 0;
    }
}
