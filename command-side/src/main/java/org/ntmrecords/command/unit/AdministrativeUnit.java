package org.ntmrecords.command.unit;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.unit.UnitKind;
import org.ntmrecords.events.unit.UnitParentChangedEvent;
import org.ntmrecords.events.unit.UnitRegisteredEvent;
import org.ntmrecords.events.unit.UnitRenamedEvent;

/**
 * An administrative unit (province, district, commune, ...) under its official GSO code. Its stream holds its
 * registration and every rename and move, so its history survives administrative changes.
 */
@Aggregate
public class AdministrativeUnit {
    /** GSO codes: 2 digits for provinces, 3 for districts, 5 for communes. */
    private static final Pattern GSO_CODE = Pattern.compile("\\d{2}|\\d{3}|\\d{5}");

    @AggregateIdentifier
    private String code;
    private String name;
    private String fullName;
    private UnitKind kind;
    private String parentCode;

    protected AdministrativeUnit() {
    }

    @CommandHandler
    public AdministrativeUnit(RegisterUnitCommand command, UnitDirectory units, Clock clock) {
        Registration registration = Registration.check(command.code(), command.name(), command.fullName(),
                command.kind(), command.parentCode(), command.source(), units, LocalDate.now(clock));
        if (units.find(registration.code()).isPresent()) {
            throw new CommandRejectedException(RejectionCode.ALREADY_EXISTS, "code",
                    "unit " + registration.code() + " is already registered");
        }
        apply(registration.registered());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ImportOutcome handle(ImportUnitCommand command, UnitDirectory units, Clock clock) {
        Registration row = Registration.check(command.code(), command.name(), command.fullName(),
                command.kind(), command.parentCode(), command.source(), units, LocalDate.now(clock));
        if (code == null) {
            apply(row.registered());
            return ImportOutcome.REGISTERED;
        }
        if (row.kind() != kind) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "kind",
                    "unit " + code + " is recorded as " + kind + ", the list says " + row.kind()
                            + "; a change of kind is not an import");
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
        String newName = Inputs.requiredLine("name", command.name(), Inputs.NAME_MAX);
        String newFullName = Inputs.requiredLine("fullName", command.fullName(), Inputs.NAME_MAX);
        DocumentRef basis = Inputs.document("basis", command.basis(), LocalDate.now(clock));
        if (newName.equals(name) && newFullName.equals(fullName)) {
            throw new CommandRejectedException(RejectionCode.NO_CHANGE, "name",
                    "unit " + code + " is already named " + fullName);
        }
        apply(new UnitRenamedEvent(code, name, fullName, newName, newFullName, basis));
    }

    @CommandHandler
    public void handle(ChangeUnitParentCommand command, UnitDirectory units, Clock clock) {
        String newParent = Inputs.requiredCode("parentCode", command.parentCode());
        DocumentRef basis = Inputs.document("basis", command.basis(), LocalDate.now(clock));
        if (newParent.equals(parentCode)) {
            throw new CommandRejectedException(RejectionCode.NO_CHANGE, "parentCode",
                    "unit " + code + " is already under " + parentCode);
        }
        Registration.checkParent(kind, newParent, units);
        apply(new UnitParentChangedEvent(code, parentCode, newParent, basis));
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
                                  DocumentRef source, UnitDirectory units, LocalDate today) {
            String checkedCode = Inputs.requiredCode("code", code);
            if (!GSO_CODE.matcher(checkedCode).matches()) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "code",
                        "'" + checkedCode + "' is not a GSO unit code (2, 3 or 5 digits)");
            }
            if (kind == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "kind", "kind is required");
            }
            int expectedLength = switch (kind.level()) {
                case 1 -> 2;
                case 2 -> 3;
                default -> 5;
            };
            if (checkedCode.length() != expectedLength) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "code",
                        "a " + kind + " has a " + expectedLength + "-digit code, not '" + checkedCode + "'");
            }
            String checkedParent = Inputs.optionalLine("parentCode", parentCode, Inputs.CODE_MAX);
            checkParent(kind, checkedParent, units);
            return new Registration(checkedCode,
                    Inputs.requiredLine("name", name, Inputs.NAME_MAX),
                    Inputs.requiredLine("fullName", fullName, Inputs.NAME_MAX),
                    kind, checkedParent, Inputs.document("source", source, today));
        }

        static void checkParent(UnitKind kind, String parentCode, UnitDirectory units) {
            if (parentCode == null) {
                if (kind.level() != 1) {
                    throw new CommandRejectedException(RejectionCode.INVALID_PARENT, "parentCode",
                            "a " + kind + " must belong to a unit of level " + (kind.level() - 1));
                }
                return;
            }
            UnitFacts parent = units.find(parentCode).orElseThrow(() -> new CommandRejectedException(
                    RejectionCode.UNKNOWN_PARENT, "parentCode", "parent unit " + parentCode + " is not registered"));
            if (!kind.mayHaveParent(parent.kind())) {
                throw new CommandRejectedException(RejectionCode.INVALID_PARENT, "parentCode",
                        "a " + kind + " cannot belong to " + parent.kind() + " " + parentCode);
            }
        }

        UnitRegisteredEvent registered() {
            return new UnitRegisteredEvent(code, name, fullName, kind, parentCode, source);
        }
    }
}
