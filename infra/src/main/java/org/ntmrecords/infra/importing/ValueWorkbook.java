package org.ntmrecords.infra.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.api.ApiText;

/**
 * The values of an Excel workbook ({@code .xlsx}): one sheet with the CSV's columns, its header on the first row that
 * is not empty, read into the same rows as a CSV's ({@link IndicatorValueCsvImport#row}). Text cells are read as a
 * CSV's cells are ({@link VietnameseCells}); numbers, dates and TRUE/FALSE as the values they hold, never through the
 * text Excel shows for them; a formula by the value Excel saved with it. Rows are numbered as Excel numbers them.
 * POI's zip-bomb limits ({@code ZipSecureFile}: inflation ratio, entry size) are left on, a workbook over them refused
 * in our words ({@link #whyNot}), and a workbook larger than {@code ntm.import.max-workbook-size} is refused before it
 * is opened. The rules are in {@code docs/import-formats.md}.
 */
final class ValueWorkbook {
    /** Rows of text an office may put above the header (a title, the unit, a date) before the header must come. */
    static final int TITLE_ROWS = 5;
    private ValueWorkbook() {
    }

    /** The rows of a sheet, and the sheet's name. */
    record Read(String sheet, List<IndicatorValueCsvImport.Row> rows) {
    }

    /** A zip's first bytes ({@code PK\3\4}), as every {@code .xlsx} begins. */
    static boolean isZip(byte[] file) {
        return file.length >= 4 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4;
    }

