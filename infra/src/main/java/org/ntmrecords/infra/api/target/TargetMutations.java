package org.ntmrecords.infra.api.target;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.ntmrecords.command.common.CommandRunner;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.Outcome;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.common.UserError;
import org.ntmrecords.command.target.TargetCommands.AmendTargetCommand;
import org.ntmrecords.command.target.TargetCommands.SetTargetCommand;
import org.ntmrecords.command.target.TargetCommands.WithdrawTargetCommand;
import org.ntmrecords.command.target.TargetContent;
import org.ntmrecords.events.target.TargetKind;
import org.ntmrecords.infra.api.GraphQlInputs;
import org.ntmrecords.infra.api.GraphQlInputs.DocumentRefInput;
import org.ntmrecords.infra.api.PayloadReads;
import org.ntmrecords.query.target.TargetReadRepository;
import org.ntmrecords.query.target.TargetReadRepository.TargetView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL mutations on targets: set, amend, withdraw; each answers the target as the read model then holds it. */
@Controller
public class TargetMutations {
    private final CommandRunner commands;
    private final TargetReadRepository targets;
    private final PayloadReads payloads;
    private final Clock clock;

    public TargetMutations(CommandRunner commands, TargetReadRepository targets, PayloadReads payloads, Clock clock) {
        this.commands = commands;
        this.targets = targets;
        this.payloads = payloads;
        this.clock = clock;
    }

    public record TargetContentInput(TargetKind kind, String statement, Integer year, String setId,
                                     String indicatorCode, String measure, BigDecimal value, String valueAsWritten,
                                     BigDecimal baseline, Integer baselineYear, String baselineAsWritten,
                                     Integer count, List<String> unitCodes, String deadlineAsWritten,
                                     LocalDate deadlineLastDay, DocumentRefInput source, String provenance) {
        TargetContent content() {
            return new TargetContent(kind, statement, year, setId, indicatorCode, measure, value, valueAsWritten,
                    baseline, baselineYear, baselineAsWritten, count, unitCodes, deadlineAsWritten, deadlineLastDay,
                    GraphQlInputs.ref(source), provenance);
        }
    }

    public record SetTargetInput(String unitCode, String targetId, TargetContentInput content) {
    }

    public record AmendTargetInput(String unitCode, String targetId, TargetContentInput content, String reason) {
    }

    public record WithdrawTargetInput(String unitCode, String targetId, String reason, DocumentRefInput basis) {
    }

    /** What a target mutation answers; {@code storeHead}: the store's head before the command. */
    public record TargetPayload(String unitCode, String targetId, List<UserError> errors, long storeHead) {
    }

    @SchemaMapping(typeName = "TargetPayload", field = "target")
    public TargetView target(TargetPayload payload) {
        if (payload.targetId() == null) {
            return null;
        }
        return payloads.read(payload.storeHead(),
                () -> targets.find(payload.unitCode(), payload.targetId(), LocalDate.now(clock)).orElse(null));
    }

    @MutationMapping
    public TargetPayload setTarget(@Argument SetTargetInput input) {
        return send(input.unitCode(), input.targetId(), () -> commands.send(
                () -> new SetTargetCommand(checked(input.unitCode(), input.targetId()), input.targetId(),
                        input.content() == null ? null : input.content().content()),
                id -> unknown(input.unitCode(), input.targetId()),
                () -> new UserError(RejectionCode.ALREADY_EXISTS, "targetId",
                        CommandText.of("target.alreadySet", input.unitCode(), input.targetId()))));
    }

    @MutationMapping
    public TargetPayload amendTarget(@Argument AmendTargetInput input) {
        return send(input.unitCode(), input.targetId(), () -> commands.send(
                () -> new AmendTargetCommand(checked(input.unitCode(), input.targetId()), input.targetId(),
                        input.content() == null ? null : input.content().content(), input.reason()),
                id -> unknown(input.unitCode(), input.targetId()), () -> unknown(input.unitCode(), input.targetId())));
    }

    @MutationMapping
    public TargetPayload withdrawTarget(@Argument WithdrawTargetInput input) {
        return send(input.unitCode(), input.targetId(), () -> commands.send(
                () -> new WithdrawTargetCommand(checked(input.unitCode(), input.targetId()), input.targetId(),
                        input.reason(), GraphQlInputs.ref(input.basis())),
                id -> unknown(input.unitCode(), input.targetId()), () -> unknown(input.unitCode(), input.targetId())));
    }

    private TargetPayload send(String unitCode, String targetId, Supplier<Outcome<?>> send) {
        long head = payloads.mark();
        Outcome<?> outcome = send.get();
        return outcome.succeeded()
                ? new TargetPayload(Inputs.normalize(unitCode), Inputs.normalize(targetId), outcome.errors(), head)
                : new TargetPayload(null, null, outcome.errors(), head);
    }

    /** The unit and id checked before they name a stream or reach the access rules. */
    private static String checked(String unitCode, String targetId) {
        Inputs.requiredCode("targetId", targetId);
        return Inputs.requiredCode("unitCode", unitCode);
    }

    private static UserError unknown(String unitCode, String targetId) {
        return new UserError(RejectionCode.UNKNOWN_TARGET, "targetId",
                CommandText.of("target.notSet", unitCode, targetId));
    }
}
