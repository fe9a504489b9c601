package org.ntmrecords.infra.importing;

import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.scorecard.RecordIndicatorValueCommand;
import org.ntmrecords.command.scorecard.RecordIndicatorValuesCommand;
import org.ntmrecords.command.scorecard.ValuesOutcome;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.Period;
import org.ntmrecords.events.scorecard.ScorecardId;
import org.ntmrecords.events.scorecard.ValueKind;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.axon.ActingAs;
import org.ntmrecords.infra.axon.Actor;
import org.ntmrecords.query.scorecard.IndicatorEntryView;
import org.ntmrecords.query.scorecard.StandingReadRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Imports indicator values from a CSV ({@code unit_code, set_id, value_id, indicator_code, period_start,
 * period_end, kind, value, source_agency, note}; docs in the README) or an Excel workbook with those columns
 * ({@link ValueWorkbook}), as Excel writes it in Việt Nam: UTF-8 with or
 * without a byte-order mark or Windows-1258, commas, semicolons or tabs ({@link CsvDialect}), decimal commas, dd/mm/yyyy
 * and months ({@link VietnameseCells}; the rules in {@code docs/import-formats.md}). The rows of one scorecard are sent in
 * order as {@link RecordIndicatorValuesCommand}s of up to {@code ntm.import.values-per-command} values, each one
 * transaction that records its values and then judges the indicators it touched once; scorecards are imported
 * several at a time ({@code ntm.import.threads}). A row whose value id is recorded already is counted as such and
 * changes nothing, so a file can be imported again; a row that fails its checks is reported with its line and
 * stores nothing; the other rows are recorded.
 */
@Component
public class IndicatorValueCsvImport {
    public static final Actor ACTOR = Actor.system("value-import");
    static final List<String> COLUMNS = List.of("unit_code", "set_id", "value_id", "indicator_code",
            "period_start", "period_end", "kind", "value", "source_agency", "note");
    /** The columns a file must have (the others may be left out). */
    static final List<String> REQUIRED = COLUMNS.subList(0, 8);

    private final CommandGateway commands;
    private final int threads;
    private final int valuesPerCommand;
    private final long maxWorkbookBytes;
    private final org.springframework.beans.factory.ObjectProvider<StandingReadRepository> recorded;

    public IndicatorValueCsvImport(CommandGateway commands,
                                   org.springframework.beans.factory.ObjectProvider<StandingReadRepository> recorded,
                                   @Value("${ntm.import.threads:4}") int threads,
                                   @Value("${ntm.import.values-per-command:500}") int valuesPerCommand,
                                   @Value("${ntm.import.max-workbook-size:20MB}") String maxWorkbookSize) {
        if (threads < 1 || valuesPerCommand < 1 || valuesPerCommand > RecordIndicatorValuesCommand.MAX_VALUES) {
            throw new IllegalArgumentException("ntm.import.threads must be ≥ 1 and ntm.import.values-per-command 1 to "
                    + RecordIndicatorValuesCommand.MAX_VALUES);
        }
        this.commands = commands;
        this.recorded = recorded;
        this.threads = threads;
        this.valuesPerCommand = valuesPerCommand;
        this.maxWorkbookBytes = org.springframework.util.unit.DataSize.parse(maxWorkbookSize).toBytes();
    }

    /** One row of the file: the value it records, or why it could not be read (and in which column, when one). */
    record Row(int line, String scorecardId, RecordIndicatorValueCommand value, String column, Message problem) {
    }

    /** What became of a row: recorded, recorded already, refused, or (in a dry run) to be recorded. */
    public enum Outcome { RECORDED, WOULD_RECORD, ALREADY_RECORDED, REFUSED }

