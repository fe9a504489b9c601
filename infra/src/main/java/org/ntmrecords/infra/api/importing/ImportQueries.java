package org.ntmrecords.infra.api.importing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ntmrecords.infra.api.Connection;
import org.ntmrecords.infra.api.Paging;
import org.ntmrecords.infra.importing.ImportRuns;
import org.ntmrecords.infra.importing.IndicatorValueCsvImport;
import org.ntmrecords.infra.importing.IndicatorValueCsvImport.Outcome;
import org.ntmrecords.infra.importing.IndicatorValueCsvImport.RowOutcome;
import org.ntmrecords.infra.security.NtmPrincipal;
import org.ntmrecords.query.common.Args;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import graphql.schema.DataFetchingEnvironment;

/** Imports uploaded over HTTP, as their runs stand: progress, then every row's outcome a page at a time. */
@Controller
public class ImportQueries {
    private final ImportRuns runs;
    private final Paging paging;

    public ImportQueries(ImportRuns runs, Paging paging) {
        this.runs = runs;
        this.paging = paging;
    }

    /** A run as the API shows it: read once per request from the run, which goes on changing while it runs. */
    public record RunView(String id, String startedBy, Instant startedAt, Instant finishedAt, boolean dryRun,
                          String fileName, long fileSize, String mediaType, String fileSha256,
                          ImportRuns.Status status, int done, int total, Integer recorded, Integer alreadyRecorded,
                          Integer refused, IndicatorValueCsvImport.Report report, ImportRuns.ImportRun run) {
        static RunView of(ImportRuns.ImportRun run) {
            IndicatorValueCsvImport.Report r = run.report();
            return new RunView(run.id(), run.startedBy(), run.startedAt(), run.finishedAt(), run.dryRun(),
                    run.fileName(), run.fileSize(), run.mediaType(), run.fileSha256(), run.status(), run.done(),
                    run.total(), r == null ? null : r.recorded(), r == null ? null : r.alreadyRecorded(),
                    r == null ? null : r.rejections().size(), r, run);
        }
    }

    /** A row as the API shows it. */
    public record RowView(int line, Outcome outcome, String unitCode, String setId, String valueId,
                          String indicatorCode, String value, LocalDate periodStart, LocalDate periodEnd,
                          String column, String code, String reason) {
    }

    @QueryMapping
    public RunView importRun(@Argument String id) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        NtmPrincipal reader = user != null && user.getPrincipal() instanceof NtmPrincipal p ? p : null;
        ImportRuns.ImportRun run = runs.find(Args.text("id", id), reader);
        return run == null ? null : RunView.of(run);
    }

    @SchemaMapping(typeName = "ImportRun", field = "summary")
    public String summary(RunView run, DataFetchingEnvironment env) {
        return run.report() == null ? null : run.report().summary(env.getLocale());
    }

    @SchemaMapping(typeName = "ImportRun", field = "messages")
    public List<String> messages(RunView run, DataFetchingEnvironment env) {
        return run.run().said().stream().map(m -> m.in(env.getLocale())).toList();
    }

    @SchemaMapping(typeName = "ImportRun", field = "warnings")
    public List<String> warnings(RunView run, DataFetchingEnvironment env) {
        return run.run().warnings().stream().map(m -> m.in(env.getLocale())).toList();
    }

    @SchemaMapping(typeName = "ImportRun", field = "failure")
    public String failure(RunView run, DataFetchingEnvironment env) {
        return run.run().failure() == null ? null : run.run().failure().in(env.getLocale());
    }

    /** The rows in file order after the cursor's line; the report's list is already in that order. */
    @SchemaMapping(typeName = "ImportRun", field = "rows")
    public Connection<RowView> rows(RunView run, @Argument Outcome outcome, @Argument Integer first,
                                    @Argument String after, DataFetchingEnvironment env) {
        Paging.PageRequest page = paging.request("importRows", first, after, null, null);
        if (run.report() == null) {
            return paging.connection(List.of(), page, row -> Map.of(), 0);
        }
        Long afterLine = page.longKey("line");
        List<RowOutcome> kept = run.report().outcomes().stream()
                .filter(row -> outcome == null || row.outcome() == outcome).toList();
        List<RowView> fetched = kept.stream().filter(row -> afterLine == null || row.line() > afterLine)
                .limit(page.size() + 1L).map(row -> view(row, env)).toList();
        return paging.connection(fetched, page, row -> Map.of("line", row.line()), kept.size());
    }

    private static RowView view(RowOutcome row, DataFetchingEnvironment env) {
        return new RowView(row.line(), row.outcome(), row.unitCode(), row.setId(), row.valueId(), row.indicatorCode(),
                row.value() == null ? null : row.value().display(),
                row.period() == null ? null : row.period().start(), row.period() == null ? null : row.period().end(),
                row.column(), row.code(), row.reason() == null ? null : row.reason().in(env.getLocale()));
    }
}
