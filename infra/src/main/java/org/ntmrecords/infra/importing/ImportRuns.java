package org.ntmrecords.infra.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ntmrecords.command.access.AccessChecks;
import org.ntmrecords.command.access.Acting;
import org.ntmrecords.command.access.SecurityLog;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.scorecard.RecordIndicatorValueCommand;
import org.ntmrecords.command.access.AccessPolicy;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.evidence.EvidenceCommands;
import org.ntmrecords.command.evidence.EvidenceDocument;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.events.evidence.EvidenceTarget;
import org.ntmrecords.events.evidence.StoredFile;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.axon.ActingAs;
import org.ntmrecords.infra.axon.Actor;
import org.ntmrecords.infra.evidence.EvidenceStore;
import org.ntmrecords.infra.security.AccessProbe;
import org.ntmrecords.infra.security.NtmPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Value imports uploaded over HTTP ({@code POST /imports/values}), run in the background as the account that uploaded
 * them and followed by {@code importRun(id)}. What is checked before anything runs, so that a file refused stores
 * nothing: the sender's role, the file's size and its type by content (a workbook or text, nothing else), then the
 * whole file read as the import reads it (a file of the wrong shape is refused with its reason). A dry run then checks
 * every row against the record as it stands and says what would be recorded; a real run keeps the file among the
 * evidence files (content-addressed, so the same file is kept once), records the rows with one correlation id (the
 * run's id) and attaches the file to each unit it recorded values for, so an auditor finds from any of those values
 * (its correlation id) the file it came from. Runs go one at a time in arrival order; up to
 * {@code ntm.import.queue} wait, more are refused, and an account has one run at a time: the place is taken before
 * the file is read (the costly part) and given back when the file is refused or the run is done. Reports are kept
 * while the service runs (the latest {@code ntm.import.kept-runs} of each account); what a run recorded is in the
 * event store.
 */
@Component
public class ImportRuns implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ImportRuns.class);
    /** What an import keeps as its file: a workbook as Tika names one without a parser, or text. */
    static final List<String> FILE_TYPES = List.of("text/plain", "text/csv", "application/x-tika-ooxml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final String EVIDENCE_KIND = "Tệp nhập số liệu";

    private final IndicatorValueCsvImport values;
    private final RecordsImport records;
    private final EvidenceStore files;
    private final CommandGateway commands;
    private final AccessProbe probe;
    private final Clock clock;
    private final long maxBytes;
    private final int kept;
    private final int maxRecordRows;
    private final ThreadPoolExecutor worker;
    private final Map<String, ImportRun> runs = new ConcurrentHashMap<>();
    private final SecurityLog securityLog;
    /** Runs admitted at once: being read, waiting and running (one runs, {@code ntm.import.queue} wait). */
    private final int capacity;
    /** The accounts with a run admitted (being read, waiting or running): one each. Guarded by {@code this}. */
    private final java.util.Set<String> busyAccounts = new java.util.HashSet<>();
    private int admitted;

    public ImportRuns(IndicatorValueCsvImport values, RecordsImport records, EvidenceStore files,
                      CommandGateway commands, AccessProbe probe, SecurityLog securityLog,
                      Clock clock, @Value("${ntm.import.max-upload-size:20MB}") String maxUploadSize,
                      @Value("${ntm.import.queue:4}") int queue, @Value("${ntm.import.kept-runs:50}") int kept,
                      @Value("${ntm.import.max-record-rows:10000}") int maxRecordRows) {
        this.values = values;
        this.records = records;
        this.files = files;
        this.commands = commands;
        this.probe = probe;
        this.securityLog = securityLog;
        this.clock = clock;
        this.maxBytes = org.springframework.util.unit.DataSize.parse(maxUploadSize).toBytes();
        this.kept = kept;
        this.maxRecordRows = maxRecordRows;
        this.capacity = Math.max(1, queue) + 1;
        // admission is counted before a file is read (reserve), so the worker's own queue never refuses
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(),
                r -> {
                    Thread thread = new Thread(r, "value-import");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** The largest file an upload may be, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    public enum Status { QUEUED, RUNNING, DONE, FAILED }

    /**
     * A file refused before anything ran or was stored: a typed code, the field at fault ({@code file}, {@code sheet},
     * {@code encoding}, or the column the file lacks) and why, in words of the bundles.
     */
    public static final class Refused extends RuntimeException {
        private final transient Message text;
        private final String code;
        private final String field;

        Refused(String code, String field, Message text) {
            super(text.toString());
            this.code = code;
            this.field = field;
            this.text = text;
        }

        public String code() {
            return code;
        }

        public String field() {
            return field;
        }

        public Message text() {
            return text;
        }
    }

    /**
     * What an upload asks: the file, its name as the sender gave it, how to read it, and what it holds: indicator
     * values ({@code kind} null) or records of a {@link RecordsImport#KINDS kind} (a workbook of several kinds: "records").
     */
    public record Upload(byte[] content, String fileName, String sheet, Charset encoding, boolean dryRun,
                         String kind) {
        public Upload(byte[] content, String fileName, String sheet, Charset encoding, boolean dryRun) {
            this(content, fileName, sheet, encoding, dryRun, null);
        }

        boolean values() {
            return kind == null;
        }
    }

    /**
     * A row of either import, as a run reports it: where it is (line, sheet), what it records (kind, unit, record;
     * for a value its set, indicator, value and period), what became of it, and for a dry run the events it would
     * store.
     */
    public record ImportedRow(int line, String sheet, String kind, IndicatorValueCsvImport.Outcome outcome,
                              String unitCode, String setId, String recordId, String indicatorCode, String value,
                              LocalDate periodStart, LocalDate periodEnd, String column, String code, Message reason,
                              List<String> events) {
        static ImportedRow of(IndicatorValueCsvImport.RowOutcome row) {
            return new ImportedRow(row.line(), null, "values", row.outcome(), row.unitCode(), row.setId(),
                    row.valueId(), row.indicatorCode(),
                    row.value() == null ? null : VietnameseCells.shown(row.value().display()),
                    row.period() == null ? null : row.period().start(), row.period() == null ? null : row.period().end(),
                    row.column(), row.code(), row.reason(), List.of());
        }

        static ImportedRow of(RecordsImport.RowResult row) {
            return new ImportedRow(row.line(), row.sheet(), row.kind(), row.outcome(), row.unitCode(), null,
                    row.recordId(), null, null, null, null, row.column(), row.code(), row.reason(), row.events());
        }
    }

    /** What a run did once done: counts, one sentence, every row in file order. */
    public record Result(int recorded, int alreadyRecorded, int refused, Message summary, List<ImportedRow> rows) {
    }

    /** An import run: who started it, with which file, how far it got, and its report once done. */
    public static final class ImportRun {
        private final String id;
        private final String startedBy;
        private final Instant startedAt;
        private final String fileName;
        private final long fileSize;
        private final String mediaType;
        private final boolean dryRun;
        private final AtomicReference<Status> status = new AtomicReference<>(Status.QUEUED);
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger total = new AtomicInteger();
        private final List<Message> said = Collections.synchronizedList(new ArrayList<>());
        private final List<Message> warnings = Collections.synchronizedList(new ArrayList<>());
        private volatile String fileSha256;
        private final String kind;
        private volatile Result result;
        private volatile Instant finishedAt;
        private volatile Message failure;

        ImportRun(String id, String startedBy, Instant startedAt, String fileName, long fileSize, String mediaType,
                  boolean dryRun, int rows, String kind) {
            this.id = id;
            this.kind = kind;
            this.startedBy = startedBy;
            this.startedAt = startedAt;
            this.fileName = fileName;
            this.fileSize = fileSize;
            this.mediaType = mediaType;
            this.dryRun = dryRun;
            this.total.set(rows);
        }

        public String id() {
            return id;
        }

        /** The correlation id every event of the run carries: the run's id. */
        public String correlationId() {
            return id;
        }

        public String startedBy() {
            return startedBy;
        }

        public Instant startedAt() {
            return startedAt;
        }

        public Instant finishedAt() {
            return finishedAt;
        }

        public String fileName() {
            return fileName;
        }

        public long fileSize() {
            return fileSize;
        }

        public String mediaType() {
            return mediaType;
        }

        /** The SHA-256 the file is kept under among the evidence files; null for a dry run (nothing is kept). */
        public String fileSha256() {
            return fileSha256;
        }

        public boolean dryRun() {
            return dryRun;
        }

        public Status status() {
            return status.get();
        }

        /** Rows settled so far, of {@link #total()}. */
        public int done() {
            return done.get();
        }

        public int total() {
            return total.get();
        }

        /** What the run said as it went (how the file was read, progress). */
        public List<Message> said() {
            return List.copyOf(said);
        }

        /** What did not stop the run but should be looked at (a unit the file could not be attached to). */
        public List<Message> warnings() {
            return List.copyOf(warnings);
        }

        /** What it imports: {@code values}, a kind of records, or {@code records} for a workbook of several kinds. */
        public String kind() {
            return kind;
        }

        /** What it did once done; null before. */
        public Result result() {
            return result;
        }

        /** Why a FAILED run stopped, for a reader (the error itself is in the service's log). */
        public Message failure() {
            return failure;
        }
    }

    /**
     * Checks an upload and starts its run, or refuses it ({@link Refused}) with nothing stored and nothing run: a role
     * that records no values, an empty or too large file, a file that is neither a workbook nor text, a file that
     * cannot be read as the import reads it, a queue that is full.
     */
    public ImportRun start(Upload upload, NtmPrincipal user) {
        if (user == null || (upload.values() ? !AccessChecks.RECORDERS.contains(user.role())
                : user.role() == Role.AUDITOR || user.role() == Role.DASHBOARD_VIEWER || user.role() == Role.SYSTEM)) {
            Message why = ApiText.of(upload.values() ? "import.upload.mayNot" : "import.upload.mayNotRecords");
            if (user != null) {
                // as a refused command is: who tried what, in English for the operators
                securityLog.denied(acting(user), upload.values() ? "POST /imports/values" : "POST /imports/records",
                        null, why.toString());
            }
            throw new Refused("NOT_ALLOWED", "file", why);
        }
        byte[] content = upload.content();
        if (content == null || content.length == 0) {
            throw new Refused("FILE_REJECTED", "file", ApiText.of("evidence.file.empty"));
        }
        if (content.length > maxBytes) {
            throw new Refused("FILE_REJECTED", "file", ApiText.of("import.upload.tooLarge",
                    String.valueOf(maxBytes / (1024 * 1024))));
        }
        String type = files.detect(content);
        if (!FILE_TYPES.contains(type)) {
            throw new Refused("FILE_REJECTED", "file", ApiText.of("import.upload.type", type));
        }
        String name = upload.fileName() == null || upload.fileName().isBlank() ? "tep-nhap"
                : upload.fileName().strip();
        try {
            // the check every one-line input gets (a note, a number as written): no control or format characters
            // (U+202E and the other bidi overrides among them), at most 200 characters
            name = Inputs.optionalLine("fileName", name, Inputs.NAME_MAX);
        } catch (CommandRejectedException e) {
            throw new Refused("INVALID_INPUT", "fileName", e.text());
        }
        // a slot is taken before the file is read (reading a large workbook is the costly part), given back if refused
        reserve(user.username());
        boolean admittedRun = false;
        try {
            ImportRun run = read(upload, user, content, type, name);
            admittedRun = true;
            return run;
        } finally {
            if (!admittedRun) {
                release(user.username());
            }
        }
    }

    /** Takes a place for an account's run, or refuses: one run per account at a time, {@link #capacity} in all. */
    private synchronized void reserve(String account) {
        if (busyAccounts.contains(account)) {
            throw new Refused("BUSY", "file", ApiText.of("import.upload.busyAccount"));
        }
        if (admitted >= capacity) {
            throw new Refused("BUSY", "file", ApiText.of("import.upload.busy"));
        }
        admitted++;
        busyAccounts.add(account);
    }

    private synchronized void release(String account) {
        if (busyAccounts.remove(account)) {
            admitted--;
        }
    }

    private static Acting acting(NtmPrincipal user) {
        return new Acting(user.username(), user.role(), user.unitCode(), user.agencyId());
    }

    /** Words of the CLI's ({@code --encoding=}, {@code --sheet=}) said as the HTTP parameters. */
    private static final java.util.Set<String> SAID_AS_PARAMETERS = java.util.Set.of("import.file.notInEncoding",
            "import.file.encoding", "import.file.brokenUtf8", "import.xlsx.sheetOfCsv");

    private static Message overHttp(Message text) {
        return SAID_AS_PARAMETERS.contains(text.key()) ? new Message(text.bundle(), text.key() + ".http", text.args())
                : text;
    }

    private ImportRun read(Upload upload, NtmPrincipal user, byte[] content, String type, String name) {
        Object parsed;
        int rows;
        String kind;
        List<Message> said = new ArrayList<>();
        try {
            if (upload.values()) {
                IndicatorValueCsvImport.Parsed read = values.read(content, name, upload.encoding(), upload.sheet(),
                        said::add);
                parsed = read;
                rows = read.rowCount();
                kind = "values";
            } else {
                String asked = "records".equals(upload.kind()) ? null : upload.kind();
                RecordsImport.Parsed read = records.read(content, name, upload.encoding(), asked, upload.sheet(),
                        said::add);
                parsed = read;
                rows = read.rowCount();
                if (rows > maxRecordRows) {
                    throw new Refused("FILE_REJECTED", "file", ApiText.of("import.upload.tooManyRows",
                            String.valueOf(rows), String.valueOf(maxRecordRows)));
                }
                kind = read.kinds().stream().distinct().count() == 1 ? read.kinds().get(0) : "records";
            }
        } catch (IndicatorValueCsvImport.Unreadable e) {
            throw new Refused("FILE_UNREADABLE", e.column() == null ? "file" : e.column(), overHttp(e.text()));
        } catch (IOException e) {
            log.warn("Import of {} by {}: the file could not be read", name, user.username(), e);
            throw new Refused("FILE_UNREADABLE", "file", ApiText.of("import.upload.readFailed"));
        }
        ImportRun run = new ImportRun(UUID.randomUUID().toString(), user.username(), clock.instant(), name,
                content.length, type, upload.dryRun(), rows, kind);
        run.said.addAll(said);
        forgetOld(user.username());
        runs.put(run.id(), run);
        try {
            worker.execute(() -> run(run, content, parsed, user));
        } catch (RejectedExecutionException e) {
            // the service is stopping
            runs.remove(run.id());
            throw new Refused("BUSY", "file", ApiText.of("import.upload.busy"));
        }
        return run;
    }

    /** A run by id, for the account that started it, administrators and auditors; null for anyone else. */
    public ImportRun find(String id, NtmPrincipal reader) {
        ImportRun run = id == null ? null : runs.get(id);
        if (run == null || reader == null) {
            return null;
        }
        boolean mayRead = reader.username().equals(run.startedBy()) || reader.role() == Role.ADMINISTRATOR
                || reader.role() == Role.AUDITOR;
        return mayRead ? run : null;
    }

    /**
     * Keeps an account's latest {@code ntm.import.kept-runs} reports: its oldest finished ones go, never another
     * account's, so one account sending many files does not push the others' reports out.
     */
    private void forgetOld(String account) {
        List<ImportRun> mine = runs.values().stream().filter(r -> r.startedBy().equals(account))
                .sorted(Comparator.comparing(ImportRun::startedAt)).toList();
        int count = mine.size();
        for (ImportRun old : mine) {
            if (count < kept) {
                return;
            }
            if (old.status() == Status.DONE || old.status() == Status.FAILED) {
                runs.remove(old.id());
                count--;
            }
        }
    }

    private void run(ImportRun run, byte[] content, Object parsed, NtmPrincipal user) {
        run.status.set(Status.RUNNING);
        // the security log names the run too, as it names a request
        org.ntmrecords.infra.axon.RequestCorrelation.set(run.correlationId());
        Actor actor = new Actor(user.username(), user.role().name(), user.unitCode(), user.agencyId());
        ActingAs.Context task = new ActingAs.Context(actor, run.correlationId());
        AccessProbe.Batch access = probe.batch(user);
        Status ended = Status.FAILED;
        try {
            StoredFile kept = null;
            if (!run.dryRun()) {
                EvidenceStore.Stored stored = files.store(new ByteArrayInputStream(content), FILE_TYPES);
                run.fileSha256 = stored.sha256();
                kept = new StoredFile(stored.sha256(), stored.size(), stored.mediaType(), run.fileName());
            }
            IndicatorValueCsvImport.Progress progress = new IndicatorValueCsvImport.Progress() {
                @Override
                public void accept(Message message) {
                    run.said.add(message);
                }

                @Override
                public void counted(int done, int total) {
                    run.done.set(done);
                    run.total.set(total);
                }
            };
            Result result;
            if (parsed instanceof IndicatorValueCsvImport.Parsed read) {
                IndicatorValueCsvImport.Report report = values.record(read, run.dryRun(), task, progress, value -> {
                    AccessPolicy.Decision decision;
                    // the probe's directories are read once per run, by the import's worker threads in turn
                    synchronized (access) {
                        decision = access.decide(value);
                    }
                    if (decision.allowed()) {
                        return null;
                    }
                    // refused here rather than by the command bus, so logged as the bus would log it
                    denied(run, user, RecordIndicatorValueCommand.class.getSimpleName(), decision.targetUnit(),
                            decision.reason());
                    return decision.reason();
                });
                result = new Result(report.recorded(), report.alreadyRecorded(), report.rejections().size(),
                        ApiText.of(run.dryRun() ? "import.values.drySummary" : "import.values.summary",
                                String.valueOf(report.rows()), ImportSupport.seconds(report.elapsed()),
                                ImportSupport.rate(report.rows(), report.elapsed()), String.valueOf(report.recorded()),
                                String.valueOf(report.alreadyRecorded()), String.valueOf(report.rejections().size())),
                        report.outcomes().stream().map(ImportedRow::of).toList());
            } else {
                RecordsImport.Report report = records.record((RecordsImport.Parsed) parsed, run.dryRun(), task,
                        progress);
                int recorded = report.count(run.dryRun() ? IndicatorValueCsvImport.Outcome.WOULD_RECORD
                        : IndicatorValueCsvImport.Outcome.RECORDED);
                int already = report.count(IndicatorValueCsvImport.Outcome.ALREADY_RECORDED);
                int refused = report.count(IndicatorValueCsvImport.Outcome.REFUSED);
                result = new Result(recorded, already, refused, ApiText.of(run.dryRun()
                                ? "import.records.drySummary" : "import.records.summary",
                        String.valueOf(report.rows().size()), ImportSupport.seconds(report.elapsed()),
                        String.valueOf(recorded), String.valueOf(already), String.valueOf(refused)),
                        report.rows().stream().map(ImportedRow::of).toList());
            }
            if (kept != null) {
                attach(run, result, kept, task);
            }
            run.result = result;
            run.finishedAt = clock.instant();
            ended = Status.DONE;
        } catch (CommandRejectedException e) {
            run.failure = e.text();
            run.finishedAt = clock.instant();
            ended = Status.FAILED;
        } catch (Exception e) {
            log.error("Import {} of {} failed", run.id(), run.fileName(), e);
            run.failure = ApiText.of("import.upload.failed");
            run.finishedAt = clock.instant();
            ended = Status.FAILED;
        } finally {
            org.ntmrecords.infra.axon.RequestCorrelation.clear();
            // the account's place is given back before the run is seen done, so that it may send the next file
            release(run.startedBy());
            run.status.set(ended);
        }
    }

    /** A row refused as the sender may not record it, in the security log with the run's correlation id. */
    private void denied(ImportRun run, NtmPrincipal user, String command, String unit, Message reason) {
        var before = org.ntmrecords.infra.axon.RequestCorrelation.request();
        org.ntmrecords.infra.axon.RequestCorrelation.set(run.correlationId());
        try {
            securityLog.denied(acting(user), command, unit, String.valueOf(reason));
        } finally {
            before.ifPresentOrElse(org.ntmrecords.infra.axon.RequestCorrelation::set,
                    org.ntmrecords.infra.axon.RequestCorrelation::clear);
        }
    }

    /** The file attached to every unit the run recorded values for, as the sender, with the run's correlation id. */
    private void attach(ImportRun run, Result result, StoredFile file, ActingAs.Context task) {
        Map<String, Integer> recordedByUnit = new LinkedHashMap<>();
        for (ImportedRow row : result.rows()) {
            if (row.outcome() == IndicatorValueCsvImport.Outcome.RECORDED && row.unitCode() != null) {
                recordedByUnit.merge(row.unitCode(), 1, Integer::sum);
            }
        }
        LocalDate today = LocalDate.now(clock);
        String runKey = run.id().replace("-", "").substring(0, 16);
        for (Map.Entry<String, Integer> unit : recordedByUnit.entrySet()) {
            String documentId = "import-" + runKey + "-" + unit.getKey();
            String note = ApiText.of("import.upload.evidenceNote", run.id(), String.valueOf(unit.getValue()))
                    .in(Message.VIETNAMESE);
            try {
                ActingAs.call(task, () -> commands.sendAndWait(new EvidenceCommands.Attach(
                        EvidenceDocument.streamId(documentId), documentId,
                        new EvidenceTarget(EvidenceTarget.Kind.UNIT, unit.getKey(), null, null, null),
                        new DocumentRef(run.fileName(), today, null,
                                ApiText.of("import.upload.evidenceTitle").in(Message.VIETNAMESE)),
                        EVIDENCE_KIND, file, note)));
            } catch (CommandRejectedException e) {
                run.warnings.add(ApiText.of("import.upload.notAttached", unit.getKey(), e.text()));
            } catch (Exception e) {
                log.warn("Import {}: file not attached to unit {}", run.id(), unit.getKey(), e);
                run.warnings.add(ApiText.of("import.upload.notAttached", unit.getKey(),
                        ApiText.of("import.upload.failed")));
            }
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
