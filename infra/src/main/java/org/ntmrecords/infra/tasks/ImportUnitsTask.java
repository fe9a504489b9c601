package org.ntmrecords.infra.tasks;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.importing.UnitCsvImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "import-units", header = "Register and update units from a CSV (the GSO list's shape), with progress",
        exitCodeOnInvalidInput = 1,
        description = "Registers and updates units from a CSV in the GSO list's shape "
                + "(code,name,kind,parent_code,full_name[,state_as_of]), level by level, with progress; "
                + "re-running it changes nothing. Exit code 1 when a row was rejected.")
public class ImportUnitsTask implements Callable<Integer>, StoreWritingTask {
    @Mixin
    TaskHelp help;

    @Mixin
    TaskLanguage language;

    @Parameters(paramLabel = "<file.csv>", description = "the units, e.g. units-2024.csv")
    Path file;

    private final UnitCsvImport unitImport;

    public ImportUnitsTask(UnitCsvImport unitImport) {
        this.unitImport = unitImport;
    }

    @Override
    public Integer call() throws Exception {
        Locale lang = language.locale();
        TaskOutput.say(lang, ApiText.of("tasks.importUnits.start", file.toString()));
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            UnitCsvImport.Report report = unitImport.run(reader, file.getFileName().toString(),
                    line -> System.out.println("  " + line.in(lang)));
            System.out.println(report.summary(lang));
            TaskOutput.printRejected(report.rejected(lang), lang);
            return report.rejected().isEmpty() ? 0 : 1;
        }
    }
}
