package org.ntmrecords.infra.importing;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.api.ApiText;

/**
 * What the CSV imports share: reading a file with a header row, running rows in parallel, progress lines and the
 * words of their reports (messages of the {@code import.*} keys, said in the language of whoever reads them).
 */
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

    static Message progress(int done, int total, long startedNanos) {
        return ApiText.of("import.progress", String.valueOf(done), String.valueOf(total),
                String.format(Locale.ROOT, "%.0f", done / Math.max((System.nanoTime() - startedNanos) / 1e9, 0.001)));
    }

    /** How long an import took, in seconds to a tenth (a decimal comma in Vietnamese). */
    static BigDecimal seconds(Duration elapsed) {
        return BigDecimal.valueOf(Math.max(elapsed.toMillis(), 1), 3).setScale(1, RoundingMode.HALF_UP);
    }

    /** Rows per second over an import, as a whole number. */
    static String rate(int rows, Duration elapsed) {
        return String.format(Locale.ROOT, "%.0f", rows / (Math.max(elapsed.toMillis(), 1) / 1000.0));
    }

    /** Why a command was refused: its words of the bundles, or as written when it has none. */
    static Object why(CommandRejectedException e) {
        return e.text() != null ? e.text() : String.valueOf(e.getMessage());
    }

    /** Why a command failed unexpectedly, without the exception's type (the log has it). */
    static Message failed(Exception e) {
        return ApiText.of("import.commandFailed", String.valueOf(e.getMessage()));
    }

    /** Messages in a language. */
    static List<String> in(List<Message> messages, Locale locale) {
        return messages.stream().map(m -> m.in(locale)).toList();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