    /**
     * One row's outcome, by its line in the file: what it records (null parts where the row could not be read) and,
     * when refused, the column at fault (null when the row as a whole is) and the rejection code and reason.
     */
    public record RowOutcome(int line, Outcome outcome, String unitCode, String setId, String valueId,
                             String indicatorCode, IndicatorValue value, Period period, String column, String code,
                             Message reason) {
        static RowOutcome of(Row row, Outcome outcome) {
            RecordIndicatorValueCommand v = row.value();
            return new RowOutcome(row.line(), outcome, ScorecardId.unitCodeOf(row.scorecardId()),
                    ScorecardId.setIdOf(row.scorecardId()), v.valueId(), v.indicatorCode(), v.value(), v.period(),
                    null, null, null);
        }

        RowOutcome refused(String code, String column, Message reason) {
            return new RowOutcome(line, Outcome.REFUSED, unitCode, setId, valueId, indicatorCode, value, period,
                    column, code, reason);
        }

        static RowOutcome unreadable(Row row) {
            return new RowOutcome(row.line(), Outcome.REFUSED, null, null, null, null, null, null, row.column(),
                    "UNREADABLE", row.problem());
        }
    }

    /**
     * Says how an import goes: every message a run says ({@link #accept}), and the rows settled so far of all it read
     * ({@link #counted}), after each batch.
     */
    public interface Progress extends Consumer<Message> {
        default void counted(int done, int total) {
        }

        static Progress of(Consumer<Message> said) {
            return said::accept;
        }
    }

    /**
     * A file or a value that cannot be read as the import reads it, said in the reader's language ({@link #text()});
     * its message is the English.
     */
    public static class Unreadable extends IllegalArgumentException {
        private final transient Message text;

        private final String column;

        Unreadable(Message text) {
            this(null, text);
        }

        Unreadable(String column, Message text) {
            super(text.toString());
            this.column = column;
            this.text = text;
        }

        public Message text() {
            return text;
        }

        /** The column at fault, as the file's header names it; null when it is the file or the row as a whole. */
        public String column() {
            return column;
        }
    }

    /**
     * What an import did. Every row is counted once: recorded, recorded already (its value id was, so it changed
     * nothing) or rejected (with its line and why: unreadable, refused by the checks, or on a scorecard not tracked);
     * the counts add up to {@code rows}. Its words are said in the reader's language: {@link #summary(Locale)},
     * {@link #rejected(Locale)}; in English without one (logs).
     */
    public record Report(int rows, int recorded, int alreadyRecorded, List<Message> rejections, Duration elapsed,
                         boolean dryRun, List<RowOutcome> outcomes) {
        /** The rows counted under one outcome or another: always {@link #rows()}. */
        public int accounted() {
            return recorded + alreadyRecorded + rejections.size();
        }

        /** Each row rejected, with its line and why, in English. */
        public List<String> rejected() {
            return rejected(Locale.ENGLISH);
        }

        public List<String> rejected(Locale locale) {
            return ImportSupport.in(rejections, locale);
        }

        public String summary() {
            return summary(Locale.ENGLISH);
        }

        public String summary(Locale locale) {
            return ApiText.say(locale, dryRun ? "import.values.drySummary" : "import.values.summary", String.valueOf(rows), ImportSupport.seconds(elapsed),
                    ImportSupport.rate(rows, elapsed), String.valueOf(recorded), String.valueOf(alreadyRecorded),
                    String.valueOf(rejections.size()));
        }
    }

    /** Imports as the value-import task. */
    public Report run(Reader csv, Consumer<Message> progress) throws IOException {
        return run(csv, ActingAs.Context.start(ACTOR), progress);
    }

    /**
     * Imports text read already (a leading byte-order mark is left out), as part of the given run (its actor and
     * correlation id go on every event); comma, semicolon or tab separated ({@link CsvDialect#delimiter}).
     */
    public Report run(Reader csv, ActingAs.Context task, Consumer<Message> progress) throws IOException {
        java.io.StringWriter text = new java.io.StringWriter();
        csv.transferTo(text);
        String all = CsvDialect.withoutMark(text.toString());
        return run(all, CsvDialect.delimiter(CsvDialect.headerLine(all), REQUIRED), task, progress);
    }

    /**
     * Imports a file's bytes, in the {@code declared} charset or, when null, the one {@link CsvDialect#read} finds
     * (UTF-8 with or without a byte-order mark, else Windows-1258); the encoding and delimiter read are said first.
     */
    public Report run(byte[] file, java.nio.charset.Charset declared, ActingAs.Context task,
                      Consumer<Message> progress) throws IOException {
        CsvDialect.Decoded decoded = CsvDialect.read(file, declared, REQUIRED);
        progress.accept(decoded.dialect().said());
        return run(decoded.text(), decoded.dialect().delimiter(), task, progress);
    }

