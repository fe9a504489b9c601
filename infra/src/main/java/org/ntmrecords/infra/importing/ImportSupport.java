package org.ntmrecords.infra.importing;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** What the CSV imports share: reading a file with a header row, running rows in parallel, progress lines. */
final class ImportSupport {
    private ImportSupport() {
    }

    /** Turns one data row (its line in the file, counting the header as line 1) into a row of the import. */
    interface RowReader<T> {
        T read(int line, Map<String, String> columns);
    }

    static <T> List<T> read(Reader csv, RowReader<T> reader) throws IOException {
        List<T> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            int line = 1;
            while (it.hasNext()) {
                line++;
                rows.add(reader.read(line, it.next()));
            }
        }
        return rows;
    }

    /** Runs the tasks on {@code threads} threads and waits for all; a task's unexpected failure ends the import. */
    static void runAll(int threads, List<Callable<Void>> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> pending = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                pending.add(pool.submit(task));
            }
            for (Future<Void> future : pending) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("import failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static String progress(int done, int total, long startedNanos) {
        return String.format(Locale.ROOT, "  %d/%d rows (%.0f rows/s)", done, total,
                done / Math.max((System.nanoTime() - startedNanos) / 1e9, 0.001));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
