package org.ntmrecords.infra.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
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

    /** A row with more cells than the header has columns, with the cells beyond them not empty. */
    interface TooManyCells<T> {
        T read(int line, int cells, int columns);
    }

    /**
     * Rows separated by {@code delimiter}, quoted as Excel quotes them ({@code "a; b"}, a quote doubled inside); rows
     * whose every cell is empty (Excel writes {@code ;;;;} for a formatted empty row) are left out, their lines
     * still counted; a row with more cells than the header (an unquoted {@code 71,32} in a comma file) is not read
     * by its columns but reported as such, since its cells can no longer be told apart.
     */
    static <T> List<T> read(Reader csv, char delimiter, Consumer<List<String>> headerCheck, RowReader<T> reader,
                            TooManyCells<T> tooMany) throws IOException {
        List<T> rows = new ArrayList<>();
        int line = 0; // the last line read whole: a failure is on the next
        try (MappingIterator<String[]> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerFor(String[].class).with(CsvSchema.emptySchema().withColumnSeparator(delimiter))
                .readValues(csv)) {
            String[] header = it.hasNext() ? it.next() : new String[0];
            // the header is checked even when no row follows: a file of the wrong shape is refused, never "0 rows"
            line = 1;
            headerCheck.accept(Arrays.stream(header).map(h -> h == null ? "" : h.strip()).toList());
            while (it.hasNext()) {
                String[] cells = it.next();
                line++;
                if (Arrays.stream(cells).allMatch(v -> v == null || v.isBlank())) {
                    continue;
                }
                if (cells.length > header.length && Arrays.stream(cells, header.length, cells.length)
                        .anyMatch(v -> v != null && !v.isBlank())) {
                    rows.add(tooMany.read(line, cells.length, header.length));
                    continue;
                }
                Map<String, String> columns = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    columns.put(header[i].strip(), i < cells.length ? cells[i] : null);
                }
                rows.add(reader.read(line, columns));
            }
        } catch (RuntimeJsonMappingException | JsonProcessingException e) {
            // Jackson's words name its own classes: the file is refused in ours, with the line where it broke
            Throwable cause = e instanceof RuntimeJsonMappingException && e.getCause() != null ? e.getCause() : e;
            String what = String.valueOf(cause.getMessage());
            throw new IndicatorValueCsvImport.Unreadable(ApiText.of(what.contains("closing quote")
                    ? "import.file.unclosedQuote" : "import.file.notCsv", String.valueOf(line + 1)));
        }
        return rows;
    }

    /**
     * Refuses a header naming one of the {@code counted} columns twice (which cell would be read cannot be told), by
     * that column.
     */
    static void refuseDuplicates(java.util.Collection<String> header, java.util.function.Predicate<String> counted) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String name : header) {
            if (name != null && counted.test(name) && !seen.add(name)) {
                throw new IndicatorValueCsvImport.Unreadable(name, ApiText.of("import.file.duplicateColumn", name));
            }
        }
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