    /**
     * Imports a file by what it holds, not by its name: an Excel workbook (a zip, {@code PK}: {@link ValueWorkbook},
     * its first sheet or the one named {@code sheet}) or else a CSV (as {@link #run(byte[], java.nio.charset.Charset,
     * ActingAs.Context, Consumer)} reads it). A file named as a workbook that is not one, an Excel 97-2003 or
     * password-protected file, and a sheet named for a CSV are refused before anything is sent.
     */
    public Report run(byte[] file, String name, java.nio.charset.Charset declared, String sheet,
                      ActingAs.Context task, Consumer<Message> progress) throws IOException {
        return run(file, name, declared, sheet, false, task, Progress.of(progress));
    }

    /**
     * Imports a file as {@link #run(byte[], String, java.nio.charset.Charset, String, ActingAs.Context, Consumer)}
     * does or, with {@code dryRun}, checks every row by the same rules against the record as it stands and says what
     * would be recorded, storing nothing.
     */
    public Report run(byte[] file, String name, java.nio.charset.Charset declared, String sheet, boolean dryRun,
                      ActingAs.Context task, Progress progress) throws IOException {
        return record(read(file, name, declared, sheet, progress), dryRun, task, progress, null);
    }

    /** A file read whole and found readable: its rows, ready to be recorded (or checked) by {@link #record}. */
    public static final class Parsed {
        private final List<Row> rows;
        private final long started;

        private Parsed(List<Row> rows, long started) {
            this.rows = rows;
            this.started = started;
        }

        /** The rows to record or refuse (a template's rows left unfilled are none). */
        public int rowCount() {
            return (int) rows.stream().filter(java.util.Objects::nonNull).count();
        }
    }

    /**
     * Reads a file by what it holds, not by its name: an Excel workbook (a zip, {@code PK}: {@link ValueWorkbook}, its
     * first sheet or the one named {@code sheet}) or else a CSV (in the {@code declared} charset or the one
     * {@link CsvDialect#read} finds). A file of the wrong shape (no header with the columns, an Excel 97-2003 or
     * password-protected file, a file named as a workbook that is not one, a sheet named for a CSV) is refused here
     * ({@link Unreadable}), before anything is stored or sent; a row that cannot be read is kept with its reason.
     */
    public Parsed read(byte[] file, String name, java.nio.charset.Charset declared, String sheet,
                       Consumer<Message> progress) throws IOException {
        long started = System.nanoTime();
        if (ValueWorkbook.isZip(file)) {
            ValueWorkbook.Read read = ValueWorkbook.read(file, sheet, maxWorkbookBytes);
            progress.accept(ApiText.of("import.xlsx.reading", read.sheet()));
            return new Parsed(read.rows(), started);
        }
        ValueWorkbook.refuseOtherOffice(file, name);
        if (sheet != null) {
            throw new Unreadable(ApiText.of("import.xlsx.sheetOfCsv", sheet));
        }
        CsvDialect.Decoded decoded = CsvDialect.read(file, declared, REQUIRED);
        progress.accept(decoded.dialect().said());
        return new Parsed(read(new java.io.StringReader(decoded.text()), decoded.dialect().delimiter()), started);
    }

    /**
     * Records (or, with {@code dryRun}, checks) the rows of a file read by {@link #read}. {@code mayNot}, when given,
     * says why the sender may not record a value (null when it may), so that a row the sender may not record is
     * refused alone instead of with its batch.
     */
    public Report record(Parsed parsed, boolean dryRun, ActingAs.Context task, Progress progress,
                         java.util.function.Function<RecordIndicatorValueCommand, Message> mayNot) {
        return run(parsed.rows, parsed.started, dryRun, task, progress, mayNot);
    }

    private Report run(String csv, char delimiter, ActingAs.Context task, Consumer<Message> progress)
            throws IOException {
        long started = System.nanoTime();
        return run(read(new java.io.StringReader(csv), delimiter), started, false, task, Progress.of(progress), null);
    }

