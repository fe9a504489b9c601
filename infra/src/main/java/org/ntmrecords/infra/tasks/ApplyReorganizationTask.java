package org.ntmrecords.infra.tasks;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.axon.ActingAs;
import org.ntmrecords.infra.importing.ReorganizationImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "apply-reorganization-2025", header = "Apply the 1 July 2025 reorganisation to the units held",
        exitCodeOnInvalidInput = 1,
        description = "Applies the 1 July 2025 reform (districts abolished, communes merged) to the units held in "
                + "the store; every mapping row is accounted for. Exit code 1 when a row was rejected.")
public class ApplyReorganizationTask implements Callable<Integer>, StoreWritingTask {
    @Mixin
    TaskHelp help;

    @Mixin
    TaskLanguage language;

    @Parameters(arity = "0..1", paramLabel = "<mapping.csv>",
            description = "old code to new code (default: the bundled data/units/mapping-2025.csv)")
    Path mapping;

    private final ReorganizationImport reorganization;

    public ApplyReorganizationTask(ReorganizationImport reorganization) {
        this.reorganization = reorganization;
    }

    @Override
    public Integer call() throws Exception {
        Locale lang = language.locale();
        TaskOutput.say(lang, ApiText.of("tasks.reorganization.start"));
        ReorganizationImport.Report report;
        if (mapping != null) {
            try (Reader reader = Files.newBufferedReader(mapping, StandardCharsets.UTF_8)) {
                report = reorganization.run(reader, ActingAs.Context.start(ReorganizationImport.ACTOR),
                        line -> System.out.println("  " + line.in(lang)));
            }
        } else {
            report = reorganization.runBundled(line -> System.out.println("  " + line.in(lang)));
        }
        System.out.println(report.summary(lang));
        TaskOutput.printRejected(report.rejected(lang), lang);
        return report.rejected().isEmpty() ? 0 : 1;
    }
}
