package org.ntmrecords.infra.api.unit;

import java.time.LocalDate;
import java.util.List;
import org.ntmrecords.command.common.CommandRunner;
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
import org.ntmrecords.infra.api.GraphQlInputs;
import org.ntmrecords.infra.api.GraphQlInputs.DocumentRefInput;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** GraphQL mutations on administrative units. */
@Controller
public class UnitMutations {
    private final CommandRunner commands;

    public UnitMutations(CommandRunner commands) {
        this.commands = commands;
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

    public record UnitPayload(String code, List<UserError> errors) {
        static UnitPayload of(String code, Outcome<?> outcome) {
            return new UnitPayload(outcome.succeeded() ? code : null, outcome.errors());
        }
    }

    @MutationMapping
    public UnitPayload registerUnit(@Argument RegisterUnitInput input) {
        return UnitPayload.of(Inputs.normalize(input.code()), commands.send(
                () -> new RegisterUnitCommand(input.code(), input.name(), input.fullName(), input.kind(),
                        input.parentCode(), GraphQlInputs.ref(input.source())),
                id -> unknown(input.code()), () -> exists(input.code())));
    }

    @MutationMapping
    public UnitPayload renameUnit(@Argument RenameUnitInput input) {
        return UnitPayload.of(Inputs.normalize(input.code()), commands.send(
                () -> new RenameUnitCommand(Inputs.requiredCode("code", input.code()), input.name(),
                        input.fullName(), GraphQlInputs.ref(input.basis())),
                id -> unknown(input.code()), () -> exists(input.code())));
    }

    @MutationMapping
    public UnitPayload changeUnitParent(@Argument ChangeUnitParentInput input) {
        return UnitPayload.of(Inputs.normalize(input.code()), commands.send(
                () -> new ChangeUnitParentCommand(Inputs.requiredCode("code", input.code()), input.parentCode(),
                        GraphQlInputs.ref(input.basis())),
                id -> unknown(input.code()), () -> exists(input.code())));
    }

    @MutationMapping
    public UnitPayload reorganizeUnit(@Argument ReorganizeUnitInput input) {
        return UnitPayload.of(Inputs.normalize(input.code()), commands.send(
                () -> new ReorganizeUnitCommand(Inputs.requiredCode("code", input.code()), input.name(),
                        input.fullName(), input.kind(), input.parentCode(), input.effectiveFrom(),
                        GraphQlInputs.ref(input.basis())),
                id -> unknown(input.code()), () -> exists(input.code())));
    }

    @MutationMapping
    public UnitPayload ceaseUnit(@Argument CeaseUnitInput input) {
        return UnitPayload.of(Inputs.normalize(input.code()), commands.send(
                () -> new CeaseUnitCommand(Inputs.requiredCode("code", input.code()), input.effectiveFrom(),
                        input.successors() == null ? List.of() : input.successors().stream()
                                .map(s -> new Successor(Inputs.requiredCode("successors.code", s.code()),
                                        s.share() == null ? Successor.Share.WHOLE : s.share()))
                                .toList(),
                        GraphQlInputs.ref(input.basis())),
                id -> unknown(input.code()), () -> exists(input.code())));
    }

    private static UserError unknown(String code) {
        return new UserError(RejectionCode.UNKNOWN_UNIT, "code", "unit " + code + " is not registered");
    }

    private static UserError exists(String code) {
        return new UserError(RejectionCode.ALREADY_EXISTS, "code", "unit " + code + " is already registered");
    }
}