    /** Records rows read already, from a CSV or a workbook: the same checks, batches and report for both. */
    private Report run(List<Row> read, long started, boolean dryRun, ActingAs.Context task, Progress progress,
                       java.util.function.Function<RecordIndicatorValueCommand, Message> mayNot) {
        // a template's row left unfilled (nothing but its codes and kind) is not a row to record
        List<Row> rows = read.stream().filter(java.util.Objects::nonNull).toList();
        List<Rejection> rejected = Collections.synchronizedList(new ArrayList<>());
        List<RowOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Map<String, List<Row>> byScorecard = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.problem() != null) {
                rejected.add(new Rejection(row.line(), ApiText.of("import.line", String.valueOf(row.line()),
                        row.problem())));
                outcomes.add(RowOutcome.unreadable(row));
            } else {
                byScorecard.computeIfAbsent(row.scorecardId(), k -> new ArrayList<>()).add(row);
            }
        }
        AtomicInteger recorded = new AtomicInteger();
        AtomicInteger already = new AtomicInteger();
        AtomicInteger done = new AtomicInteger(rejected.size());
        AtomicInteger batches = new AtomicInteger();
        String run = task.correlationId().replaceAll("[^A-Za-z0-9]", "");
        String importId = "import-" + run.substring(0, Math.min(12, run.length()));
        List<Callable<Void>> tasks = new ArrayList<>();
        for (Map.Entry<String, List<Row>> scorecard : byScorecard.entrySet()) {
            // one task per scorecard: its rows stay in file order
            tasks.add(() -> {
                List<Row> all = scorecard.getValue();
                for (int from = 0; from < all.size(); from += valuesPerCommand) {
                    List<Row> chunk = all.subList(from, Math.min(all.size(), from + valuesPerCommand));
                    String batchId = importId + "-" + batches.incrementAndGet();
                    List<Row> allowed = chunk;
                    if (mayNot != null) {
                        allowed = new ArrayList<>();
                        for (Row row : chunk) {
                            Message why = mayNot.apply(row.value());
                            if (why == null) {
                                allowed.add(row);
                            } else {
                                rejected.add(new Rejection(row.line(), refused(row, "NOT_ALLOWED", null, why)));
                                outcomes.add(RowOutcome.of(row, Outcome.REFUSED).refused("NOT_ALLOWED", null, why));
                            }
                        }
                    }
                    if (!allowed.isEmpty()) {
                        send(task, scorecard.getKey(), batchId, allowed, dryRun, recorded, already, rejected,
                                outcomes);
                    }
                    int n = done.addAndGet(chunk.size());
                    progress.counted(n, rows.size());
                    if (n / 10_000 != (n - chunk.size()) / 10_000) {
                        progress.accept(ImportSupport.progress(n, rows.size(), started));
                    }
                }
                return null;
            });
        }
        progress.counted(done.get(), rows.size());
        ImportSupport.runAll(threads, tasks);
        List<Message> byLine = rejected.stream().sorted(Comparator.comparingInt(Rejection::line))
                .map(Rejection::text).toList();
        List<RowOutcome> inOrder = new ArrayList<>(outcomes);
        inOrder.sort(Comparator.comparingInt(RowOutcome::line));
        return new Report(rows.size(), recorded.get(), already.get(), byLine,
                Duration.ofNanos(System.nanoTime() - started), dryRun, List.copyOf(inOrder));
    }

    /** A row not recorded, with its line and why. */
    private record Rejection(int line, Message text) {
    }

    private void send(ActingAs.Context task, String scorecardId, String batchId, List<Row> chunk, boolean dryRun,
                      AtomicInteger recorded, AtomicInteger already, List<Rejection> rejected,
                      List<RowOutcome> outcomes) {
        try {
            ValuesOutcome outcome = ActingAs.call(task, () -> commands.sendAndWait(new RecordIndicatorValuesCommand(
                    scorecardId, batchId, chunk.stream().map(Row::value).toList(), dryRun)));
            recorded.addAndGet(outcome.recorded().size());
            Set<String> done = new java.util.HashSet<>(outcome.alreadyRecorded());
            // one id per row the scorecard found recorded already; those holding another value are refused instead
            Map<Row, Message> conflicts = conflicts(scorecardId, chunk, done);
            already.addAndGet(outcome.alreadyRecorded().size() - conflicts.size());
            Map<Integer, ValuesOutcome.RejectedValue> refusedAt = new java.util.HashMap<>();
            for (ValuesOutcome.RejectedValue value : outcome.rejected()) {
                Row row = chunk.get(value.index());
                refusedAt.put(value.index(), value);
                rejected.add(new Rejection(row.line(), refused(row, value.code().name(), value.field(), value.text())));
            }
            for (int i = 0; i < chunk.size(); i++) {
                Row row = chunk.get(i);
                ValuesOutcome.RejectedValue refusal = refusedAt.get(i);
                RowOutcome base = RowOutcome.of(row, dryRun ? Outcome.WOULD_RECORD : Outcome.RECORDED);
                Message conflict = refusal == null ? conflicts.get(row) : null;
                if (conflict != null) {
                    rejected.add(new Rejection(row.line(), refused(row, CONFLICT, "valueId", conflict)));
                    outcomes.add(base.refused(CONFLICT, "value", conflict));
                    continue;
                }
                outcomes.add(refusal != null
                        ? base.refused(refusal.code().name(), column(refusal.field()), refusal.text())
                        : done.contains(row.value().valueId())
                        ? RowOutcome.of(row, Outcome.ALREADY_RECORDED) : base);
            }
        } catch (CommandRejectedException e) {
            chunk.forEach(row -> {
                rejected.add(new Rejection(row.line(), refused(row, e.code().name(), e.field(), ImportSupport.why(e))));
                outcomes.add(RowOutcome.of(row, Outcome.REFUSED).refused(e.code().name(), column(e.field()),
                        e.text() != null ? e.text() : ImportSupport.failed(e)));
            });
        } catch (AggregateNotFoundException e) {
            chunk.forEach(row -> {
                Message why = ApiText.of("import.values.notTracked", String.valueOf(row.line()),
                        ScorecardId.unitCodeOf(scorecardId), ScorecardId.setIdOf(scorecardId));
                rejected.add(new Rejection(row.line(), why));
                outcomes.add(RowOutcome.of(row, Outcome.REFUSED).refused("NOT_TRACKED", "unit_code",
                        ApiText.of("import.values.notTrackedRow", ScorecardId.unitCodeOf(scorecardId),
                                ScorecardId.setIdOf(scorecardId))));
            });
        } catch (Exception e) {
            throw new IllegalStateException("importing " + scorecardId + " failed at line " + chunk.get(0).line(), e);
        }
    }

    /** The code of a row whose value id holds another value already. */
    static final String CONFLICT = "ALREADY_EXISTS";

    /**
     * The rows whose value id the scorecard holds already ({@code done}) with another value, indicator or period than
     * the row's, each with why: the scorecard counts an id recorded before as recorded, whatever the
     * row says, so a row that would change it is refused here rather than shown as recorded. Read from the read
     * model: an id it does not hold yet (recorded a moment ago) is taken as recorded already, as the scorecard says.
     */
    private Map<Row, Message> conflicts(String scorecardId, List<Row> chunk, Set<String> done) {
        StandingReadRepository read = done.isEmpty() ? null : recorded.getIfAvailable();
        if (read == null) {
            return Map.of();
        }
        Map<IndicatorEntryView.Key, IndicatorEntryView> entries = read.entries(done.stream()
                .map(id -> new IndicatorEntryView.Key(scorecardId, id)).toList());
        Map<Row, Message> conflicts = new java.util.IdentityHashMap<>();
        for (Row row : chunk) {
            RecordIndicatorValueCommand sent = row.value();
            IndicatorEntryView entry = done.contains(sent.valueId())
                    ? entries.get(new IndicatorEntryView.Key(scorecardId, sent.valueId())) : null;
            if (entry != null && !sameValue(entry, sent)) {
                conflicts.put(row, ApiText.of("import.values.otherValue", sent.valueId(),
                        entry.display() == null ? "—" : VietnameseCells.shown(entry.display()), entry.indicatorCode(),
                        entry.period().start(), entry.period().end(),
                        sent.value() == null ? "—" : VietnameseCells.shown(sent.value().display()),
                        sent.indicatorCode(), sent.period().start(), sent.period().end()));
            }
        }
        return conflicts;
    }

    /** Whether a recorded entry is the value a row sends: the same indicator, period and value (21.0 is 21). */
    static boolean sameValue(IndicatorEntryView entry, RecordIndicatorValueCommand sent) {
        IndicatorValue a = entry.value();
        IndicatorValue b = sent.value();
        return "VALUE".equals(entry.type()) && entry.indicatorCode().equals(sent.indicatorCode())
                && java.util.Objects.equals(entry.period(), sent.period()) && a != null && b != null
                && a.kind() == b.kind() && same(a.percentage(), b.percentage()) && same(a.numerator(), b.numerator())
                && same(a.denominator(), b.denominator()) && java.util.Objects.equals(a.count(), b.count())
                && same(a.amount(), b.amount()) && java.util.Objects.equals(a.achieved(), b.achieved())
                && java.util.Objects.equals(a.level(), b.level()) && java.util.Objects.equals(a.met(), b.met())
                && java.util.Objects.equals(a.of(), b.of());
    }

    private static boolean same(java.math.BigDecimal a, java.math.BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /**
     * The file's column a command's field comes from ({@code value.kind}: {@code value}); null for a field no column
     * holds.
     */
    static String column(String field) {
        if (field == null) {
            return null;
        }
        String head = field.split("[.\\[]", 2)[0];
        return switch (head) {
            case "value" -> field.startsWith("value.kind") ? "kind" : "value";
            case "period" -> field.endsWith("end") ? "period_end" : "period_start";
            case "indicatorCode" -> "indicator_code";
            case "valueId" -> "value_id";
            case "sourceAgency" -> "source_agency";
            case "note" -> "note";
            case "unitCode", "scorecardId" -> "unit_code";
            case "setId" -> "set_id";
            default -> null;
        };
    }

    /** {@code line 5 (imp-4): WRONG_VALUE_KIND value.kind: …}: the code and field as the API names them. */
    private static Message refused(Row row, String code, String field, Object why) {
        if (field == null) {
            return ApiText.of("import.values.refusedWhole", String.valueOf(row.line()), row.value().valueId(), code,
                    why);
        }
        return ApiText.of("import.values.refused", String.valueOf(row.line()), row.value().valueId(), code,
                String.valueOf(field), why);
    }

    static List<Row> read(Reader csv, char delimiter) throws IOException {
        return ImportSupport.read(csv, delimiter, header -> {
            Set<String> missing = new LinkedHashSet<>(REQUIRED);
            missing.removeAll(header);
            if (!missing.isEmpty()) {
                throw new Unreadable(missing.iterator().next(), ApiText.of("import.values.columns",
                        missing.toString(), String.join(",", COLUMNS)));
            }
            ImportSupport.refuseDuplicates(header, COLUMNS::contains);
        }, IndicatorValueCsvImport::row, (line, cells, columns) -> problem(line, ApiText.of(
                "import.values.tooManyCells", String.valueOf(cells), String.valueOf(columns))));
    }

    /**
     * A row by its columns' cells (none when it gives nothing to record: no period, value, source or note, as a
     * template's row left unfilled): text (a CSV's every cell, a workbook's text cells) read by {@link VietnameseCells};
     * a workbook's typed cells as they are: a {@link java.math.BigDecimal} number, a {@link WorkbookPercent}, a
     * {@link LocalDate} day, a {@link Boolean}.
     */
    static Row row(int line, Map<String, ?> columns) {
        String unit = text(columns, "unit_code");
        String set = text(columns, "set_id");
        String valueId = text(columns, "value_id");
        String indicator = text(columns, "indicator_code");
        if (unit == null || set == null || valueId == null || indicator == null) {
            return problem(line, ApiText.of("import.values.codesRequired"));
        }
        if (Stream.of("period_start", "period_end", "value", "source_agency", "note")
                .allMatch(column -> cell(columns, column) == null)) {
            return null;
        }
        String scorecardId = ScorecardId.of(unit, set);
        Period period;
        IndicatorValue value;
        try {
            period = period(cell(columns, "period_start"), cell(columns, "period_end"));
            value = value(text(columns, "kind"), cell(columns, "value"));
        } catch (Unreadable e) {
            return new Row(line, null, null, e.column(), e.text());
        }
        return new Row(line, scorecardId, new RecordIndicatorValueCommand(scorecardId, valueId, indicator, value,
                period, text(columns, "source_agency"), List.of(), text(columns, "note"), List.of()), null, null);
    }

    /**
     * The period of {@code period_start} and {@code period_end}: days ({@code 26/01/2024}, {@code 2024-01-26}) or
     * months ({@code Tháng 6/2024}: from its first day in {@code period_start}, to its last in {@code period_end});
     * without an end, the period is the start's day, or the start's whole month.
     */
    static Period period(Object startCell, Object endCell) {
        LocalDate start = startCell instanceof LocalDate day ? day
                : cell("period_start", () -> VietnameseCells.periodStart(periodText("period_start", startCell)));
        LocalDate end;
        if (endCell instanceof LocalDate day) {
            end = day;
        } else if (endCell != null) {
            end = cell("period_end", () -> VietnameseCells.periodEnd(periodText("period_end", endCell)));
        } else if (startCell instanceof LocalDate day) {
            end = day;
        } else {
            end = cell("period_start", () -> VietnameseCells.periodEnd(periodText("period_start", startCell)));
        }
        if (end.isBefore(start)) {
            throw new Unreadable("period_end", ApiText.of("import.values.cell", "period_end",
                    ApiText.of("import.values.periodOrder", start, end)));
        }
        return new Period(start, end);
    }

    /** A period's text; a workbook's number not formatted as a date is not taken for one. */
    private static String periodText(String column, Object cell) {
        if (cell == null || cell instanceof String) {
            return (String) cell;
        }
        throw new Unreadable(column, ApiText.of("import.values.cell", column,
                ApiText.of("import.xlsx.notADay", shown(cell))));
    }

    /** A cell read by {@link VietnameseCells}, or why not, with its column's name. */
    private static <T> T cell(String column, java.util.function.Supplier<T> reading) {
        try {
            return reading.get();
        } catch (VietnameseCells.Refused e) {
            throw new Unreadable(column, ApiText.of("import.values.cell", column, e.reason()));
        }
    }

    /**
     * The value in the text form of its kind, numbers as {@link VietnameseCells} reads them: {@code 85,5},
     * {@code 85.5%}, {@code 15,2/21}, {@code 1.200}… ({@code 1.110} refused as ambiguous), {@code true}, …
     */
    static IndicatorValue value(String kindText, Object cell) {
        if (kindText == null || cell == null) {
            throw new Unreadable(kindText == null ? "kind" : "value", ApiText.of("import.values.kindAndValue"));
        }
        ValueKind kind;
        try {
            kind = ValueKind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Unreadable("kind", ApiText.of("import.values.unknownKind", VietnameseCells.shown(kindText),
                    List.of(ValueKind.values()).toString()));
        }
        if (!(cell instanceof String text)) {
            return typedValue(kind, cell);
        }
        try {
            return switch (kind) {
                case PERCENTAGE -> IndicatorValue.percentage(cell("value", () -> VietnameseCells.percentage(text)));
                case AMOUNT -> IndicatorValue.amount(cell("value", () -> VietnameseCells.decimal(text)));
                case COUNT -> IndicatorValue.count(cell("value", () -> VietnameseCells.whole(text)));
                case LEVEL -> IndicatorValue.level(text);
                case ACHIEVED -> IndicatorValue.achieved(achieved(text));
                case RATIO -> {
                    String[] parts = pair(text);
                    yield IndicatorValue.ratio(cell("value", () -> VietnameseCells.decimal(parts[0])),
                            cell("value", () -> VietnameseCells.decimal(parts[1])));
                }
                case SUB_INDICATORS -> {
                    String[] parts = pair(text);
                    yield IndicatorValue.subIndicators(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
                }
            };
        } catch (NumberFormatException e) {
            throw notAValue(text, kind);
        }
    }

    private static Unreadable notAValue(String text, ValueKind kind) {
        Message as = switch (kind) {
            case RATIO -> ApiText.of("import.values.asRatio");
            case SUB_INDICATORS -> ApiText.of("import.values.asSubIndicators");
            case PERCENTAGE, AMOUNT -> ApiText.of("import.xlsx.asNumber");
            default -> ApiText.of("import.values.asCount");
        };
        return new Unreadable("value", ApiText.of("import.values.notAValue", VietnameseCells.shown(text), kind.name(),
                as));
    }

    /**
     * A workbook's value cell that is not text, taken as the value it holds (never through its text): a number for
     * PERCENTAGE, AMOUNT, COUNT (whole) and LEVEL; a percent-formatted number (86,5% holds 0.865) as the percentage it
     * shows, in PERCENTAGE only, as a {@code %} is in a CSV; TRUE/FALSE for ACHIEVED.
     */
    private static IndicatorValue typedValue(ValueKind kind, Object cell) {
        if (cell instanceof WorkbookPercent percent) {
            if (kind == ValueKind.PERCENTAGE) {
                return IndicatorValue.percentage(percent.shown());
            }
            throw new Unreadable("value", ApiText.of("import.values.cell", "value",
                    ApiText.of("import.cells.percentElsewhere", shown(cell))));
        }
        if (cell instanceof java.math.BigDecimal number) {
            switch (kind) {
                case PERCENTAGE:
                    return IndicatorValue.percentage(number);
                case AMOUNT:
                    return IndicatorValue.amount(number);
                case LEVEL:
                    return IndicatorValue.level(number.toPlainString());
                case COUNT:
                    try {
                        return IndicatorValue.count(VietnameseCells.whole(number, shown(cell)));
                    } catch (VietnameseCells.Refused e) {
                        throw new Unreadable("value", ApiText.of("import.values.cell", "value", e.reason()));
                    }
                default:
                    break;
            }
        }
        if (cell instanceof Boolean achieved && kind == ValueKind.ACHIEVED) {
            return IndicatorValue.achieved(achieved);
        }
        if (kind == ValueKind.ACHIEVED) {
            throw new Unreadable("value", ApiText.of("import.values.notAchieved", shown(cell)));
        }
        throw notAValue(shown(cell), kind);
    }

    /** A percent-formatted number of a workbook, as the percentage it shows ({@code 0.865} shown as 86,5%: 86.5). */
    record WorkbookPercent(java.math.BigDecimal shown) {
    }

    /** A typed cell as a person reads it in a message: {@code 86.5}, {@code 86.5%}, {@code 2024-06-01}, {@code true}. */
    private static String shown(Object cell) {
        if (cell instanceof java.math.BigDecimal number) {
            return VietnameseCells.shown(number.toPlainString());
        }
        if (cell instanceof WorkbookPercent percent) {
            return VietnameseCells.shown(percent.shown().toPlainString() + "%");
        }
        return VietnameseCells.shown(String.valueOf(cell));
    }

    private static boolean achieved(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("đạt")) {
            return true;
        }
        if (t.equals("false") || t.equals("chưa đạt")) {
            return false;
        }
        throw new Unreadable("value", ApiText.of("import.values.notAchieved", VietnameseCells.shown(text)));
    }

    private static String[] pair(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 2) {
            throw new NumberFormatException(text);
        }
        return new String[] {parts[0].strip(), parts[1].strip()};
    }

    static Row problem(int line, Message problem) {
        return new Row(line, null, null, null, problem);
    }

    /** A cell as text: a workbook's typed cell as it reads ({@code 99711}, {@code 17.7}) in a text column. */
    private static String text(Map<String, ?> columns, String name) {
        Object cell = cell(columns, name);
        return cell == null || cell instanceof String ? (String) cell : shown(cell);
    }

    /** A cell, blank text as none. */
    private static Object cell(Map<String, ?> columns, String name) {
        Object cell = columns.get(name);
        return cell instanceof String text ? ImportSupport.blankToNull(text) : cell;
    }
}
