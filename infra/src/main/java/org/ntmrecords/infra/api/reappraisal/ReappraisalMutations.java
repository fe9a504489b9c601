package org.ntmrecords.infra.api.reappraisal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ntmrecords.command.common.CommandRunner;
import org.ntmrecords.command.common.Outcome;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.common.UserError;
import org.ntmrecords.command.reappraisal.OrderReappraisalCommand;
import org.ntmrecords.command.reappraisal.Reappraisal;
import org.ntmrecords.events.reappraisal.ReappraisalOutcome;
import org.ntmrecords.infra.api.GraphQlInputs;
import org.ntmrecords.infra.api.GraphQlInputs.DocumentRefInput;
import org.ntmrecords.infra.api.ProjectionCatchUp;
import org.ntmrecords.query.audit.AppraisalDifferences;
import org.ntmrecords.query.audit.WhatIf;
import org.ntmrecords.query.audit.WhatIfAppraiser;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Orders an official reappraisal: judges the records as the what-if query does, once the read tables hold
 * everything stored, and records the order and each unit's result as events (so reappraisals are audited).
 */
@Controller
public class ReappraisalMutations {
    private static final Duration CATCH_UP = Duration.ofSeconds(10);

    private final WhatIfAppraiser appraiser;
    private final ProjectionCatchUp catchUp;
    private final CommandRunner commands;

    public ReappraisalMutations(WhatIfAppraiser appraiser, ProjectionCatchUp catchUp, CommandRunner commands) {
        this.appraiser = appraiser;
        this.catchUp = catchUp;
        this.commands = commands;
    }

    public record OrderReappraisalInput(String unitCode, String districtCode, String setId, String againstSetId,
                                        Integer againstVersion, LocalDate date, Instant recordedAt,
                                        List<WhatIf.Mapping> indicatorMap, DocumentRefInput basis, String reason) {
    }

    public record ReappraisalPayload(String reappraisalId, WhatIf results, List<UserError> errors) {
    }

    @MutationMapping
    public ReappraisalPayload orderReappraisal(@Argument OrderReappraisalInput input) {
        if (!catchUp.awaitEventsAfter(0, CATCH_UP)) {
            return failed(new UserError(RejectionCode.UNAVAILABLE, null,
                    "the read tables are behind the event store; order the reappraisal again in a moment"));
        }
        WhatIf results;
        try {
            results = appraiser.evaluate(new WhatIf.Request(input.unitCode(), input.districtCode(), input.setId(),
                    input.againstSetId(), input.againstVersion(), input.date(), input.recordedAt(),
                    input.indicatorMap()));
        } catch (InvalidArgumentException e) {
            return failed(new UserError(RejectionCode.INVALID_INPUT, null, e.getMessage()));
        }
        String id = UUID.randomUUID().toString();
        String scope = input.unitCode() != null ? input.unitCode() : input.districtCode();
        Outcome<Object> outcome = commands.send(() -> new OrderReappraisalCommand(Reappraisal.streamId(id), scope,
                        results.officialSet().id(), results.officialSet().version(), results.againstSet().id(),
                        results.againstSet().version(), results.date(), results.recordedAt(),
                        GraphQlInputs.ref(input.basis()), input.reason(),
                        results.units().stream().map(ReappraisalMutations::outcome).toList()),
                unknown -> new UserError(RejectionCode.INVALID_INPUT, null, "no reappraisal " + unknown),
                () -> new UserError(RejectionCode.ALREADY_EXISTS, null, "reappraisal " + id + " already exists"));
        return outcome.succeeded() ? new ReappraisalPayload(id, results, List.of()) : failed(outcome.errors());
    }

    private static ReappraisalOutcome outcome(WhatIf.Unit unit) {
        var whatIf = unit.whatIf().standing();
        var official = unit.official().standing();
        return new ReappraisalOutcome(unit.unitCode(), official.result(), official.met(), whatIf.result(),
                whatIf.met(), whatIf.total(), whatIf.unmet(), whatIf.notAssessed(),
                unit.differences().stream().map((AppraisalDifferences.Criterion c) ->
                        new ReappraisalOutcome.CriterionOutcome(c.code(), c.baseline(), c.other())).toList());
    }

    private static ReappraisalPayload failed(UserError error) {
        return failed(List.of(error));
    }

    private static ReappraisalPayload failed(List<UserError> errors) {
        return new ReappraisalPayload(null, null, errors);
    }
}
