package org.ntmrecords.infra.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.axonframework.common.transaction.TransactionManager;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.DryRun;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.common.UserError;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.axon.ActingAs;
import org.ntmrecords.infra.axon.DryRunScope;
import org.ntmrecords.infra.importing.IndicatorValueCsvImport.Outcome;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;

/**
 * Imports the records a programme keeps besides indicator values — agencies, tracking, indicators marked not assessed
 * and decided, plans and their rows, money recorded against them, task progress, reporting duties and reports
 * received, targets, titles granted before the record was kept — from a CSV or a workbook whose columns are the
 * fields of the GraphQL mutation that records one of them ({@link #KINDS}): {@code planId}, {@code lead.name},
 * {@code coordinating[2].name}, {@code funding[1].amount.vnd}. The mutation's input type in the served schema says
 * which columns there are, which are required and how each cell is read (dates, decimals and whole numbers by
 * {@link VietnameseCells}, enums by name, lists of codes separated by {@code ;}); each row is then sent through that
 * mutation's own controller as the importing account, so a row is checked exactly as the API checks it, and refused
 * with the API's code, field (as the file's column) and message. A row whose record exists already (its id recorded
 * before, {@code ALREADY_EXISTS}; a unit tracked already, {@code ALREADY_TRACKED}) changes nothing and is counted as
 * such, so a file can be sent again. A dry run handles every row in one unit of work rolled back at its end
 * ({@link DryRun}). A workbook may hold several kinds, one sheet each, named as the mutation ({@code issuePlan},
 * {@code addPlanItem}, …), imported in the workbook's order; the rules are in {@code docs/import-formats.md}.
 */
