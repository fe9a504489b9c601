package org.ntmrecords.infra.importing;

import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.unit.CeaseUnitCommand;
import org.ntmrecords.command.unit.RegisterUnitCommand;
import org.ntmrecords.command.unit.ReorganizeUnitCommand;
import org.ntmrecords.command.unit.UnitDirectory;
import org.ntmrecords.command.unit.UnitFacts;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.events.unit.Successor;
import org.ntmrecords.events.unit.UnitKind;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.axon.ActingAs;
import org.ntmrecords.infra.axon.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies the 1 July 2025 reorganisation ({@code data/units/mapping-2025.csv}: old unit → new unit) to the units
 * the store holds, as ordinary commands: new provinces and communes are registered (or, when they keep an old
 * unit's code, reorganised: new name, kind and parent), old units that did not keep their code cease into their
 * successors ({@code WHOLE} or {@code PART}), and the abolished district level ceases without successor. Units
 * the store does not hold are left alone. Each change cites the resolution the row gives (e.g.
 * {@code 1663/NQ-UBTVQH15 Điều 1 khoản 21}), or, for rows whose resolution was not checked, the code list the
 * mapping comes from. Re-running it changes nothing.
 */
@Component
public class ReorganizationImport {
    public static final Actor ACTOR = Actor.system("reorganization-2025");
    private static final Logger log = LoggerFactory.getLogger(ReorganizationImport.class);
    /** The day the new units took over. */
    public static final LocalDate EFFECTIVE = LocalDate.of(2025, 7, 1);

    private final CommandGateway commands;
    private final UnitDirectory units;
    private final Map<String, Boolean> held = new java.util.concurrent.ConcurrentHashMap<>();

    public ReorganizationImport(CommandGateway commands, UnitDirectory units) {
        this.commands = commands;
        this.units = units;
    }

    record Row(String oldCode, String newCode, String newName, int oldLevel, String newProvince, boolean partial,
               boolean abolished, String resolution) {
    }

    /**
     * What the import did, row by row and unit by unit. Every mapping row is counted once: {@code applied} (a command
     * for it changed a unit), {@code asMapped} (its units were already as the row says), {@code rejectedRows} (a
     * command for it was refused) or {@code skipped} under a named reason; the four add up to {@code rows}. A row
     * concerns its new unit (registered or reorganised) and, when the old unit does not keep its code, the old unit
     * (ceased); several rows may share a unit, whose command is sent once.
     *
     * @param registered  units registered (new provinces and communes)
     * @param reorganized units that kept their code and were reorganised
     * @param ceased      units ceased (into successors, or the district level without one)
     * @param unchanged   units already as mapped (their command changed nothing)
     * @param rejections  each refused command, with its unit and why
     */
    public record Report(int rows, int applied, int asMapped, int rejectedRows, Map<String, Integer> skipped,
                         int registered, int reorganized, int ceased, int unchanged, List<Message> rejections,
                         Duration elapsed) {
        public Report {
            skipped = Map.copyOf(skipped);
            rejections = List.copyOf(rejections);
        }

        /** The rows counted under one outcome or another: always {@link #rows()}. */
        public int accounted() {
            return applied + asMapped + rejectedRows + skipped.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Each refused command, with its unit and why, in English. */
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
            String skips = skipped.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> ApiText.say(locale, "import.reorganization.skipped", String.valueOf(e.getValue()),
                            reason(e.getKey())))
                    .reduce((a, b) -> a + ", " + b)
                    .orElse(ApiText.say(locale, "import.reorganization.noneSkipped"));
            return ApiText.say(locale, "import.reorganization.summary", String.valueOf(rows),
                    ImportSupport.seconds(elapsed), String.valueOf(applied), String.valueOf(asMapped),
                    String.valueOf(rejectedRows), skips, String.valueOf(registered), String.valueOf(reorganized),
                    String.valueOf(ceased), String.valueOf(unchanged), String.valueOf(rejections.size()));
        }
    }

    /** Why a mapping row changed nothing without being refused (the keys of {@link Report#skipped()}). */
    static final String NOT_HELD = "its old unit is not in the store";
    static final String SUCCESSOR_CEASED = "its new unit has itself ceased";
    static final String NO_NEW_UNIT = "it names no new unit";

    /** A reason a row was skipped, in words of the bundles. */
    static Message reason(String skipped) {
        return switch (skipped) {
            case NOT_HELD -> ApiText.of("import.reorganization.notHeld");
            case SUCCESSOR_CEASED -> ApiText.of("import.reorganization.successorCeased");
            default -> ApiText.of("import.reorganization.noNewUnit");
        };
    }

    /** What the command for one unit did in this run. */
    private enum Result { CHANGED, AS_MAPPED, REJECTED }

    private static final class Counts {
        int registered;
        int reorganized;
        int ceased;
        int unchanged;
        final List<Message> rejected = new ArrayList<>();
        /** {@code new:<code>} or {@code cease:<code>} → what its command did; absent when none was sent. */
        final Map<String, Result> results = new LinkedHashMap<>();
    }

    /** The mapping shipped with the service. */
    public static final String BUNDLED = "data/units/mapping-2025.csv";

    /** Applies the bundled mapping as the reorganisation task. */
    public Report runBundled(Consumer<Message> progress) throws IOException {
        try (Reader reader = new java.io.InputStreamReader(new org.springframework.core.io.ClassPathResource(BUNDLED)
                .getInputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
            return run(reader, ActingAs.Context.start(ACTOR), progress);
        }
    }

    public synchronized Report run(Reader csv, ActingAs.Context task, Consumer<Message> progress) throws IOException {
        long started = System.nanoTime();
        List<Row> rows = read(csv);
        held.clear();
        Counts counts = new Counts();
        // 1. provinces: the new ones, then the old ones that did not keep their code
        List<Row> provinces = rows.stream().filter(r -> r.oldLevel() == 1 && r.newCode() != null).toList();
        apply(provinces, UnitKind.PROVINCE, task, counts);
        // 2. communes, wards and special zones (island districts became special zones)
        List<Row> local = rows.stream().filter(r -> r.newCode() != null && r.oldLevel() >= 2).toList();
        apply(local, null, task, counts);
        progress.accept(ApiText.of("import.reorganization.localDone"));
        // 3. the district level, abolished without successor
        for (Row row : rows) {
            if (row.abolished() && held(row.oldCode()) && !counts.results.containsKey(ceaseKey(row.oldCode()))) {
                send(task, counts, ceaseKey(row.oldCode()), row.oldCode(), new CeaseUnitCommand(row.oldCode(),
                        EFFECTIVE, List.of(), basis(row)), true);
            }
        }
        // every row, by what the commands for its units did
        Set<String> keepCode = new java.util.HashSet<>();
        rows.stream().filter(r -> r.oldCode().equals(r.newCode())).forEach(r -> keepCode.add(r.oldCode()));
        int applied = 0;
        int asMapped = 0;
        int rejectedRows = 0;
        Map<String, Integer> skipped = new LinkedHashMap<>();
        for (Row row : rows) {
            List<String> keys = new ArrayList<>();
            String reason = null;
            if (!held(row.oldCode())) {
                reason = NOT_HELD;
            } else if (row.abolished()) {
                keys.add(ceaseKey(row.oldCode()));
            } else if (row.newCode() == null) {
                reason = NO_NEW_UNIT;
            } else {
                keys.add(newKey(row.newCode()));
                if (!keepCode.contains(row.oldCode())) {
                    keys.add(ceaseKey(row.oldCode()));
                }
            }
            List<Result> results = keys.stream().map(counts.results::get).filter(java.util.Objects::nonNull).toList();
            if (reason == null && results.isEmpty()) {
                reason = SUCCESSOR_CEASED;
            }
            if (reason != null) {
                skipped.merge(reason, 1, Integer::sum);
            } else if (results.contains(Result.REJECTED)) {
                rejectedRows++;
            } else if (results.contains(Result.CHANGED)) {
                applied++;
            } else {
                asMapped++;
            }
        }
        return new Report(rows.size(), applied, asMapped, rejectedRows, skipped, counts.registered,
                counts.reorganized, counts.ceased, counts.unchanged, counts.rejected,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static String newKey(String code) {
        return "new:" + code;
    }

    private static String ceaseKey(String code) {
        return "cease:" + code;
    }

    /** Registers or reorganises each new unit with a predecessor in the store, then ceases its other predecessors. */
    private void apply(List<Row> rows, UnitKind fixedKind, ActingAs.Context task, Counts counts) {
        Map<String, List<Row>> byNew = new LinkedHashMap<>();
        for (Row row : rows) {
            if (held(row.oldCode())) {
                byNew.computeIfAbsent(row.newCode(), k -> new ArrayList<>()).add(row);
            }
        }
        for (Map.Entry<String, List<Row>> entry : byNew.entrySet()) {
            String code = entry.getKey();
            Row first = entry.getValue().get(0);
            UnitKind kind = fixedKind != null ? fixedKind : kindOf(first.newName());
            String parent = kind == UnitKind.PROVINCE ? null : first.newProvince();
            Optional<UnitFacts> existing = units.find(code);
            if (existing.isEmpty()) {
                send(task, counts, newKey(code), code, new RegisterUnitCommand(code, shortName(first.newName()),
                        first.newName(), kind, parent, basis(first)), false);
            } else if (!existing.get().ceased()) {
                send(task, counts, newKey(code), code, new ReorganizeUnitCommand(code, shortName(first.newName()),
                        first.newName(), kind, parent, EFFECTIVE, basis(first)), false);
            }
        }
        // old units that did not keep their code: into every unit they went to
        Map<String, List<Row>> byOld = new LinkedHashMap<>();
        for (Row row : rows) {
            if (!row.oldCode().equals(row.newCode()) && held(row.oldCode())) {
                byOld.computeIfAbsent(row.oldCode(), k -> new ArrayList<>()).add(row);
            }
        }
        for (Map.Entry<String, List<Row>> entry : byOld.entrySet()) {
            boolean keepsCode = rows.stream().anyMatch(r -> r.oldCode().equals(entry.getKey())
                    && r.oldCode().equals(r.newCode()));
            if (keepsCode) {
                continue;
            }
            Set<String> seen = new LinkedHashSet<>();
            List<Successor> successors = new ArrayList<>();
            for (Row row : entry.getValue()) {
                if (seen.add(row.newCode())) {
                    successors.add(new Successor(row.newCode(), row.partial() || entry.getValue().size() > 1
                            ? Successor.Share.PART : Successor.Share.WHOLE));
                }
            }
            send(task, counts, ceaseKey(entry.getKey()), entry.getKey(), new CeaseUnitCommand(entry.getKey(),
                    EFFECTIVE, successors, basis(entry.getValue().get(0))), true);
        }
    }

    /** Whether the store holds the unit; asked once per code and run (the mapping names codes many times). */
    private boolean held(String code) {
        return held.computeIfAbsent(code, c -> units.find(c).isPresent());
    }

    private void send(ActingAs.Context task, Counts counts, String key, String code, Object command,
                      boolean ceasing) {
        try {
            ActingAs.call(task, () -> commands.sendAndWait(command));
            if (ceasing) {
                counts.ceased++;
            } else if (command instanceof RegisterUnitCommand) {
                counts.registered++;
            } else {
                counts.reorganized++;
            }
            counts.results.put(key, Result.CHANGED);
        } catch (CommandRejectedException e) {
            // applied before: the unit is already as mapped
            if (e.code() == RejectionCode.NO_CHANGE || e.code() == RejectionCode.UNIT_CEASED
                    || e.code() == RejectionCode.ALREADY_EXISTS) {
                counts.unchanged++;
                counts.results.put(key, Result.AS_MAPPED);
            } else {
                counts.rejected.add(ApiText.of("import.reorganization.refused", code, ImportSupport.why(e)));
                counts.results.put(key, Result.REJECTED);
            }
        } catch (Exception e) {
            log.warn("the reorganisation of {} failed", code, e);
            counts.rejected.add(ApiText.of("import.reorganization.refused", code, ImportSupport.failed(e)));
            counts.results.put(key, Result.REJECTED);
        }
    }

    /** The resolution the row cites, or the list the mapping was taken from when it was not checked. */
    static DocumentRef basis(Row row) {
        String resolution = row.resolution();
        if (resolution == null) {
            return row.oldLevel() == 1
                    ? new DocumentRef("915/CTK-CSCL", null, "Cục Thống kê", "Mã tỉnh mới (mapping-2025.csv; nghị quyết chưa đối chiếu)")
                    : new DocumentRef("1027/CTK-CSCL", null, "Cục Thống kê", "Danh mục ĐVHC cấp xã sau sắp xếp (mapping-2025.csv; nghị quyết chưa đối chiếu)");
        }
        int space = resolution.indexOf(' ');
        String number = space < 0 ? resolution : resolution.substring(0, space);
        String detail = space < 0 ? null : resolution.substring(space + 1).strip();
        return new DocumentRef(number, null, null, detail);
    }

    static UnitKind kindOf(String fullName) {
        if (fullName.startsWith("Phường ")) {
            return UnitKind.WARD;
        }
        if (fullName.startsWith("Đặc khu ")) {
            return UnitKind.SPECIAL_ZONE;
        }
        return UnitKind.COMMUNE;
    }

    /** {@code Xã Đốc Binh Kiều} → {@code Đốc Binh Kiều}. */
    static String shortName(String fullName) {
        for (String prefix : List.of("Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu ")) {
            if (fullName.startsWith(prefix)) {
                return fullName.substring(prefix.length());
            }
        }
        return fullName;
    }

    static List<Row> read(Reader csv) throws IOException {
        return ImportSupport.read(csv, (line, c) -> {
            String type = blankToNull(c.get("merge_type"));
            return new Row(blankToNull(c.get("old_code")), blankToNull(c.get("new_code")),
                    blankToNull(c.get("new_name")), Integer.parseInt(c.get("old_level").strip()),
                    blankToNull(c.get("new_province_code")), "partial".equals(type),
                    "district_level_abolished".equals(type), blankToNull(c.get("resolution_checked")));
        });
    }

    private static String blankToNull(String value) {
        return ImportSupport.blankToNull(value);
    }
}
