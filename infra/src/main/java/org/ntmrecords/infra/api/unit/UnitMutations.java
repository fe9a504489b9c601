package org.ntmrecords.infra.api.unit;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.ntmrecords.command.common.CommandRunner;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.Outcome;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.common.UserError;
import org.ntmrecords.command.unit.CeaseUnitCommand;
import org.ntmrecords.command.unit.ChangeUnitParentCommand;
import org.ntmrecords.command.unit.RegisterUnitCommand;
import org.ntmrecords.command.unit.RenameUnitCommand;
import org.ntmrecords.command.unit.ReorganizeUnitCommand;
import org.ntmrecords.events.unit.Successor;
import org.ntmrecords.events.unit.UnitKind;
import org.ntmrecords.infra.api.GraphQlInputs.DocumentRefInput;
import org.ntmrecords.infra.api.GraphQlInputs;
import org.ntmrecords.infra.api.PayloadReads;
import org.ntmrecords.query.unit.UnitReadRepository;
import org.ntmrecords.query.unit.UnitView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL mutations on administrative units. Each answers the unit as the read model holds it once the change is
 * applied, read only when the client asks for it.
 */
@Controller
public class UnitMutations {
    private final CommandRunner commands;
    private final UnitReadRepository units;
    private final PayloadReads payloads;

    public UnitMutations(CommandRunner commands, UnitReadRepository units, PayloadReads payloads) {
        this.commands = commands;
        this.units = units;
        this.payloads = payloads;
    }

    public record RegisterUnitInput(String code, String name, String fullName, UnitKind kind, String parentCode,
                                    DocumentRefInput source) {
    }

    public record RenameUnitInput(String code, String name, String fullName, DocumentRefInput basis) {
    }

    public record ChangeUnitParentInput(String code, String parentCode, DocumentRefInput basis) {
    }

    public record ReorganizeUnitInput(String code, String name, String fullName, UnitKind kind, String parentCode,
                                      LocalDate effectiveFrom, DocumentRefInput basis) {
    }

    public record SuccessorInput(String code, Successor.Share share) {
    }

    public record CeaseUnitInput(String code, LocalDate effectiveFrom, List<SuccessorInput> successors,
                                 DocumentRefInput basis) {
    }

    /**
     * What a unit mutation answers.
     *
     * @param storeHead the event store's head before the command: its unit is read once the projections are past it
     */
    public record UnitPayload(String code, List<UserError> errors, long storeHead) {
    }

    /** The unit as the read model holds it after the mutation: one lookup, once this process has projected it. */
    @SchemaMapping(typeName = "UnitPayload", field = "unit")
    public UnitView unit(UnitPayload payload) {
        if (payload.code() == null) {
            return null;
        }
        return payloads.read(payload.storeHead(), () -> units.find(payload.code()).orElse(null));
    }

    @MutationMapping
    public UnitPayload registerUnit(@Argument RegisterUnitInput input) {
        return send(input.code(), () -> new RegisterUnitCommand(input.code(), input.name(), input.fullName(),
                input.kind(), input.parentCode(), GraphQlInputs.ref(input.source())));
    }

    @MutationMapping
    public UnitPayload renameUnit(@Argument RenameUnitInput input) {
        return send(input.code(), () -> new RenameUnitCommand(Inputs.requiredCode("code", input.code()), input.name(),
                input.fullName(), GraphQlInputs.ref(input.basis())));
    }

    @MutationMapping
    public UnitPayload changeUnitParent(@Argument ChangeUnitParentInput input) {
        return send(input.code(), () -> new ChangeUnitParentCommand(Inputs.requiredCode("code", input.code()),
                input.parentCode(), GraphQlInputs.ref(input.basis())));
    }

    @MutationMapping
    public UnitPayload reorganizeUnit(@Argument ReorganizeUnitInput input) {
        return send(input.code(), () -> new ReorganizeUnitCommand(Inputs.requiredCode("code", input.code()),
                input.name(), input.fullName(), input.kind(), input.parentCode(), input.effectiveFrom(),
                GraphQlInputs.ref(input.basis())));
    }

    @MutationMapping
    public UnitPayload ceaseUnit(@Argument CeaseUnitInput input) {
        return send(input.code(), () -> new CeaseUnitCommand(Inputs.requiredCode("code", input.code()),
                input.effectiveFrom(),
                input.successors() == null ? List.of() : input.successors().stream()
                        .map(s -> new Successor(Inputs.requiredCode("successors.code", s.code()),
                                s.share() == null ? Successor.Share.WHOLE : s.share()))
                        .toList(),
                GraphQlInputs.ref(input.basis())));
    }

    private UnitPayload send(String code, Supplier<Object> command) {
        long head = payloads.mark();
        Outcome<Object> outcome = commands.send(command, id -> unknown(code), () -> exists(code));
        return new UnitPayload(outcome.succeeded() ? Inputs.normalize(code) : null, outcome.errors(), head);
    }

    private static UserError unknown(String code) {
        return new UserError(RejectionCode.UNKNOWN_UNIT, "code", CommandText.of("unit.notRegistered", code));
    }

    private static UserError exists(String code) {
        return new UserError(RejectionCode.ALREADY_EXISTS, "code", CommandText.of("unit.alreadyRegistered", code));
    }
}