@Component
public class RecordsImport {
    /** What can be imported: each the mutation that records it. */
    public static final List<String> KINDS = List.of("registerAgency", "trackUnit", "markIndicatorNotAssessed",
            "recordIndicatorDecision", "attachEvidence", "certifyStandard", "issuePlan", "addPlanItem",
            "recordPlanFunds", "notePlanTaskProgress", "establishReportingDuty", "submitReport", "setTarget",
            "recordPriorRecognition", "openRecognitionCase");
    /** The input fields that name a row's record, in the order they are looked for. */
    private static final List<String> RECORD_IDS = List.of("itemId", "noteId", "fundsId", "submissionId", "dutyId",
            "targetId", "planId", "valueId", "decisionId", "agencyId", "documentId", "certificationId");
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z][A-Za-z0-9]*)(?:\\[(\\d{1,3})])?");

    private final GraphQlSource graphQl;
    private final ApplicationContext context;
    private final ObjectMapper json;
    private final TransactionManager transactions;
    private final long maxWorkbookBytes;
    private final Map<String, Target> targets = new ConcurrentHashMap<>();

    public RecordsImport(GraphQlSource graphQl, ApplicationContext context, ObjectMapper json,
                         TransactionManager transactions,
                         @Value("${ntm.import.max-workbook-size:20MB}") String maxWorkbookSize) {
        this.graphQl = graphQl;
        this.context = context;
        this.json = json;
        this.transactions = transactions;
        this.maxWorkbookBytes = org.springframework.util.unit.DataSize.parse(maxWorkbookSize).toBytes();
    }

    /** A mutation as the import sends it: its controller method and its input type. */
    private record Target(Object bean, Method method, GraphQLInputObjectType input) {
    }

    /** One row read: the mutation's input it gives, or why not (and the column at fault). */
    record RowRead(int line, Map<String, Object> input, String column, Message problem) {
    }

    /** One table: a sheet (or the CSV) of one kind, with its header's columns. */
    record Table(String kind, String sheet, Set<String> columns, List<RowRead> rows) {
    }

    /** A file read whole and found readable, ready for {@link #record}. */
    public static final class Parsed {
        private final List<Table> tables;
        private final long started;

        private Parsed(List<Table> tables, long started) {
            this.tables = tables;
            this.started = started;
        }

        public int rowCount() {
            return tables.stream().mapToInt(t -> t.rows().size()).sum();
        }

        /** The kinds read, in order (one per sheet). */
        public List<String> kinds() {
            return tables.stream().map(Table::kind).toList();
        }
    }

    /**
     * Reads a file as {@code kind} records (a CSV, or the workbook's first sheet or {@code sheet}), or, with no kind,
     * a workbook's sheets named as kinds. Refused ({@link IndicatorValueCsvImport.Unreadable}) before anything is
     * sent: an unknown kind, a CSV without one, a workbook with no sheet named as a kind, a column that is no field of
     * the kind's input, a header without the required columns.
     */
    public Parsed read(byte[] file, String name, Charset declared, String kind, String sheet,
                       Consumer<Message> said) throws IOException {
        long started = System.nanoTime();
        if (kind != null && !KINDS.contains(kind)) {
            throw new IndicatorValueCsvImport.Unreadable("kind", ApiText.of("import.records.unknownKind", kind,
                    String.join(", ", KINDS)));
        }
        List<Table> tables = new ArrayList<>();
        if (ValueWorkbook.isZip(file)) {
            try (XSSFWorkbook workbook = ValueWorkbook.open(file, maxWorkbookBytes)) {
                if (kind != null) {
                    Sheet chosen = sheet == null ? workbook.getSheetAt(0) : workbook.getSheet(sheet);
                    if (chosen == null) {
                        List<String> names = new ArrayList<>();
                        workbook.forEach(s -> names.add(s.getSheetName()));
                        throw new IndicatorValueCsvImport.Unreadable("sheet", ApiText.of("import.xlsx.noSuchSheet",
                                sheet, String.join(", ", names)));
                    }
                    tables.add(sheet(kind, chosen));
                } else {
                    for (Sheet each : workbook) {
                        if (KINDS.contains(each.getSheetName().strip())) {
                            tables.add(sheet(each.getSheetName().strip(), each));
                        } else {
                            said.accept(ApiText.of("import.records.sheetSkipped", each.getSheetName()));
                        }
                    }
                    if (tables.isEmpty()) {
                        throw new IndicatorValueCsvImport.Unreadable("kind", ApiText.of("import.records.noKindSheet",
                                String.join(", ", KINDS)));
                    }
                }
            }
            tables.forEach(t -> said.accept(ApiText.of("import.records.reading", t.sheet(), t.kind(),
                    String.valueOf(t.rows().size()))));
            return new Parsed(tables, started);
        }
        ValueWorkbook.refuseOtherOffice(file, name);
        if (kind == null) {
            throw new IndicatorValueCsvImport.Unreadable("kind", ApiText.of("import.records.csvKind",
                    String.join(", ", KINDS)));
        }
        Target target = target(kind);
        // the required columns that are whole fields (not an object's) tell the encoding and the separator
        CsvDialect.Decoded decoded = CsvDialect.read(file, declared, target.input().getFieldDefinitions().stream()
                .filter(f -> GraphQLTypeUtil.isNonNull(f.getType())
                        && !(GraphQLTypeUtil.unwrapAll(f.getType()) instanceof GraphQLInputObjectType))
                .map(GraphQLInputObjectField::getName).toList());
        said.accept(decoded.dialect().said());
        Set<String> columns = CsvDialect.columns(CsvDialect.headerLine(decoded.text()), decoded.dialect().delimiter());
        checkColumns(kind, target.input(), columns);
        List<RowRead> rows = ImportSupport.read(new java.io.StringReader(decoded.text()),
                decoded.dialect().delimiter(), header -> ImportSupport.refuseDuplicates(header, c -> !ignored(c)),
                (line, cells) -> row(target.input(), line, cells),
                (line, cells, count) -> new RowRead(line, null, null, ApiText.of(
                        "import.values.tooManyCells", String.valueOf(cells), String.valueOf(count))));
        tables.add(new Table(kind, null, columns, rows));
        return new Parsed(tables, started);
    }

    private Table sheet(String kind, Sheet sheet) {
        Target target = target(kind);
        Map<Integer, String> header = null;
        int above = 0;
        List<RowRead> rows = new ArrayList<>();
        for (Row row : sheet) {
            int line = row.getRowNum() + 1;
            if (header == null) {
                Map<Integer, String> names = ValueWorkbook.header(row);
                if (names.isEmpty()) {
                    continue;
                }
                // rows of text above the header (a title, the unit, a date) are passed over: the header is the
                // first row naming a field of the kind, within a few rows
                boolean namesFields = names.values().stream()
                        .anyMatch(n -> !ignored(n) && leaf(target.input(), n) != null);
                if (namesFields || ++above > ValueWorkbook.TITLE_ROWS) {
                    header = names;
                    checkColumns(kind, target.input(), header.values());
                    ImportSupport.refuseDuplicates(header.values(), c -> !ignored(c));
                }
                continue;
            }
            Map<String, Object> cells = new LinkedHashMap<>();
            Message error = null;
            String errorColumn = null;
            for (Map.Entry<Integer, String> column : header.entrySet()) {
                Object value = ValueWorkbook.value(row.getCell(column.getKey()));
                if (value instanceof ValueWorkbook.Failed failed) {
                    if (error == null && !ignored(column.getValue())) {
                        errorColumn = column.getValue();
                        error = ApiText.of("import.values.cell", column.getValue(), failed.reason());
                    }
                    value = null;
                }
                cells.put(column.getValue(), value);
            }
            if (error == null && cells.entrySet().stream().filter(c -> !ignored(c.getKey()))
                    .allMatch(c -> c.getValue() == null || c.getValue() instanceof String t && t.isBlank())) {
                continue;
            }
            rows.add(error != null ? new RowRead(line, null, errorColumn, error) : row(target.input(), line, cells));
        }
        if (header == null) {
            throw new IndicatorValueCsvImport.Unreadable("kind", ApiText.of("import.records.noHeader",
                    sheet.getSheetName(), kind));
        }
        return new Table(kind, sheet.getSheetName(), new LinkedHashSet<>(header.values()), rows);
    }

    /** A column an office keeps for itself: its header starts with {@code #} or {@code (}. */
    private static boolean ignored(String column) {
        return column.isBlank() || column.startsWith("#") || column.startsWith("(");
    }

    /** Every column a field of the input (or the office's own); the required top-level fields all present. */
    private static void checkColumns(String kind, GraphQLInputObjectType input, java.util.Collection<String> columns) {
        for (String column : columns) {
            if (!ignored(column) && leaf(input, column) == null) {
                throw new IndicatorValueCsvImport.Unreadable(column, ApiText.of("import.records.unknownColumn",
                        column, kind, String.join(", ", leaves(input, "", 0))));
            }
        }
        Set<String> missing = new LinkedHashSet<>(requiredTop(input));
        columns.forEach(column -> missing.remove(column.split("[.\\[]", 2)[0]));
        if (!missing.isEmpty()) {
            throw new IndicatorValueCsvImport.Unreadable(missing.iterator().next(), ApiText.of(
                    "import.records.missingColumns", kind, String.join(", ", missing)));
        }
    }

    /** The required fields of the input's top level (each a column, or the start of columns). */
    private static List<String> requiredTop(GraphQLInputObjectType input) {
        return input.getFieldDefinitions().stream().filter(f -> GraphQLTypeUtil.isNonNull(f.getType()))
                .map(GraphQLInputObjectField::getName).toList();
    }

    /** An input's fields a file may name: all but those the schema deprecates. */
    private static List<GraphQLInputObjectField> current(GraphQLInputObjectType input) {
        return input.getFieldDefinitions().stream().filter(f -> !f.isDeprecated()).toList();
    }

    /** The columns an input has: its scalar, enum and scalar-list fields by path, a list of objects by its first item. */
    static List<String> leaves(GraphQLInputObjectType input, String prefix, int depth) {
        List<String> names = new ArrayList<>();
        for (GraphQLInputObjectField field : current(input)) {
            GraphQLType type = GraphQLTypeUtil.unwrapNonNull(field.getType());
            boolean list = type instanceof GraphQLList;
            GraphQLType item = GraphQLTypeUtil.unwrapAll(type);
            String path = prefix + field.getName();
            if (item instanceof GraphQLInputObjectType object) {
                if (depth < 3) {
                    names.addAll(leaves(object, path + (list ? "[1]" : "") + ".", depth + 1));
                }
            } else {
                names.add(path);
            }
        }
        return names;
    }

    /** The leaf type a column names (a scalar or enum, or a list of them), or null when it names no field. */
    static GraphQLType leaf(GraphQLInputObjectType input, String column) {
        GraphQLType at = input;
        for (String part : column.split("\\.", -1)) {
            Matcher segment = SEGMENT.matcher(part);
            if (!(at instanceof GraphQLInputObjectType object) || !segment.matches()) {
                return null;
            }
            GraphQLInputObjectField field = object.getFieldDefinition(segment.group(1));
            if (field == null || field.isDeprecated()) {
                return null;
            }
            GraphQLType type = GraphQLTypeUtil.unwrapNonNull(field.getType());
            if (segment.group(2) != null) {
                int index = Integer.parseInt(segment.group(2));
                if (!(type instanceof GraphQLList list) || index < 1) {
                    return null;
                }
                type = GraphQLTypeUtil.unwrapNonNull(list.getWrappedType());
            }
            at = type;
        }
        if (at instanceof GraphQLInputObjectType) {
            return null;
        }
        if (at instanceof GraphQLList list && GraphQLTypeUtil.unwrapAll(list) instanceof GraphQLInputObjectType) {
            return null;
        }
        return at;
    }

    /** A row's cells as the mutation's input, or the first cell that cannot be read or required field missing. */
    private RowRead row(GraphQLInputObjectType input, int line, Map<String, ?> cells) {
        Map<String, Object> built = new LinkedHashMap<>();
        for (Map.Entry<String, ?> cell : cells.entrySet()) {
            String column = cell.getKey();
            Object raw = cell.getValue() instanceof String text ? ImportSupport.blankToNull(text) : cell.getValue();
            if (ignored(column) || raw == null) {
                continue;
            }
            try {
                put(built, column, read(leaf(input, column), raw));
            } catch (VietnameseCells.Refused e) {
                return new RowRead(line, null, column, ApiText.of("import.values.cell", column, e.reason()));
            } catch (IndicatorValueCsvImport.Unreadable e) {
                return new RowRead(line, null, column, ApiText.of("import.values.cell", column, e.text()));
            } catch (ArithmeticException | NumberFormatException e) {
                // a number no field can hold: the row's column, never the whole file
                return new RowRead(line, null, column, ApiText.of("import.values.cell", column,
                        ApiText.of("import.cells.notANumber", VietnameseCells.shown(String.valueOf(raw)))));
            }
        }
        String missing = missing(input, built, "");
        if (missing != null) {
            return new RowRead(line, null, missing, ApiText.of("import.values.cell", missing,
                    ApiText.of("import.records.required")));
        }
        return new RowRead(line, built, null, null);
    }

    /** The first required field left empty (by its column), where its object is given; null when none. */
    @SuppressWarnings("unchecked")
    private static String missing(GraphQLInputObjectType input, Map<String, Object> given, String prefix) {
        for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
            Object value = given.get(field.getName());
            String path = prefix + field.getName();
            if (value == null) {
                if (GraphQLTypeUtil.isNonNull(field.getType())) {
                    GraphQLType item = GraphQLTypeUtil.unwrapAll(field.getType());
                    boolean list = GraphQLTypeUtil.unwrapNonNull(field.getType()) instanceof GraphQLList;
                    return item instanceof GraphQLInputObjectType object
                            ? path + (list ? "[1]" : "") + "." + leaves(object, "", 0).get(0) : path;
                }
                continue;
            }
            GraphQLType item = GraphQLTypeUtil.unwrapAll(field.getType());
            if (item instanceof GraphQLInputObjectType object) {
                if (value instanceof Map<?, ?> map) {
                    String inner = missing(object, (Map<String, Object>) map, path + ".");
                    if (inner != null) {
                        return inner;
                    }
                } else if (value instanceof List<?> list) {
                    for (int i = 0; i < list.size(); i++) {
                        String at = path + "[" + (i + 1) + "]";
                        if (!(list.get(i) instanceof Map<?, ?> map)) {
                            return at + "." + leaves(object, "", 0).get(0);
                        }
                        String inner = missing(object, (Map<String, Object>) map, at + ".");
                        if (inner != null) {
                            return inner;
                        }
                    }
                }
            }
        }
        return null;
    }

    /** Places a value at a column's path ({@code funding[2].amount.vnd}), making the objects and lists on the way. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String column, Object value) {
        String[] parts = column.split("\\.");
        Map<String, Object> at = root;
        for (int i = 0; i < parts.length; i++) {
            Matcher segment = SEGMENT.matcher(parts[i]);
            segment.matches();
            String name = segment.group(1);
            boolean last = i == parts.length - 1;
            if (segment.group(2) == null) {
                if (last) {
                    at.put(name, value);
                } else {
                    at = (Map<String, Object>) at.computeIfAbsent(name, k -> new LinkedHashMap<String, Object>());
                }
                continue;
            }
            int index = Integer.parseInt(segment.group(2)) - 1;
            List<Object> list = (List<Object>) at.computeIfAbsent(name, k -> new ArrayList<>());
            while (list.size() <= index) {
                list.add(null);
            }
            if (last) {
                list.set(index, value);
            } else {
                if (list.get(index) == null) {
                    list.set(index, new LinkedHashMap<String, Object>());
                }
                at = (Map<String, Object>) list.get(index);
            }
        }
    }

    /** A cell as a value of a leaf type, in the form the input's binding takes (dates and decimals as text). */
    private static Object read(GraphQLType type, Object cell) {
        if (type instanceof GraphQLList list) {
            String text = cell instanceof String s ? s : shown(cell);
            List<Object> items = new ArrayList<>();
            for (String part : text.split("[;\\n]")) {
                if (!part.isBlank()) {
                    items.add(read(GraphQLTypeUtil.unwrapNonNull(list.getWrappedType()), part.strip()));
                }
            }
            return items;
        }
        if (type instanceof GraphQLEnumType enumType) {
            String text = (cell instanceof String s ? s : shown(cell)).strip().toUpperCase(Locale.ROOT);
            if (enumType.getValue(text) == null) {
                throw new IndicatorValueCsvImport.Unreadable(ApiText.of("import.records.notInEnum", shown(cell),
                        String.join(", ", enumType.getValues().stream().map(v -> v.getName()).toList())));
            }
            return text;
        }
        String scalar = ((GraphQLScalarType) type).getName();
        return switch (scalar) {
            case "Date" -> (cell instanceof LocalDate day ? day : VietnameseCells.date(text(cell))).toString();
            case "Decimal" -> (cell instanceof BigDecimal number ? number : VietnameseCells.decimal(text(cell)))
                    .toPlainString();
            case "Int" -> {
                long whole = cell instanceof BigDecimal number ? whole(number) : VietnameseCells.whole(text(cell));
                if (whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE) {
                    // GraphQL's Int is 32 bits: a row refused by its column, never the file
                    throw new IndicatorValueCsvImport.Unreadable(VietnameseCells.outOfRange(
                            cell instanceof String t ? VietnameseCells.trim(t) : shown(cell), Integer.MIN_VALUE,
                            Integer.MAX_VALUE));
                }
                yield (int) whole;
            }
            case "Long" -> cell instanceof BigDecimal number ? whole(number) : VietnameseCells.whole(text(cell));
            case "Boolean" -> cell instanceof Boolean b ? b : yesNo(text(cell));
            default -> cell instanceof String s ? s.strip() : shown(cell);
        };
    }

    private static String text(Object cell) {
        if (cell instanceof String s) {
            return s;
        }
        throw new IndicatorValueCsvImport.Unreadable(ApiText.of("import.records.notText", shown(cell)));
    }

    private static long whole(BigDecimal number) {
        try {
            return VietnameseCells.whole(number, shown(number));
        } catch (VietnameseCells.Refused e) {
            throw new IndicatorValueCsvImport.Unreadable(e.reason());
        }
    }

    private static boolean yesNo(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "có", "x" -> true;
            case "false", "không" -> false;
            default -> throw new IndicatorValueCsvImport.Unreadable(ApiText.of("import.records.notYesNo", text));
        };
    }

    /** A typed cell as written: a number without exponent, a day as ISO. */
    private static String shown(Object cell) {
        return VietnameseCells.shown(cell instanceof BigDecimal number ? number.toPlainString()
                : cell instanceof IndicatorValueCsvImport.WorkbookPercent p ? p.shown().toPlainString() + "%"
                : String.valueOf(cell));
    }

    /** What became of a row of a records import. */
    public record RowResult(int line, String sheet, String kind, Outcome outcome, String unitCode, String recordId,
                            String column, String code, Message reason, List<String> events) {
    }

    /** What a records import did: each row, in file order (sheet by sheet). */
    public record Report(List<RowResult> rows, Duration elapsed, boolean dryRun) {
        public int count(Outcome outcome) {
            return (int) rows.stream().filter(r -> r.outcome() == outcome).count();
        }
    }

    /**
     * Records (or, with {@code dryRun}, handles and rolls back) every row in order, as the run's account and with its
     * correlation id; a table's rows after another's, as the workbook orders its sheets.
     */
    public Report record(Parsed parsed, boolean dryRun, ActingAs.Context task,
                         IndicatorValueCsvImport.Progress progress) {
        List<RowResult> results = new ArrayList<>();
        int total = parsed.rowCount();
        progress.counted(0, total);
        Callable<Void> rows = () -> {
            for (Table table : parsed.tables) {
                Target target = target(table.kind());
                for (RowRead row : table.rows()) {
                    results.add(send(target, table, row, dryRun, task));
                    progress.counted(results.size(), total);
                }
            }
            return null;
        };
        try {
            // a dry run's rows in one unit of work rolled back at its end: each row sees the rows before it
            if (dryRun) {
                DryRunScope.call(transactions, rows);
            } else {
                rows.call();
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new Report(List.copyOf(results), Duration.ofNanos(System.nanoTime() - parsed.started), dryRun);
    }

    @SuppressWarnings("unchecked")
    private RowResult send(Target target, Table table, RowRead row, boolean dryRun, ActingAs.Context task) {
        if (row.input() == null) {
            return new RowResult(row.line(), table.sheet(), table.kind(), Outcome.REFUSED, null, null, row.column(),
                    "UNREADABLE", row.problem(), List.of());
        }
        String unit = row.input().get("unitCode") instanceof String u ? u : null;
        String recordId = recordId(table.kind(), row.input());
        Object input;
        try {
            input = json.convertValue(row.input(), target.method().getParameterTypes()[0]);
        } catch (IllegalArgumentException e) {
            return new RowResult(row.line(), table.sheet(), table.kind(), Outcome.REFUSED, unit, recordId, null,
                    "UNREADABLE", ApiText.of("import.records.notInput", String.valueOf(e.getMessage())), List.of());
        }
        List<UserError> errors;
        List<String> events;
        try {
            Object payload = ActingAs.call(task, () -> {
                try {
                    return target.method().invoke(target.bean(), input);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            });
            events = dryRun ? DryRun.takeStagedTypes() : List.of();
            errors = (List<UserError>) payload.getClass().getMethod("errors").invoke(payload);
        } catch (CommandRejectedException e) {
            errors = List.of(UserError.of(e));
            events = List.of();
        } catch (InvalidArgumentException e) {
            errors = List.of(new UserError(RejectionCode.INVALID_INPUT, null, e.text()));
            events = List.of();
        } catch (Exception e) {
            throw new IllegalStateException("importing " + table.kind() + " failed at line " + row.line(), e);
        }
        if (errors.isEmpty()) {
            return new RowResult(row.line(), table.sheet(), table.kind(), dryRun ? Outcome.WOULD_RECORD
                    : Outcome.RECORDED, unit, recordId, null, null, null,
                    events.stream().map(name -> name.replaceFirst("Event$", "")).toList());
        }
        UserError first = errors.get(0);
        Outcome outcome = first.code() == RejectionCode.ALREADY_EXISTS || first.code() == RejectionCode.ALREADY_TRACKED
                ? Outcome.ALREADY_RECORDED : Outcome.REFUSED;
        return new RowResult(row.line(), table.sheet(), table.kind(), outcome, unit, recordId,
                column(first.field(), table.columns()), first.code().name(),
                first.text() != null ? first.text() : ApiText.of("import.commandFailed", first.message()), List.of());
    }

    /** The record a row names: its own id, or for a title its set and year. */
    private static String recordId(String kind, Map<String, Object> input) {
        if (kind.equals("recordPriorRecognition") || kind.equals("openRecognitionCase")) {
            return input.get("unitCode") + "@" + input.get("setId") + "@" + input.get("year");
        }
        if (kind.equals("trackUnit")) {
            return input.get("unitCode") + "@" + input.get("setId");
        }
        return RECORD_IDS.stream().map(input::get).filter(v -> v instanceof String).map(String.class::cast)
                .findFirst().orElse(null);
    }

    /**
     * The file's column an API field names ({@code coordinating[0].name}: {@code coordinating[1].name}); null when the
     * file has no such column.
     */
    static String column(String field, Set<String> columns) {
        if (field == null) {
            return null;
        }
        Matcher index = Pattern.compile("\\[(\\d+)]").matcher(field);
        StringBuilder oneBased = new StringBuilder();
        while (index.find()) {
            index.appendReplacement(oneBased, "[" + (Integer.parseInt(index.group(1)) + 1) + "]");
        }
        index.appendTail(oneBased);
        String named = oneBased.toString();
        if (columns.contains(named)) {
            return named;
        }
        // a field no column of the file holds (the case id a title's columns make) is named by no column
        return columns.stream().filter(c -> c.startsWith(named + ".") || c.startsWith(named + "["))
                .findFirst().orElse(null);
    }

    /** The mutation's controller method and input type, found once among the controllers. */
    private Target target(String kind) {
        return targets.computeIfAbsent(kind, name -> {
            GraphQLFieldDefinition field = graphQl.schema().getMutationType().getFieldDefinition(name);
            GraphQLInputType type = field == null || field.getArgument("input") == null ? null
                    : field.getArgument("input").getType();
            if (!(GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLInputObjectType input)) {
                throw new IllegalStateException("no mutation " + name + "(input: …) in the schema");
            }
            for (Object bean : context.getBeansWithAnnotation(Controller.class).values()) {
                for (Method method : org.springframework.aop.support.AopUtils.getTargetClass(bean).getMethods()) {
                    MutationMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, MutationMapping.class);
                    if (mapping != null && (mapping.name().isEmpty() ? method.getName() : mapping.name()).equals(name)
                            && method.getParameterCount() == 1) {
                        return new Target(bean, method, input);
                    }
                }
            }
            throw new IllegalStateException("no controller method for mutation " + name);
        });
    }

    /** The columns a kind's file has, in the input's order (for templates and messages). */
    public List<String> columns(String kind) {
        return leaves(target(kind).input(), "", 0);
    }

    /** The values an enum column takes (in the schema's order); empty for any other column. */
    public List<String> values(String kind, String column) {
        GraphQLType type = leaf(target(kind).input(), column);
        return type instanceof GraphQLEnumType e ? e.getValues().stream().map(v -> v.getName()).toList() : List.of();
    }

    /** Each column's description in the schema, where it has one. */
    public Map<String, String> descriptions(String kind) {
        Map<String, String> described = new LinkedHashMap<>();
        describe(target(kind).input(), "", 0, described);
        return described;
    }

    private static void describe(GraphQLInputObjectType input, String prefix, int depth, Map<String, String> into) {
        for (GraphQLInputObjectField field : current(input)) {
            GraphQLType type = GraphQLTypeUtil.unwrapNonNull(field.getType());
            boolean list = type instanceof GraphQLList;
            GraphQLType item = GraphQLTypeUtil.unwrapAll(type);
            String path = prefix + field.getName();
            if (item instanceof GraphQLInputObjectType object) {
                if (depth < 3) {
                    describe(object, path + (list ? "[1]" : "") + ".", depth + 1, into);
                }
            } else {
                String kind = item instanceof GraphQLEnumType e ? String.join(" | ", e.getValues().stream()
                        .map(v -> v.getName()).toList()) : ((graphql.schema.GraphQLNamedType) item).getName();
                into.put(path, (GraphQLTypeUtil.isNonNull(field.getType()) ? "bắt buộc · " : "") + kind
                        + (list ? " (nhiều giá trị cách nhau bằng ;)" : "")
                        + (field.getDescription() == null ? "" : " — " + field.getDescription()));
            }
        }
    }
}
