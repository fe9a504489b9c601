package org.ntmrecords.infra.tasks;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.axon.ActingAs;
import org.ntmrecords.infra.axon.Actor;
import org.ntmrecords.infra.importing.CsvDialect;
import org.ntmrecords.infra.importing.IndicatorValueCsvImport;
import org.ntmrecords.infra.security.AccountLookup;
import org.ntmrecords.infra.security.NtmPrincipal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import-values",
        header = "Record indicator values from a CSV or an Excel workbook, as the system or as an account",
        exitCodeOnInvalidInput = 1,
        description = "Records indicator values on tracked scorecards from a CSV or an .xlsx workbook (told apart by "
                + "content; columns unit_code,set_id,value_id,indicator_code,period_start,period_end,kind,value,"
                + "source_agency,note), checked as the "
                + "recordIndicatorValue mutation checks them; a value id recorded already changes nothing. "
                + "Exit code 1 when a row was rejected.")
public class ImportValuesTask implements Callable<Integer>, StoreWritingTask {
    /** The file's encoding: a task option, not Spring's, though it has the shape of Spring's options. */
    public static final String ENCODING = "--encoding";
    /** The workbook's sheet: a task option, like {@link #ENCODING}. */
    public static final String SHEET = "--sheet";

    @Mixin
    TaskHelp help;

    @Mixin
    TaskLanguage language;

    @Option(names = ENCODING, paramLabel = "<charset>",
            description = "the file's encoding, e.g. UTF-8 or windows-1258 (default: UTF-8 with or without a "
                    + "byte-order mark, else Windows-1258 when its header then reads as the columns)")
    String encoding;

    @Option(names = SHEET, paramLabel = "<name>",
            description = "the sheet of an .xlsx workbook to read (default: its first sheet)")
    String sheet;

    @Parameters(index = "0", paramLabel = "<file>",
            description = "the values: a CSV (comma, semicolon or tab separated) or an Excel workbook (.xlsx)")
    Path file;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<account>",
            description = "the user name to import as, within its role and jurisdiction "
                    + "(default: the system task value-import)")
    String account;

    private final IndicatorValueCsvImport valueImport;
    private final AccountLookup accounts;

    public ImportValuesTask(IndicatorValueCsvImport valueImport, AccountLookup accounts) {
        this.valueImport = valueImport;
        this.accounts = accounts;
    }

    @Override
    public Integer call() throws Exception {
        Locale lang = language.locale();
        Actor actor = IndicatorValueCsvImport.ACTOR;
        if (account != null) {
            var found = accounts.find(account);
            if (found.isEmpty() || !found.get().enabled()) {
                TaskOutput.complain(lang, ApiText.of("tasks.importValues.noAccount", account));
                return 1;
            }
            NtmPrincipal p = found.get().principal();
            actor = new Actor(p.username(), p.role().name(), p.unitCode(), p.agencyId());
        }
        TaskOutput.say(lang, ApiText.of("tasks.importValues.start", file.toString(), actor.name()));
        try {
            Charset declared = encoding == null ? null : CsvDialect.charset(encoding);
            IndicatorValueCsvImport.Report report = valueImport.run(Files.readAllBytes(file),
                    String.valueOf(file.getFileName()), declared, sheet, ActingAs.Context.start(actor),
                    line -> System.out.println("  " + line.in(lang)));
            System.out.println(report.summary(lang));
            TaskOutput.printRejected(report.rejected(lang), lang);
            return report.rejected().isEmpty() ? 0 : 1;
        } catch (IndicatorValueCsvImport.Unreadable e) {
            // a file that is not in the import's shape: nothing was sent
            TaskOutput.complain(lang, ApiText.of("tasks.fileError", file.toString(), e.text()));
            return 1;
        }
    }
}
