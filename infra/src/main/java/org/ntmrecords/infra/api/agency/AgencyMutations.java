package org.ntmrecords.infra.api.agency;

import java.util.List;
import java.util.function.Supplier;
import org.ntmrecords.command.agency.AssignResponsibilityCommand;
import org.ntmrecords.command.agency.RegisterAgencyCommand;
import org.ntmrecords.command.agency.WithdrawResponsibilityCommand;
import org.ntmrecords.command.common.CommandRunner;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.Outcome;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.common.UserError;
import org.ntmrecords.infra.api.GraphQlInputs.DocumentRefInput;
import org.ntmrecords.infra.api.GraphQlInputs;
import org.ntmrecords.infra.api.PayloadReads;
import org.ntmrecords.query.agency.AgencyReadRepository.AgencyView;
import org.ntmrecords.query.agency.AgencyReadRepository;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL mutations on agencies and the criteria they answer for. Each answers the agency as the read model holds it
 * once the change is applied, read only when the client asks for it.
 */
@Controller
public class AgencyMutations {
    private final CommandRunner commands;
    private final AgencyReadRepository agencies;
    private final PayloadReads payloads;

    public AgencyMutations(CommandRunner commands, AgencyReadRepository agencies, PayloadReads payloads) {
        this.commands = commands;
        this.agencies = agencies;
        this.payloads = payloads;
    }

    public record RegisterAgencyInput(String agencyId, String name, String unitCode, DocumentRefInput basis) {
    }

    public record ResponsibilityInput(String agencyId, String setId, List<String> criterionCodes,
                                      List<String> indicatorCodes, String reason, DocumentRefInput basis) {
    }

    /**
     * What an agency mutation answers.
     *
     * @param storeHead the event store's head before the command: its agency is read once the projections are past it
     */
    public record AgencyPayload(String agencyId, List<UserError> errors, long storeHead) {
    }

    /** The agency as the read model holds it after the mutation: one lookup, once this process has projected it. */
    @SchemaMapping(typeName = "AgencyPayload", field = "agency")
    public AgencyView agency(AgencyPayload payload) {
        if (payload.agencyId() == null) {
            return null;
        }
        return payloads.read(payload.storeHead(), () -> agencies.find(payload.agencyId()).orElse(null));
    }

    @MutationMapping
    public AgencyPayload registerAgency(@Argument RegisterAgencyInput input) {
        return send(input.agencyId(), () -> commands.send(
                () -> new RegisterAgencyCommand(input.agencyId(), input.name(), input.unitCode(),
                        GraphQlInputs.ref(input.basis())),
                id -> unknown(input.agencyId()),
                () -> new UserError(RejectionCode.ALREADY_EXISTS, "agencyId",
                        CommandText.of("agency.alreadyRegistered", input.agencyId()))));
    }

    @MutationMapping
    public AgencyPayload assignResponsibility(@Argument ResponsibilityInput input) {
        return send(input.agencyId(), () -> commands.send(
                () -> new AssignResponsibilityCommand(Inputs.requiredCode("agencyId", input.agencyId()), input.setId(), input.criterionCodes(),
                        input.indicatorCodes(), GraphQlInputs.ref(input.basis())),
                id -> unknown(input.agencyId()), () -> unknown(input.agencyId())));
    }

    @MutationMapping
    public AgencyPayload withdrawResponsibility(@Argument ResponsibilityInput input) {
        return send(input.agencyId(), () -> commands.send(
                () -> new WithdrawResponsibilityCommand(Inputs.requiredCode("agencyId", input.agencyId()), input.setId(), input.criterionCodes(),
                        input.indicatorCodes(), input.reason(), GraphQlInputs.ref(input.basis())),
                id -> unknown(input.agencyId()), () -> unknown(input.agencyId())));
    }

    private AgencyPayload send(String agencyId, Supplier<Outcome<?>> send) {
        long head = payloads.mark();
        Outcome<?> outcome = send.get();
        return new AgencyPayload(outcome.succeeded() ? Inputs.normalize(agencyId) : null, outcome.errors(), head);
    }

    private static UserError unknown(String agencyId) {
        return new UserError(RejectionCode.UNKNOWN_AGENCY, "agencyId", CommandText.of("agency.notRegistered", agencyId));
    }
}
