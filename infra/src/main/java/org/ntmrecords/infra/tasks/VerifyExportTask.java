package org.ntmrecords.infra.tasks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ntmrecords.infra.integrity.ExportVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Offline: run by the launcher without Spring, no service and no database. */
@Command(name = "verify-export", header = "Check an exported history offline: no service, no database",
        exitCodeOnInvalidInput = 2,
        description = "Offline, with no service and no database: checks an export of a unit's history "
                + "(export-unit-history, or the unitHistoryExport query) against its signed checkpoint, complete. "
                + "Exit code 0 INTACT, 1 BROKEN, 2 wrong arguments.")
public class VerifyExportTask implements Callable<Integer> {
    @Mixin
    TaskHelp help;

    @Mixin
    TaskLanguage language;

    @Parameters(index = "0", paramLabel = "<export.json>", description = "the export")
    Path export;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "<public-key.pem>",
            description = "the checkpoint keys obtained separately, one file per key generation (integrityKeyGenerations);"
                    + " the checkpoint must be signed by one of them (default: the key the export carries, to "
                    + "compare by its keyId)")
    List<Path> publicKeys;

    @Override
    public Integer call() throws Exception {
        List<String> args = new ArrayList<>(List.of(export.toString()));
        if (publicKeys != null) {
            publicKeys.forEach(key -> args.add(key.toString()));
        }
        return ExportVerifier.run(args, language.locale());
    }
}
