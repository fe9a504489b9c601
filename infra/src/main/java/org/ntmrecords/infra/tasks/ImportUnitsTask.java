package org.ntmrecords.infra.tasks;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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

    @Parameters(paramLabel = "<file.csv>", description = "the units, e.g. units-2024.csv")
    Path file;

    private final UnitCsvImport unitImport;

    public ImportUnitsTask(UnitCsvImport unitImport) {
        this.unitImport = unitImport;
    }

    @Override
    public Integer call() throws Exception {
        System.out.println("Importing units from " + file);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            UnitCsvImport.Report report = unitImport.run(reader, file.getFileName().toString(), System.out::println);
            System.out.println(report.summary());
            TaskOutput.printRejected(report.rejected());
            return report.rejected().isEmpty() ? 0 : 1;
        }
    }
}