    /**
     * Refuses a file that is not a zip but an Office file all the same (Excel 97-2003, or a workbook saved with a
     * password, both OLE2 containers), or that is named as a workbook; a CSV passes.
     */
    static void refuseOtherOffice(byte[] file, String name) {
        if (file.length >= 8 && FileMagic.valueOf(file) == FileMagic.OLE2) {
            boolean encrypted;
            try (POIFSFileSystem ole = new POIFSFileSystem(new ByteArrayInputStream(file))) {
                encrypted = ole.getRoot().hasEntry("EncryptionInfo");
            } catch (IOException | RuntimeException e) {
                encrypted = false;
            }
            throw new IndicatorValueCsvImport.Unreadable(ApiText.of(encrypted ? "import.xlsx.encrypted"
                    : "import.xlsx.legacy"));
        }
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls")) {
            throw new IndicatorValueCsvImport.Unreadable(ApiText.of("import.xlsx.notAWorkbook"));
        }
    }

    /** Opens a workbook, refusing one too large (before it is opened), not a workbook, or over POI's limits. */
    static XSSFWorkbook open(byte[] file, long maxBytes) {
        if (file.length > maxBytes) {
            throw new IndicatorValueCsvImport.Unreadable(ApiText.of("import.xlsx.tooLarge",
                    megabytes(file.length), megabytes(maxBytes)));
        }
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(file));
        } catch (IOException | RuntimeException e) {
            throw new IndicatorValueCsvImport.Unreadable(ApiText.of(whyNot(e)));
        }
    }

    /**
     * Why POI could not open a workbook, in our words (POI's own name its classes and settings, which a person
     * sending a file can do nothing with): inflating more than POI's ratio allows ({@code ZipSecureFile}: a part
     * inflating over 100 times, as a long run of the same text does, not only a zip bomb), a part over POI's size
     * limits, or not a workbook at all (another zip, a damaged file, XML a workbook does not hold).
     */
    static String whyNot(Throwable e) {
        for (Throwable at = e; at != null; at = at.getCause()) {
            String message = String.valueOf(at.getMessage());
            if (message.contains("Zip bomb") || message.contains("MinInflateRatio")) {
                return "import.xlsx.compressed";
            }
            if (at instanceof org.apache.poi.util.RecordFormatException || message.contains("ByteArrayMaxOverride")
                    || message.contains("max entry size") || message.contains("MaxEntrySize")
                    || message.contains("MaxTextSize")) {
                return "import.xlsx.partTooLarge";
            }
        }
        return "import.xlsx.invalid";
    }

    static Read read(byte[] file, String sheetName, long maxBytes) {
        XSSFWorkbook workbook = open(file, maxBytes);
        try (workbook) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new IndicatorValueCsvImport.Unreadable(ApiText.of("import.xlsx.noSheet"));
            }
            Sheet sheet = sheetName == null ? workbook.getSheetAt(0) : workbook.getSheet(sheetName);
            if (sheet == null) {
                List<String> names = new ArrayList<>();
                workbook.forEach(s -> names.add(s.getSheetName()));
                throw new IndicatorValueCsvImport.Unreadable(ApiText.of("import.xlsx.noSuchSheet", sheetName,
                        String.join(", ", names)));
            }
            return new Read(sheet.getSheetName(), rows(sheet));
        } catch (IOException e) {
            throw new IndicatorValueCsvImport.Unreadable(ApiText.of(whyNot(e)));
        }
    }

    private static List<IndicatorValueCsvImport.Row> rows(Sheet sheet) {
        Map<Integer, String> header = null;
        int above = 0;
        List<IndicatorValueCsvImport.Row> rows = new ArrayList<>();
        for (Row row : sheet) {
            int line = row.getRowNum() + 1;
            if (header == null) {
                Map<Integer, String> names = header(row);
                if (names.isEmpty()) {
                    continue; // empty rows above the header
                }
                Set<String> missing = new LinkedHashSet<>(IndicatorValueCsvImport.REQUIRED);
                missing.removeAll(names.values());
                if (missing.isEmpty()) {
                    ImportSupport.refuseDuplicates(names.values(), IndicatorValueCsvImport.COLUMNS::contains);
                    header = names;
                } else if (++above > TITLE_ROWS || names.values().stream()
                        .anyMatch(IndicatorValueCsvImport.COLUMNS::contains)) {
                    // a row naming some of the columns is the header, with columns missing; past a few title rows,
                    // no header is coming
                    throw columns(sheet, missing, line);
                }
                continue;
            }
            Map<String, Object> columns = new LinkedHashMap<>();
            Message error = null;
            for (Map.Entry<Integer, String> column : header.entrySet()) {
                Object value = value(row.getCell(column.getKey()));
                if (value instanceof Failed failed) {
                    if (error == null && IndicatorValueCsvImport.COLUMNS.contains(column.getValue())) {
                        error = ApiText.of("import.values.cell", column.getValue(), failed.reason());
                    }
                    value = null;
                }
                columns.put(column.getValue(), value);
            }
            if (error == null && columns.values().stream().allMatch(v -> v == null
                    || v instanceof String text && text.isBlank())) {
                continue; // an empty row, as a CSV's ;;;; row
            }
            rows.add(error != null ? IndicatorValueCsvImport.problem(line, error)
                    : IndicatorValueCsvImport.row(line, columns));
        }
        if (header == null) {
            throw columns(sheet, new LinkedHashSet<>(IndicatorValueCsvImport.REQUIRED), 1);
        }
        return rows;
    }

    private static IndicatorValueCsvImport.Unreadable columns(Sheet sheet, Set<String> missing, int line) {
        return new IndicatorValueCsvImport.Unreadable(ApiText.of("import.xlsx.columns", missing.toString(),
                sheet.getSheetName(), String.valueOf(line), String.join(",", IndicatorValueCsvImport.COLUMNS)));
    }

    /** A header row's column names by their cells' places; empty when the row has none. */
    static Map<Integer, String> header(Row row) {
        Map<Integer, String> names = new LinkedHashMap<>();
        for (Cell cell : row) {
            Object value = value(cell);
            if (value instanceof String text && !text.isBlank()) {
                names.put(cell.getColumnIndex(), VietnameseCells.trim(text));
            }
        }
        return names;
    }

    /** A cell that holds no value the rules read: an error ({@code #DIV/0!}, {@code #N/A}), NaN, 1E-320; why. */
    record Failed(Message reason) {
    }

    /**
     * What a cell holds: text (NFC), a number ({@link BigDecimal} of the double Excel stores, by the shortest decimal
     * that is that double, as Excel shows it), a percent-formatted number as the percentage shown, a day, TRUE/FALSE,
     * an error; null when blank. A formula is taken by its saved result.
     */
    static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> Normalizer.normalize(cell.getStringCellValue(), Normalizer.Form.NFC);
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    yield cell.getLocalDateTimeCellValue().toLocalDate();
                }
                double stored = cell.getNumericCellValue();
                if (Double.isNaN(stored) || Double.isInfinite(stored)) {
                    yield new Failed(ApiText.of("import.xlsx.notFinite"));
                }
                String text = NumberToTextConverter.toText(stored);
                if (text.contains("E-") || stored != 0 && Math.abs(stored) < Double.MIN_NORMAL) {
                    // 1E-320 is no decimal the rules read (a CSV's cell would be refused): never taken for 0
                    yield new Failed(ApiText.of("import.xlsx.notPlain", text));
                }
                BigDecimal number = new BigDecimal(text);
                number = number.scale() < 0 ? number.setScale(0) : number; // 1E+20 as 100000000000000000000
                String format = cell.getCellStyle() == null ? null : cell.getCellStyle().getDataFormatString();
                yield format != null && format.replaceAll("\"[^\"]*\"", "").contains("%")
                        ? new IndicatorValueCsvImport.WorkbookPercent(number.movePointRight(2))
                        : number;
            }
            case BOOLEAN -> cell.getBooleanCellValue();
            case ERROR -> new Failed(ApiText.of("import.xlsx.errorCell", errorCode(cell.getErrorCellValue())));
            default -> null;
        };
    }

    private static String errorCode(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#" + code;
        }
    }

    /** Megabytes to a tenth, rounded up (a number, so said with a decimal comma in Vietnamese). */
    private static BigDecimal megabytes(long bytes) {
        BigDecimal mb = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024L * 1024), 1, java.math.RoundingMode.UP)
                .stripTrailingZeros();
        return mb.scale() < 0 ? mb.setScale(0) : mb;
    }
}
