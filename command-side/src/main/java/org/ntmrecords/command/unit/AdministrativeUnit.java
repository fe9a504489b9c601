package org.ntmrecords.command.unit;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.unit.Successor;
import org.ntmrecords.events.unit.UnitCeasedEvent;
import org.ntmrecords.events.unit.UnitKind;
import org.ntmrecords.events.unit.UnitParentChangedEvent;
import org.ntmrecords.events.unit.UnitRegisteredEvent;
import org.ntmrecords.events.unit.UnitRenamedEvent;
import org.ntmrecords.events.unit.UnitReorganizedEvent;

/**
 * An administrative unit (province, district, commune, ...) under its official GSO code, or a village (thôn, ấp,
 * khu dân cư, bản, làng) under a code its commune gives it. Its stream holds its registration, every rename, move
 * and reorganisation, and its cessation with its successors, so its history survives administrative changes such as
 * the reform of 1 July 2025.
 *
 * <p>The GSO lists no villages, so a village has no official code. Its code is its commune's GSO code, a hyphen and
 * the commune's own code for it ({@code 15169-phuc-ngan-vai}, {@code 30061-ap-5}): unambiguous across the country,
 * and stable, since a code is never changed once registered (a village that later moves keeps it).
 */
@Aggregate
public class AdministrativeUnit {
    /** GSO codes: 2 digits for provinces, 3 for districts, 5 for communes. */
    private static final Pattern GSO_CODE = Pattern.compile("\\d{2}|\\d{3}|\\d{5}");
    /**
     * A village's code: its commune's 5 digits, a hyphen, and the commune's own code for it: lower-case letters
     * without diacritics and digits, in words joined by single hyphens ({@code ap-5}), at most 40 characters.
     */
    private static final Pattern VILLAGE_CODE = Pattern.compile("(\\d{5})-([a-z0-9]+(?:-[a-z0-9]+)*)");
    private static final int VILLAGE_OWN_CODE_MAX = 40;

    @AggregateIdentifier
    private String code;
    private String name;
    private String fullName;
    private UnitKind kind;
    private String parentCode;
    /** The date of the latest reorganisation or cessation: the record describes the unit as of then. */
    private LocalDate stateDate;
    private LocalDate ceasedOn;

    protected AdministrativeUnit() {
    }

