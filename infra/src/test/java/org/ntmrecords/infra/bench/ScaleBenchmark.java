package org.ntmrecords.infra.bench;

import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ntmrecords.command.criteria.CriteriaCatalog;
import org.ntmrecords.command.scorecard.TrackUnitCommand;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.IndicatorDefinition;
import org.ntmrecords.events.criteria.RequirementKind;
import org.ntmrecords.infra.api.ProjectionCatchUp;
import org.ntmrecords.infra.axon.ActingAs;
import org.ntmrecords.infra.axon.Actor;
import org.ntmrecords.infra.importing.IndicatorValueCsvImport;
import org.ntmrecords.infra.importing.UnitCsvImport;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Items 2 to 5 on a store that grows: every commune of the GSO unit list (units-2024.csv) tracked against the
 * national commune set (QĐ 318/QĐ-TTg, {@value #SET}) and its indicators' values for the reporting years from 2021
 * imported through {@code import-values}, until the store holds the small size (rebuild, verification and queries
 * measured), then the bulk import of item 2 (against COPY of the same file; then from a workbook, against the CSV),
 * then up to the large size (measured again). The units and the set come from the project's reference data; the
 * values are generated (an indicator judged as achieved or not, the one percentage between 60 and 100), as no source
 * document reports them per commune.
 */
final class ScaleBenchmark {
    static final String SET = "commune-ntm-2021-2025";
    private static final Actor SETUP = Actor.system("bench-setup");
    /** Events a value adds on average: the value, its indicator's judgment and, per commune and batch, criteria and standing. */
    private static final int EVENTS_PER_VALUE = 3;

    private final BenchConfig config;
    private final Report report;
    private final Path work;
    private List<String> communes;
    private List<IndicatorDefinition> indicators;
    private int nextPair;

    ScaleBenchmark(BenchConfig config, Report report, Path work) {
        this.config = config;
        this.report = report;
        this.work = work;
    }

    void run(BenchPostgres postgres) throws Exception {
        ConfigurableApplicationContext service = BenchService.start(postgres.database("bench_scale"),
                work.resolve("scale"), true);
        try {
            prepare(service);
            ProjectionCatchUp catchUp = service.getBean(ProjectionCatchUp.class);
            fill(service, config.smallStore());
            if (!config.runs("scale")) {
                // the import section alone: item 2 on the store as the whole section has it at that point
                bulkImport(service, postgres);
                report.note(String.format(Locale.ROOT, "Bulk import alone: the scale store filled to %,d events first "
                        + "(%,d communes tracked against %s); %,d events at the end.", config.smallStore(),
                        communes.size(), SET, catchUp.storeSize()));
                return;
            }
            String small = String.format(Locale.ROOT, "%,d events", config.smallStore());
            QueryBenchmark queries = new QueryBenchmark(config, report, service, SET, sampleUnits(service));
            new StoreBenchmark(report).run(service, "a store of " + small);
            queries.run(small, null);

            bulkImport(service, postgres);

            fill(service, config.largeStore());
            String large = String.format(Locale.ROOT, "%,d events", config.largeStore());
            new StoreBenchmark(report).run(service, "a store of " + large);
            queries.run(large, small);
            report.note(String.format(Locale.ROOT, "Scale store: %,d communes tracked against %s, %d indicators each, "
                    + "values for the years from 2021 (generated: see ScaleBenchmark); %,d events at the end.",
                    communes.size(), SET, indicators.size(), catchUp.storeSize()));
        } finally {
            service.close();
        }
    }

    /** Every unit of the GSO list, and every commune of it tracked against the national set. */
    private void prepare(ConfigurableApplicationContext service) throws Exception {
        UnitCsvImport units = service.getBean(UnitCsvImport.class);
        try (Reader reader = new InputStreamReader(new ClassPathResource("data/units/units-2024.csv").getInputStream(),
                StandardCharsets.UTF_8)) {
            UnitCsvImport.Report imported = units.run(reader, "units-2024.csv", ActingAs.Context.start(SETUP), l -> { });
            if (!imported.rejected().isEmpty()) {
                throw new IllegalStateException("units rejected: " + imported.rejected().subList(0, 5));
            }
        }
        awaitCatchUp(service);
        communes = service.getBean(JdbcTemplate.class).queryForList(
                "select code from read_model.unit where kind = 'COMMUNE' and ceased_on is null order by code", String.class);
        CommandGateway gateway = service.getBean(CommandGateway.class);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> tracking = new ArrayList<>();
            for (String commune : communes) {
                tracking.add(pool.submit(() -> ActingAs.call(SETUP, () -> gateway.sendAndWait(
                        new TrackUnitCommand(commune, SET, null, null)))));
            }
            for (Future<?> f : tracking) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        CriteriaSetDefinition set = service.getBean(CriteriaCatalog.class).latest(SET).orElseThrow();
        indicators = set.criteria().stream().flatMap(c -> c.indicators().stream()).toList();
        for (IndicatorDefinition indicator : indicators) {
            RequirementKind kind = indicator.requirement().kind();
            if (kind != RequirementKind.ACHIEVED && kind != RequirementKind.PERCENT_AT_LEAST) {
                throw new IllegalStateException("the generator writes ACHIEVED and percentage values, not " + kind);
            }
        }
        awaitCatchUp(service);
    }

    /** Imports further years of values until the store holds at least {@code events}. */
    private void fill(ConfigurableApplicationContext service, long events) throws Exception {
        ProjectionCatchUp catchUp = service.getBean(ProjectionCatchUp.class);
        IndicatorValueCsvImport importer = service.getBean(IndicatorValueCsvImport.class);
        long size = catchUp.storeSize();
        while (size < events) {
            int values = (int) Math.min(50_000, Math.max(indicators.size(), (events - size) / EVENTS_PER_VALUE));
            Path file = writeValues(values);
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                IndicatorValueCsvImport.Report imported = importer.run(reader, ActingAs.Context.start(SETUP), l -> { });
                if (!imported.rejected().isEmpty()) {
                    throw new IllegalStateException("values rejected: " + imported.rejected().subList(0, 1));
                }
            }
            Files.delete(file);
            size = catchUp.storeSize();
            System.out.printf(Locale.ROOT, "[bench] store: %,d events%n", size);
        }
        awaitCatchUp(service);
    }

    /**
     * Item 2: a file of values imported through the import path, and the same file copied in by PostgreSQL; then the
     * same values from an Excel workbook ({@link #workbookImport}).
     */
    private void bulkImport(ConfigurableApplicationContext service, BenchPostgres postgres) throws Exception {
        Path file = writeValues(config.importValues());
        ProjectionCatchUp catchUp = service.getBean(ProjectionCatchUp.class);
        long eventsBefore = catchUp.storeSize();
        long snapshotsBefore = snapshots(service);
        long t0 = System.nanoTime();
        IndicatorValueCsvImport.Report imported;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            imported = service.getBean(IndicatorValueCsvImport.class).run(reader, ActingAs.Context.start(SETUP),
                    l -> { });
        }
        double stored = (System.nanoTime() - t0) / 1e9;
        awaitCatchUp(service);
        double readable = (System.nanoTime() - t0) / 1e9;
        if (imported.recorded() != config.importValues()) {
            throw new IllegalStateException("import recorded " + imported.summary());
        }
        double copyRate = copy(postgres, file);
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("values", imported.recorded());
        raw.put("events", catchUp.storeSize() - eventsBefore);
        raw.put("storedSeconds", stored);
        raw.put("readableSeconds", readable);
        long csvSnapshots = snapshots(service) - snapshotsBefore;
        raw.put("snapshotsTaken", csvSnapshots);
        String size = String.format(Locale.ROOT, "%,d", config.importValues());
        report.add(new Report.Figure("Bulk import", size + " values through import-values, stored ("
                + (catchUp.storeSize() - eventsBefore) + " events with their judgments)", config.importValues() / stored,
                "values/s", "PostgreSQL COPY of the same file", copyRate, "≥ 20,000 values/s",
                config.importValues() / stored >= 20_000, raw));
        report.add(new Report.Figure("Bulk import", size + " values through import-values, readable (projections "
                + "caught up)", config.importValues() / readable, "values/s", "PostgreSQL COPY of the same file",
                copyRate, null, null, raw));
        workbookImport(service, file, stored, readable, csvSnapshots);
        Files.delete(file);
    }

    /**
     * Item 2 from an Excel workbook: the CSV's rows under fresh value ids (so they are recorded again, on the same
     * scorecards in the same batches, not counted as recorded already), imported as {@code import-values} imports a
     * file ({@link IndicatorValueCsvImport#run(byte[], String, java.nio.charset.Charset, String, ActingAs.Context,
     * java.util.function.Consumer)}: told apart by content, read whole, then recorded) and timed as the CSV is, against
     * the CSV's figures. The import says it has read the sheet before it sends anything, so the time until it says so is
     * the workbook's reading alone (unzip, XML, cells to rows).
     */
    private void workbookImport(ConfigurableApplicationContext service, Path csv, double csvStored,
                                double csvReadable, long csvSnapshots) throws Exception {
        Path workbook = writeWorkbook(csv);
        ProjectionCatchUp catchUp = service.getBean(ProjectionCatchUp.class);
        long eventsBefore = catchUp.storeSize();
        long snapshotsBefore = snapshots(service);
        long[] read = {0};
        long t0 = System.nanoTime();
        byte[] bytes = Files.readAllBytes(workbook);
        long loaded = System.nanoTime();
        IndicatorValueCsvImport.Report imported = service.getBean(IndicatorValueCsvImport.class).run(bytes,
                String.valueOf(workbook.getFileName()), null, null, ActingAs.Context.start(SETUP), said -> {
                    if (read[0] == 0 && said.key().equals("import.xlsx.reading")) {
                        read[0] = System.nanoTime();
                    }
                });
        double stored = (System.nanoTime() - t0) / 1e9;
        awaitCatchUp(service);
        double readable = (System.nanoTime() - t0) / 1e9;
        if (imported.recorded() != config.importValues()) {
            throw new IllegalStateException("workbook import recorded " + imported.summary());
        }
        if (read[0] == 0) {
            throw new IllegalStateException("the import did not say it read the workbook's sheet");
        }
        double parse = (read[0] - loaded) / 1e9;
        long events = catchUp.storeSize() - eventsBefore;
        long taken = snapshots(service) - snapshotsBefore;
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("values", imported.recorded());
        raw.put("events", events);
        raw.put("workbookBytes", bytes.length);
        raw.put("csvBytes", Files.size(csv));
        raw.put("fileReadSeconds", (loaded - t0) / 1e9);
        raw.put("parseSeconds", parse);
        raw.put("storedSeconds", stored);
        raw.put("readableSeconds", readable);
        raw.put("csvStoredSeconds", csvStored);
        raw.put("csvReadableSeconds", csvReadable);
        raw.put("snapshotsTaken", taken);
        raw.put("csvSnapshotsTaken", csvSnapshots);
        String size = String.format(Locale.ROOT, "%,d", config.importValues());
        report.add(new Report.Figure("Bulk import", "the same " + size + " values from an .xlsx workbook through "
                + "import-values, stored (" + events + " events with their judgments; " + taken + " scorecard "
                + "snapshots taken on the way, the CSV's import " + csvSnapshots + ")", config.importValues() / stored,
                "values/s", "the CSV through import-values, stored", config.importValues() / csvStored, null, null,
                raw));
        report.add(new Report.Figure("Bulk import", "the same " + size + " values from an .xlsx workbook through "
                + "import-values, readable (projections caught up)", config.importValues() / readable, "values/s",
                "the CSV through import-values, readable", config.importValues() / csvReadable, null, null, raw));
        report.add(new Report.Figure("Bulk import", String.format(Locale.ROOT, "reading the workbook alone, parse "
                + "only (%.1f MB .xlsx, the CSV %.1f MB; %.0f%% of its stored time)", bytes.length / 1e6,
                Files.size(csv) / 1e6, 100 * parse / stored), parse, "s", null, null, null, null, raw));
        Files.delete(workbook);
    }

    /**
     * The CSV's rows as an office keeps them in a workbook (written by POI's streaming writer, strings shared as Excel
     * shares them): codes and kinds as text, periods as days formatted dd/mm/yyyy, a percentage as a number, an
     * achievement as TRUE/FALSE, empty cells left out; every value id prefixed {@code xlsx-}.
     */
    private Path writeWorkbook(Path csv) throws Exception {
        Path file = Files.createTempFile(work, "values", ".xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), 1000, true, true);
             java.io.BufferedReader lines = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            Sheet sheet = workbook.createSheet("Giá trị");
            CellStyle day = workbook.createCellStyle();
            day.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            String[] header = lines.readLine().split(",", -1);
            Row first = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                first.createCell(i).setCellValue(header[i]);
            }
            int r = 1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] cells = line.split(",", -1);
                Row row = sheet.createRow(r++);
                for (int i = 0; i < cells.length; i++) {
                    String text = cells[i];
                    if (text.isEmpty()) {
                        continue;
                    }
                    Cell cell = row.createCell(i);
                    switch (header[i]) {
                        case "value_id" -> cell.setCellValue("xlsx-" + text);
                        case "period_start", "period_end" -> {
                            cell.setCellValue(LocalDate.parse(text));
                            cell.setCellStyle(day);
                        }
                        case "value" -> {
                            if (cells[6].equals("ACHIEVED")) {
                                cell.setCellValue(Boolean.parseBoolean(text));
                            } else {
                                cell.setCellValue(Double.parseDouble(text));
                            }
                        }
                        default -> cell.setCellValue(text);
                    }
                }
            }
            try (var out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            // closing the workbook (POI 5.5) deletes its temporary files
        }
        return file;
    }

    /**
     * Scorecard snapshots in the store. A scorecard is snapshotted when 100 events have been added since it was last
     * loaded from a snapshot or from the start, so a second import onto the same scorecards takes snapshots the first
     * did not: part of its cost that is not the file's format.
     */
    private static long snapshots(ConfigurableApplicationContext service) {
        Long count = service.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from event_store.snapshot_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    /** COPY of the file into a table with the file's columns and the value id as primary key, in its own database. */
    private static double copy(BenchPostgres postgres, Path file) throws Exception {
        var database = postgres.database("bench_copy");
        try (var pool = WritePathBenchmark.pool(database, 1); Connection c = pool.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        create table indicator_value (unit_code text not null, set_id text not null,
                          value_id text primary key, indicator_code text not null, period_start date not null,
                          period_end date, kind text not null, value text not null, source_agency text, note text)""");
            }
            long t0 = System.nanoTime();
            long rows;
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                rows = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy indicator_value from stdin (format csv, header true)", reader);
            }
            return rows / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /** The next {@code count} values: commune after commune, year after year, every indicator of the set. */
    private Path writeValues(int count) throws Exception {
        Path file = Files.createTempFile(work, "values", ".csv");
        int perCommune = indicators.size();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", "unit_code", "set_id", "value_id", "indicator_code", "period_start",
                    "period_end", "kind", "value", "source_agency", "note"));
            out.write('\n');
            int written = 0;
            while (written < count) {
                int year = 2021 + nextPair / communes.size();
                if (year > 2025) {
                    throw new IllegalStateException("more values asked for than the years 2021-2025 hold");
                }
                String commune = communes.get(nextPair % communes.size());
                nextPair++;
                for (int i = 0; i < perCommune && written < count; i++, written++) {
                    IndicatorDefinition indicator = indicators.get(i);
                    int h = Math.floorMod((commune + indicator.code() + year).hashCode(), 1000);
                    boolean percent = indicator.requirement().kind() == RequirementKind.PERCENT_AT_LEAST;
                    out.write(commune + "," + SET + ",y" + year + "-" + commune + "-" + indicator.code() + ","
                            + indicator.code() + "," + year + "-01-01," + year + "-12-31,"
                            + (percent ? "PERCENTAGE," + (60 + h % 41) : "ACHIEVED," + (h % 4 != 0)) + ",,\n");
                }
            }
        }
        return file;
    }

    /** Communes with values from the first import, so they hold history at both sizes; one district's worth first. */
    private List<String> sampleUnits(ConfigurableApplicationContext service) {
        return service.getBean(JdbcTemplate.class).queryForList("""
                select s.unit_code from read_model.scorecard s
                 where s.set_id = ? and exists (select 1 from read_model.indicator_entry e
                                                where e.scorecard_id = s.scorecard_id)
                 order by s.unit_code limit 50""", String.class, SET);
    }

    static void awaitCatchUp(ConfigurableApplicationContext service) {
        if (!service.getBean(ProjectionCatchUp.class).awaitEventsAfter(0, Duration.ofHours(1))) {
            throw new IllegalStateException("projections did not catch up");
        }
    }
}
