package org.ntmrecords.infra.api.agency;

import java.util.List;
import org.ntmrecords.command.agency.AssignResponsibilityCommand;
import org.ntmrecords.command.agency.RegisterAgencyCommand;
import org.ntmrecords.command.agency.WithdrawResponsibilityCommand;
import org.ntmrecords.command.common.CommandRunner;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.Outcome;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.common.UserError;
import org.ntmrecords.infra.api.GraphQlInputs;
import org.ntmrecords.infra.api.GraphQlInputs.DocumentRefInput;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** GraphQL mutations on agencies and the criteria they answer for. */
@Controller
public class AgencyMutations {
    private final CommandRunner commands;

    public AgencyMutations(CommandRunner commands) {
        this.commands = commands;
    }

    public record RegisterAgencyInput(String agencyId, String name, String unitCode, DocumentRefInput basis) {
    }

    public record ResponsibilityInput(String agencyId, String setId, List<String> criterionCodes,
                                      List<String> indicatorCodes, String reason, DocumentRefInput basis) {
    }

    public record AgencyPayload(String agencyId, List<UserError> errors) {
        static AgencyPayload of(String agencyId, Outcome<?> outcome) {
            return new AgencyPayload(outcome.succeeded() ? agencyId : null, outcome.errors());
        }
    }

    @MutationMapping
    public AgencyPayload registerAgency(@Argument RegisterAgencyInput input) {
        return AgencyPayload.of(input.agencyId(), commands.send(
                () -> new RegisterAgencyCommand(input.agencyId(), input.name(), input.unitCode(),
                        GraphQlInputs.ref(input.basis())),
                id -> unknown(input.agencyId()),
                () -> new UserError(RejectionCode.ALREADY_EXISTS, "agencyId", "agency " + input.agencyId() + " exists")));
    }

    @MutationMapping
    public AgencyPayload assignResponsibility(@Argument ResponsibilityInput input) {
        return AgencyPayload.of(input.agencyId(), commands.send(
                () -> new AssignResponsibilityCommand(Inputs.requiredCode("agencyId", input.agencyId()), input.setId(), input.criterionCodes(),
                        input.indicatorCodes(), GraphQlInputs.ref(input.basis())),
                id -> unknown(input.agencyId()), () -> unknown(input.agencyId())));
    }

    @MutationMapping
    public AgencyPayload withdrawResponsibility(@Argument ResponsibilityInput input) {
        return AgencyPayload.of(input.agencyId(), commands.send(
                () -> new WithdrawResponsibilityCommand(Inputs.requiredCode("agencyId", input.agencyId()), input.setId(), input.criterionCodes(),
                        input.indicatorCodes(), input.reason(), GraphQlInputs.ref(input.basis())),
                id -> unknown(input.agencyId()), () -> unknown(input.agencyId())));
    }

    private static UserError unknown(String agencyId) {
        return new UserError(RejectionCode.UNKNOWN_AGENCY, "agencyId", "agency " + agencyId + " is not registered");
    }
}