    @CommandHandler
    public AdministrativeUnit(RegisterUnitCommand command, UnitDirectory units, Clock clock) {
        Registration registration = Registration.check(command.code(), command.name(), command.fullName(),
                command.kind(), command.parentCode(), command.source(), units, LocalDate.now(clock), false);
        if (units.find(registration.code()).isPresent()) {
            throw new CommandRejectedException(RejectionCode.ALREADY_EXISTS, "code",
                    CommandText.of("unit.alreadyRegistered", registration.code()));
        }
        apply(registration.registered());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ImportOutcome handle(ImportUnitCommand command, UnitDirectory units, Clock clock) {
        if (code != null && stateDate != null && (command.source() == null || command.source().date() == null
                || command.source().date().isBefore(stateDate))) {
            return ImportOutcome.SUPERSEDED;
        }
        // a list may place a unit under a parent that has since ceased: it describes the past
        Registration row = Registration.check(command.code(), command.name(), command.fullName(),
                command.kind(), command.parentCode(), command.source(), units, LocalDate.now(clock), true);
        if (code == null) {
            apply(row.registered());
            return ImportOutcome.REGISTERED;
        }
        if (ceasedOn != null) {
            throw ceased();
        }
        if (row.kind() != kind) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "kind",
                    CommandText.of("unit.kindChange", code, CommandText.term(kind), CommandText.term(row.kind())));
        }
        boolean changed = false;
        if (!row.name().equals(name) || !row.fullName().equals(fullName)) {
            apply(new UnitRenamedEvent(code, name, fullName, row.name(), row.fullName(), row.source()));
            changed = true;
        }
        if (!Objects.equals(row.parentCode(), parentCode)) {
            apply(new UnitParentChangedEvent(code, parentCode, row.parentCode(), row.source()));
            changed = true;
        }
        return changed ? ImportOutcome.UPDATED : ImportOutcome.UNCHANGED;
    }

    @CommandHandler
    public void handle(RenameUnitCommand command, Clock clock) {
        if (ceasedOn != null) {
            throw ceased();
        }
        String newName = Inputs.requiredLine("name", command.name(), Inputs.NAME_MAX);
        String newFullName = Inputs.requiredLine("fullName", command.fullName(), Inputs.NAME_MAX);
        DocumentRef basis = Inputs.document("basis", command.basis(), LocalDate.now(clock));
        if (newName.equals(name) && newFullName.equals(fullName)) {
            throw new CommandRejectedException(RejectionCode.NO_CHANGE, "name",
                    CommandText.of("unit.alreadyNamed", code, fullName));
        }
        apply(new UnitRenamedEvent(code, name, fullName, newName, newFullName, basis));
    }

    @CommandHandler
    public void handle(ChangeUnitParentCommand command, UnitDirectory units, Clock clock) {
        if (ceasedOn != null) {
            throw ceased();
        }
        String newParent = Inputs.requiredCode("parentCode", command.parentCode());
        DocumentRef basis = Inputs.document("basis", command.basis(), LocalDate.now(clock));
        if (newParent.equals(parentCode)) {
            throw new CommandRejectedException(RejectionCode.NO_CHANGE, "parentCode",
                    CommandText.of("unit.alreadyUnder", code, parentCode));
        }
        Registration.checkParent(kind, newParent, units, false);
        apply(new UnitParentChangedEvent(code, parentCode, newParent, basis));
    }

    @CommandHandler
    public void handle(ReorganizeUnitCommand command, UnitDirectory units, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (ceasedOn != null) {
            throw ceased();
        }
        LocalDate effectiveFrom = effectiveFrom(command.effectiveFrom(), today);
        DocumentRef basis = requiredBasis(command.basis(), today);
        String newName = Inputs.optionalLine("name", command.name(), Inputs.NAME_MAX);
        String newFullName = Inputs.optionalLine("fullName", command.fullName(), Inputs.NAME_MAX);
        if ((newName == null) != (newFullName == null)) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, newName == null ? "name" : "fullName",
                    CommandText.of("unit.nameWithFullName"));
        }
        UnitKind newKind = command.kind() == null ? kind : command.kind();
        if (newKind.village() != kind.village()) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "kind", kind.village()
                    ? CommandText.of("unit.villageKindOnly", code, CommandText.term(newKind))
                    : CommandText.of("unit.notVillageKind", code, CommandText.term(newKind)));
        }
        if (!newKind.village() && codeLength(newKind) != code.length()) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "kind", CommandText.of(
                    "unit.kindCodeLength", CommandText.term(newKind), String.valueOf(codeLength(newKind)), code));
        }
        String newParent = Inputs.optionalLine("parentCode", command.parentCode(), Inputs.CODE_MAX);
        String parent = newParent == null ? parentCode : newParent;
        if (newParent != null || newKind != kind) {
            Registration.checkParent(newKind, parent, units, false);
        }
        String name = newName == null ? this.name : newName;
        String fullName = newFullName == null ? this.fullName : newFullName;
        if (name.equals(this.name) && fullName.equals(this.fullName) && newKind == kind
                && Objects.equals(parent, parentCode)) {
            throw new CommandRejectedException(RejectionCode.NO_CHANGE, "code",
                    CommandText.of("unit.alreadyAs", code, fullName, CommandText.term(kind), parentCode));
        }
        apply(new UnitReorganizedEvent(code, this.name, this.fullName, kind, parentCode, name, fullName, newKind,
                parent, effectiveFrom, basis));
    }

    @CommandHandler
    public void handle(CeaseUnitCommand command, UnitDirectory units, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (ceasedOn != null) {
            throw ceased();
        }
        LocalDate effectiveFrom = effectiveFrom(command.effectiveFrom(), today);
        DocumentRef basis = requiredBasis(command.basis(), today);
        List<Successor> successors = command.successors() == null ? List.of() : command.successors();
        if (successors.size() > MAX_SUCCESSORS) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "successors",
                    CommandText.of("unit.tooManySuccessors", String.valueOf(MAX_SUCCESSORS)));
        }
        Set<String> seen = new HashSet<>();
        List<Successor> checked = new ArrayList<>();
        for (int i = 0; i < successors.size(); i++) {
            String path = "successors[" + i + "]";
            Successor successor = successors.get(i);
            if (successor == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, path,
                        CommandText.of("input.itemEmpty", path));
            }
            String successorCode = Inputs.requiredCode(path + ".code", successor.code());
            if (successorCode.equals(code)) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, path + ".code",
                        CommandText.of("unit.ownSuccessor"));
            }
            if (!seen.add(successorCode)) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, path + ".code",
                        CommandText.of("unit.successorTwice", successorCode));
            }
            UnitFacts facts = units.find(successorCode).orElseThrow(() -> new CommandRejectedException(
                    RejectionCode.UNKNOWN_UNIT, path + ".code",
                    CommandText.of("unit.successorNotRegistered", successorCode)));
            if (facts.ceased()) {
                throw new CommandRejectedException(RejectionCode.UNIT_CEASED, path + ".code",
                        CommandText.of("unit.successorCeased", successorCode, facts.ceasedOn()));
            }
            if (facts.kind().level() < kind.level()) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, path + ".code", CommandText.of(
                        "unit.successorHigher", CommandText.term(kind), CommandText.term(facts.kind()), successorCode));
            }
            checked.add(new Successor(successorCode, successor.share()));
        }
        apply(new UnitCeasedEvent(code, effectiveFrom, checked, basis));
    }

    private static final int MAX_SUCCESSORS = 20;

    private LocalDate effectiveFrom(LocalDate requested, LocalDate today) {
        if (requested == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "effectiveFrom",
                    CommandText.of("unit.effectiveFromRequired"));
        }
        LocalDate checked = Inputs.pastOrToday("effectiveFrom", requested, today);
        if (stateDate != null && checked.isBefore(stateDate)) {
            throw new CommandRejectedException(RejectionCode.INVALID_PERIOD, "effectiveFrom",
                    CommandText.of("unit.beforeLastChange", code, stateDate));
        }
        return checked;
    }

    private static DocumentRef requiredBasis(DocumentRef basis, LocalDate today) {
        if (basis == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "basis",
                    CommandText.of("unit.basisRequired"));
        }
        return Inputs.document("basis", basis, today);
    }

    private CommandRejectedException ceased() {
        return new CommandRejectedException(RejectionCode.UNIT_CEASED, "code",
                CommandText.of("unit.ceased", code, ceasedOn));
    }

    private static int codeLength(UnitKind kind) {
        return switch (kind.level()) {
            case 1 -> 2;
            case 2 -> 3;
            default -> 5;
        };
    }

    @EventSourcingHandler
    void on(UnitReorganizedEvent event) {
        name = event.name();
        fullName = event.fullName();
        kind = event.kind();
        parentCode = event.parentCode();
        stateDate = event.effectiveFrom();
    }

    @EventSourcingHandler
    void on(UnitCeasedEvent event) {
        ceasedOn = event.effectiveFrom();
        stateDate = event.effectiveFrom();
    }

    @EventSourcingHandler
    void on(UnitRegisteredEvent event) {
        code = event.code();
        name = event.name();
        fullName = event.fullName();
        kind = event.kind();
        parentCode = event.parentCode();
    }

    @EventSourcingHandler
    void on(UnitRenamedEvent event) {
        name = event.name();
        fullName = event.fullName();
    }

    @EventSourcingHandler
    void on(UnitParentChangedEvent event) {
        parentCode = event.parentCode();
    }

    /** A registration checked field by field: a well-formed code, names, a kind and a parent of the level above. */
    private record Registration(String code, String name, String fullName, UnitKind kind, String parentCode,
                                DocumentRef source) {

        static Registration check(String code, String name, String fullName, UnitKind kind, String parentCode,
                                  DocumentRef source, UnitDirectory units, LocalDate today,
                                  boolean historic) {
            String checkedCode = Inputs.requiredCode("code", code);
            if (kind == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "kind",
                        CommandText.of("input.required", "kind"));
            }
            String checkedParent = Inputs.optionalLine("parentCode", parentCode, Inputs.CODE_MAX);
            if (kind.village()) {
                checkVillageCode(checkedCode, kind, checkedParent);
                // the parent's kind before the code's prefix: a village under a district is refused as such
                checkParent(kind, checkedParent, units, historic);
                checkVillagePrefix(checkedCode, checkedParent);
            } else {
                if (!GSO_CODE.matcher(checkedCode).matches()) {
                    throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "code",
                            VILLAGE_CODE.matcher(checkedCode).matches()
                                    ? CommandText.of("unit.villageCodeNotVillage", checkedCode, CommandText.term(kind))
                                    : CommandText.of("unit.notGsoCode", checkedCode));
                }
                int expectedLength = codeLength(kind);
                if (checkedCode.length() != expectedLength) {
                    throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "code",
                            CommandText.of("unit.codeLength", CommandText.term(kind), String.valueOf(expectedLength),
                                    checkedCode));
                }
                checkParent(kind, checkedParent, units, historic);
            }
            return new Registration(checkedCode,
                    Inputs.requiredLine("name", name, Inputs.NAME_MAX),
                    Inputs.requiredLine("fullName", fullName, Inputs.NAME_MAX),
                    kind, checkedParent, Inputs.document("source", source, today));
        }

        /** A village's code is {@code <commune code>-<the commune's own code>}, and a village has a parent. */
        static void checkVillageCode(String code, UnitKind kind, String parentCode) {
            var matcher = VILLAGE_CODE.matcher(code);
            if (!matcher.matches() || matcher.group(2).length() > VILLAGE_OWN_CODE_MAX) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "code", CommandText.of(
                        "unit.villageCode", CommandText.term(kind), code, String.valueOf(VILLAGE_OWN_CODE_MAX)));
            }
            if (parentCode == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_PARENT, "parentCode",
                        CommandText.of("unit.villageParentRequired", CommandText.term(kind), code));
            }
        }

        /** A village's code begins with the code of the commune it is registered under. */
        static void checkVillagePrefix(String code, String parentCode) {
            String commune = code.substring(0, code.indexOf('-'));
            if (!commune.equals(parentCode)) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "code", CommandText.of(
                        "unit.villageCodePrefix", code, commune, parentCode));
            }
        }

        static void checkParent(UnitKind kind, String parentCode, UnitDirectory units, boolean historic) {
            if (parentCode == null) {
                if (kind.level() != 1) {
                    throw new CommandRejectedException(RejectionCode.INVALID_PARENT, "parentCode",
                            CommandText.of("unit.parentRequired", CommandText.term(kind),
                                    String.valueOf(kind.level() - 1)));
                }
                return;
            }
            UnitFacts parent = units.find(parentCode).orElseThrow(() -> new CommandRejectedException(
                    RejectionCode.UNKNOWN_PARENT, "parentCode", CommandText.of("unit.parentNotRegistered", parentCode)));
            if (!kind.mayHaveParent(parent.kind())) {
                throw new CommandRejectedException(RejectionCode.INVALID_PARENT, "parentCode", kind.village()
                        ? CommandText.of("unit.villageParentKind", CommandText.term(kind),
                                CommandText.term(parent.kind()), parentCode)
                        : CommandText.of("unit.parentKind", CommandText.term(kind), CommandText.term(parent.kind()),
                                parentCode));
            }
            if (parent.ceased() && !historic) {
                throw new CommandRejectedException(RejectionCode.UNIT_CEASED, "parentCode",
                        CommandText.of("unit.parentCeased", parentCode, parent.ceasedOn()));
            }
        }

        UnitRegisteredEvent registered() {
            return new UnitRegisteredEvent(code, name, fullName, kind, parentCode, source);
        }
    }
}
