package org.ntmrecords.infra.importing;

import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.unit.ImportOutcome;
import org.ntmrecords.command.unit.ImportUnitCommand;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.events.unit.UnitKind;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.axon.ActingAs;
import org.ntmrecords.infra.axon.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Imports administrative units from a CSV in the shape of the GSO unit list ({@code code, name, kind,
 * parent_code, full_name}, optionally {@code state_as_of}). Each row becomes one {@link ImportUnitCommand} in
 * its own transaction: new units are registered, changed ones renamed or moved, unchanged ones left alone, so
 * the import can be re-run at any time. Rows are sent level by level (provinces before their districts
 * before their communes before their villages), several at a time. A commune's list of villages has the same columns,
 * with kind {@code thon}, {@code ap}, {@code khu_dan_cu}, {@code ban} or {@code lang} and codes
 * {@code <commune code>-<the commune's own code>}.
 */
@Component
public class UnitCsvImport {
    public static final Actor ACTOR = Actor.system("unit-import");
    private static final Logger log = LoggerFactory.getLogger(UnitCsvImport.class);

    private final CommandGateway commands;
    private final int threads;

    public UnitCsvImport(CommandGateway commands, @Value("${ntm.import.threads:4}") int threads) {
        this.commands = commands;
        this.threads = threads;
    }

    /** One row of the list, or why it could not be read. */
    record Row(int line, String code, String name, String fullName, UnitKind kind, String parentCode,
               LocalDate stateAsOf, String snapshot, Message problem) {
    }

    /**
     * What an import did. Every row is counted once: registered, updated, unchanged, skipped (a row dated before
     * the unit's recorded reorganisation or cessation: older news, left alone) or rejected (with its line and why);
     * the counts add up to {@code rows}. Its words are said in the reader's language: {@link #summary(Locale)},
     * {@link #rejected(Locale)}; in English without one (logs).
     */
    public record Report(int rows, Map<ImportOutcome, Integer> outcomes, List<Message> rejections, Duration elapsed) {
        public int count(ImportOutcome outcome) {
            return outcomes.getOrDefault(outcome, 0);
        }

        /** The rows counted under one outcome or another: always {@link #rows()}. */
        public int accounted() {
            return outcomes.values().stream().mapToInt(Integer::intValue).sum() + rejections.size();
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
            return ApiText.say(locale, "import.units.summary", String.valueOf(rows), ImportSupport.seconds(elapsed),
                    ImportSupport.rate(rows, elapsed), String.valueOf(count(ImportOutcome.REGISTERED)),
                    String.valueOf(count(ImportOutcome.UPDATED)), String.valueOf(count(ImportOutcome.UNCHANGED)),
                    String.valueOf(count(ImportOutcome.SUPERSEDED)), String.valueOf(rejections.size()));
        }
    }

    /** Imports as the unit-import task. */
    public Report run(Reader csv, String sourceName, Consumer<Message> progress) throws IOException {
        return run(csv, sourceName, ActingAs.Context.start(ACTOR), progress);
    }

    /** Imports as part of the given task run (its actor and correlation id go on every event). */
    public Report run(Reader csv, String sourceName, ActingAs.Context task, Consumer<Message> progress)
            throws IOException {
        long started = System.nanoTime();
        List<Row> rows = read(csv);
        List<Message> rejected = Collections.synchronizedList(new ArrayList<>());
        Map<ImportOutcome, AtomicInteger> outcomes = new EnumMap<>(ImportOutcome.class);
        for (ImportOutcome outcome : ImportOutcome.values()) {
            outcomes.put(outcome, new AtomicInteger());
        }
        rows.stream().filter(r -> r.problem() != null)
                .forEach(r -> rejected.add(ApiText.of("import.line", String.valueOf(r.line()), r.problem())));
        List<Row> valid = rows.stream().filter(r -> r.problem() == null)
                .sorted(Comparator.comparingInt((Row r) -> r.kind().level()).thenComparingInt(Row::line)).toList();
        AtomicInteger done = new AtomicInteger(rows.size() - valid.size());
        // parents before children: provinces, districts, communes, then villages (thôn, ấp, khu dân cư, bản, làng)
        for (int level = 1; level <= UnitKind.VILLAGE_LEVEL; level++) {
            int current = level;
            List<Callable<Void>> tasks = new ArrayList<>();
            for (Row row : valid) {
                if (row.kind().level() != current) {
                    continue;
                }
                tasks.add(() -> {
                    try {
                        ImportOutcome outcome = ActingAs.call(task, () -> commands.sendAndWait(
                                new ImportUnitCommand(row.code(), row.name(), row.fullName(), row.kind(),
                                        row.parentCode(), row.kind().village()
                                                ? villageSource(sourceName, row.stateAsOf())
                                                : source(sourceName, row.snapshot(), row.stateAsOf()))));
                        outcomes.get(outcome).incrementAndGet();
                    } catch (CommandRejectedException e) {
                        rejected.add(ApiText.of("import.lineOf", String.valueOf(row.line()), row.code(),
                                ImportSupport.why(e)));
                    } catch (Exception e) {
                        log.warn("importing line {} ({}) failed", row.line(), row.code(), e);
                        rejected.add(ApiText.of("import.lineOf", String.valueOf(row.line()), row.code(),
                                ImportSupport.failed(e)));
                    }
                    int n = done.incrementAndGet();
                    if (n % 1000 == 0) {
                        progress.accept(ImportSupport.progress(n, rows.size(), started));
                    }
                    return null;
                });
            }
            ImportSupport.runAll(threads, tasks);
        }
        Map<ImportOutcome, Integer> counts = new EnumMap<>(ImportOutcome.class);
        outcomes.forEach((k, v) -> counts.put(k, v.get()));
        return new Report(rows.size(), counts, List.copyOf(rejected), Duration.ofNanos(System.nanoTime() - started));
    }

    private static DocumentRef source(String sourceName, String snapshot, LocalDate stateAsOf) {
        return new DocumentRef("Danh mục ĐVHC" + (snapshot == null ? "" : " " + snapshot), stateAsOf,
                "Tổng cục Thống kê", "Danh mục đơn vị hành chính Việt Nam (" + sourceName + ")");
    }

    /** The GSO lists no villages: a village row comes from the file imported, not from the GSO list. */
    private static DocumentRef villageSource(String sourceName, LocalDate stateAsOf) {
        return new DocumentRef("Danh sách thôn, khu dân cư", stateAsOf, null, sourceName);
    }

    static List<Row> read(Reader csv) throws IOException {
        return ImportSupport.read(csv, UnitCsvImport::row);
    }

    private static Row row(int line, Map<String, String> columns) {
        String code = blankToNull(columns.get("code"));
        String kindText = blankToNull(columns.get("kind"));
        UnitKind kind = null;
        Message problem = null;
        if (code == null) {
            problem = ApiText.of("import.units.noCode");
        } else if (kindText == null) {
            problem = ApiText.of("import.units.noKind");
        } else {
            try {
                kind = UnitKind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem = ApiText.of("import.units.unknownKind", kindText);
            }
        }
        // a snapshot label is its date, possibly with a re-issue suffix ("2025-01-01b")
        LocalDate stateAsOf = null;
        String snapshot = blankToNull(columns.get("state_as_of"));
        if (snapshot != null) {
            try {
                stateAsOf = LocalDate.parse(snapshot.length() > 10 ? snapshot.substring(0, 10) : snapshot);
            } catch (DateTimeParseException e) {
                problem = ApiText.of("import.units.snapshot", snapshot);
            }
        }
        return new Row(line, code, columns.get("name"), columns.get("full_name"), kind,
                blankToNull(columns.get("parent_code")), stateAsOf, snapshot, problem);
    }

    private static String blankToNull(String value) {
        return ImportSupport.blankToNull(value);
    }
}
