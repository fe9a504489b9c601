package org.ntmrecords.infra.api.importing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ntmrecords.infra.api.Connection;
import org.ntmrecords.infra.api.Paging;
import org.ntmrecords.infra.importing.ImportRuns;
import org.ntmrecords.infra.importing.IndicatorValueCsvImport.Outcome;
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
                          Integer refused, String kind, ImportRuns.Result result, ImportRuns.ImportRun run) {
        static RunView of(ImportRuns.ImportRun run) {
            // the status first: the run sets its result and end before it says DONE, so a DONE read first is always
            // seen with them (read the other way round, a run ending in between was shown DONE without its summary,
            // and the page, seeing it done, stopped asking)
            ImportRuns.Status status = run.status();
            ImportRuns.Result r = run.result();
            return new RunView(run.id(), run.startedBy(), run.startedAt(), run.finishedAt(), run.dryRun(),
                    run.fileName(), run.fileSize(), run.mediaType(), run.fileSha256(), status, run.done(),
                    run.total(), r == null ? null : r.recorded(), r == null ? null : r.alreadyRecorded(),
                    r == null ? null : r.refused(), run.kind(), r, run);
        }
    }

    /** A row as the API shows it. */
    public record RowView(int line, String sheet, String kind, Outcome outcome, String unitCode, String setId,
                          String valueId, String recordId, String indicatorCode, String value, LocalDate periodStart,
                          LocalDate periodEnd, String column, String code, String reason, List<String> events) {
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
        return run.result() == null ? null : run.result().summary().in(env.getLocale());
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
        if (run.result() == null) {
            return paging.connection(List.of(), page, row -> Map.of(), 0);
        }
        // rows in file order (sheet by sheet): the cursor holds the row's place in that order
        Long from = page.longKey("at");
        List<ImportRuns.ImportedRow> all = run.result().rows();
        List<Integer> kept = new java.util.ArrayList<>();
        for (int at = 0; at < all.size(); at++) {
            if (outcome == null || all.get(at).outcome() == outcome) {
                kept.add(at);
            }
        }
        List<Integer> fetched = kept.stream().filter(at -> from == null || at > from).limit(page.size() + 1L)
                .toList();
        Connection<Integer> places = paging.connection(fetched, page, at -> Map.of("at", at), kept.size());
        return new Connection<>(places.edges().stream().map(edge -> new Connection.Edge<>(edge.cursor(),
                view(all.get(edge.node()), env))).toList(), places.pageInfo(), places.totalCount());
    }

    private static RowView view(ImportRuns.ImportedRow row, DataFetchingEnvironment env) {
        return new RowView(row.line(), row.sheet(), row.kind(), row.outcome(), row.unitCode(), row.setId(),
                "values".equals(row.kind()) ? row.recordId() : null, row.recordId(), row.indicatorCode(), row.value(),
                row.periodStart(), row.periodEnd(), row.column(), row.code(),
                row.reason() == null ? null : row.reason().in(env.getLocale()), row.events());
    }
}
