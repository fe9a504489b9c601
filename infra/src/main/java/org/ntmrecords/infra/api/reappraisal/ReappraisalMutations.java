package org.ntmrecords.infra.api.reappraisal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ntmrecords.command.common.CommandRunner;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.Outcome;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.common.UserError;
import org.ntmrecords.command.reappraisal.OrderReappraisalCommand;
import org.ntmrecords.command.reappraisal.Reappraisal;
import org.ntmrecords.events.reappraisal.ReappraisalOutcome;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.api.GraphQlInputs;
import org.ntmrecords.infra.api.GraphQlInputs.DocumentRefInput;
import org.ntmrecords.infra.api.PayloadReads;
import org.ntmrecords.infra.api.ProjectionCatchUp;
import org.ntmrecords.query.audit.AppraisalDifferences;
import org.ntmrecords.query.audit.WhatIf;
import org.ntmrecords.query.audit.WhatIfAppraiser;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.ntmrecords.query.history.HistoryEntryView;
import org.ntmrecords.query.history.HistoryFacts;
import org.ntmrecords.query.history.HistoryReadRepository;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Orders an official reappraisal: judges the records as the what-if query does, once the read tables hold
 * everything stored, and records the order and each unit's result as events (so reappraisals are audited).
 */
@Controller
public class ReappraisalMutations {
    private static final Duration CATCH_UP = Duration.ofSeconds(10);

    /** At most this many orders for one unit or district stored during one mutation are looked through. */
    private static final int CONCURRENT_ORDERS = 50;

    private final WhatIfAppraiser appraiser;
    private final ProjectionCatchUp catchUp;
    private final CommandRunner commands;
    private final HistoryReadRepository history;
    private final PayloadReads reads;

    public ReappraisalMutations(WhatIfAppraiser appraiser, ProjectionCatchUp catchUp, CommandRunner commands,
                                HistoryReadRepository history, PayloadReads reads) {
        this.appraiser = appraiser;
        this.catchUp = catchUp;
        this.commands = commands;
        this.history = history;
        this.reads = reads;
    }

    public record OrderReappraisalInput(String unitCode, String districtCode, String setId, String againstSetId,
                                        Integer againstVersion, LocalDate date, Instant recordedAt,
                                        List<WhatIf.Mapping> indicatorMap, DocumentRefInput basis, String reason) {
    }

    /**
     * What an order answers; {@code scopeUnitCode} (the unit or district reappraised) and {@code storeHead} (the event
     * store's head before the command) are not in the schema: {@code order} finds the recorded order with them.
     */
    public record ReappraisalPayload(String reappraisalId, WhatIf results, List<UserError> errors,
                                     String scopeUnitCode, long storeHead) {
    }

    /**
     * The order as recorded: its {@code ReappraisalOrdered} entry in the history of the unit or district, from the
     * read tables once they hold it — one indexed read of that history's entries stored since the mutation began.
     */
    @SchemaMapping(typeName = "ReappraisalPayload", field = "order")
    public HistoryEntryView order(ReappraisalPayload payload) {
        if (payload.reappraisalId() == null) {
            return null;
        }
        String stream = Reappraisal.streamId(payload.reappraisalId());
        // the scope's own history: entries attributed to no predecessor
        Map<String, String> scope = Collections.singletonMap(HistoryFacts.unit(payload.scopeUnitCode()), null);
        HistoryReadRepository.Filter ordered = new HistoryReadRepository.Filter(null, null, null, null, null,
                List.of("ReappraisalOrdered"), null);
        return reads.read(payload.storeHead(), () -> history.page(scope, ordered, payload.storeHead(), true,
                CONCURRENT_ORDERS).stream().filter(entry -> stream.equals(entry.stream())).findFirst().orElse(null));
    }

    @MutationMapping
    public ReappraisalPayload orderReappraisal(@Argument OrderReappraisalInput input) {
        long storeHead = reads.mark();
        if (!catchUp.awaitEventsAfter(0, CATCH_UP)) {
            return failed(new UserError(RejectionCode.UNAVAILABLE, null, ApiText.of("reappraisal.behind")));
        }
        WhatIf results;
        try {
            results = appraiser.evaluate(new WhatIf.Request(input.unitCode(), input.districtCode(), input.setId(),
                    input.againstSetId(), input.againstVersion(), input.date(), input.recordedAt(),
                    input.indicatorMap()));
        } catch (InvalidArgumentException e) {
            return failed(new UserError(RejectionCode.INVALID_INPUT, null, e.text()));
        }
        String id = UUID.randomUUID().toString();
        String scope = input.unitCode() != null ? input.unitCode() : input.districtCode();
        Outcome<Object> outcome = commands.send(() -> new OrderReappraisalCommand(Reappraisal.streamId(id), scope,
                        results.officialSet().id(), results.officialSet().version(), results.againstSet().id(),
                        results.againstSet().version(), results.date(), results.recordedAt(),
                        GraphQlInputs.ref(input.basis()), input.reason(),
                        results.units().stream().map(ReappraisalMutations::outcome).toList()),
                unknown -> new UserError(RejectionCode.INVALID_INPUT, null, ApiText.of("reappraisal.unknown", unknown)),
                () -> new UserError(RejectionCode.ALREADY_EXISTS, null, ApiText.of("reappraisal.exists", id)));
        return outcome.succeeded() ? new ReappraisalPayload(id, results, List.of(), Inputs.normalize(scope), storeHead)
                : failed(outcome.errors());
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
        return new ReappraisalPayload(null, null, errors, null, 0);
    }
}
