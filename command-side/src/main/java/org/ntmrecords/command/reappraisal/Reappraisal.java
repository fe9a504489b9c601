package org.ntmrecords.command.reappraisal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.events.reappraisal.ReappraisalOrderedEvent;
import org.ntmrecords.events.reappraisal.ReappraisalOutcome;
import org.ntmrecords.events.reappraisal.UnitReappraisedEvent;

/** An ordered reappraisal: once recorded it never changes; a new order is a new reappraisal. */
@Aggregate
public class Reappraisal {
    private static final String PREFIX = "reappraisal:";

    @AggregateIdentifier
    private String streamId;

    protected Reappraisal() {
    }

    public static String streamId(String reappraisalId) {
        return PREFIX + reappraisalId;
    }

    @CommandHandler
    public Reappraisal(OrderReappraisalCommand command, Clock clock) {
        if (command.streamId() == null || !command.streamId().startsWith(PREFIX)) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "reappraisalId",
                    CommandText.of("reappraisal.idRequired"));
        }
        String id = command.streamId().substring(PREFIX.length());
        LocalDate today = LocalDate.now(clock);
        String scope = Inputs.requiredCode("unitCode", command.scopeUnitCode());
        String setId = Inputs.requiredCode("setId", command.setId());
        String against = Inputs.requiredCode("againstSetId", command.againstSetId());
        if (command.basis() == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "basis",
                    CommandText.of("reappraisal.basisRequired"));
        }
        var basis = Inputs.document("basis", command.basis(), today);
        String reason = Inputs.requiredText("reason", command.reason(), Inputs.TEXT_MAX);
        LocalDate date = Inputs.pastOrToday("date", command.date(), today);
        if (command.outcomes() == null || command.outcomes().isEmpty()) {
            throw new CommandRejectedException(RejectionCode.NOT_TRACKED, "unitCode",
                    CommandText.of("reappraisal.nothingTracked", scope, setId));
        }
        apply(new ReappraisalOrderedEvent(id, scope, setId, command.officialVersion(), against,
                command.againstVersion(), date, command.valuesAsOf(), basis, reason,
                command.outcomes().stream().map(ReappraisalOutcome::unitCode).toList()));
        for (ReappraisalOutcome outcome : command.outcomes()) {
            apply(new UnitReappraisedEvent(id, setId, command.officialVersion(), against, command.againstVersion(),
                    date, outcome));
        }
    }

    @EventSourcingHandler
    void on(ReappraisalOrderedEvent event) {
        streamId = streamId(event.reappraisalId());
    }
}
