package org.ntmrecords.infra.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.monitoring.MessageMonitor;
import org.ntmrecords.events.scorecard.CriterionJudgedEvent;
import org.ntmrecords.events.scorecard.IndicatorJudgedEvent;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.StandingComputedEvent;

/**
 * Counts what the event store took, once the unit of work that appended it committed (Axon reports a published
 * event's success at commit, its failure at rollback):
 * <ul>
 *   <li>{@code ntm.events.appended}, by event type;</li>
 *   <li>{@code ntm.judgments.recorded}, by level (indicator, criterion, standing) and result (MET, NOT_MET,
 *       NOT_ASSESSED).</li>
 * </ul>
 * Counted in this process since it started: a replica, whose events come from the topic, counts none.
 */
public class AppendedEventsMonitor implements MessageMonitor<EventMessage<?>> {
    private final MeterRegistry registry;
    private final Map<String, Counter> appended = new ConcurrentHashMap<>();
    private final Map<String, Counter> judgments = new ConcurrentHashMap<>();

    public AppendedEventsMonitor(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public MonitorCallback onMessageIngested(EventMessage<?> message) {
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                counted(message.getPayload());
            }

            @Override
            public void reportFailure(Throwable cause) {
                // not stored: nothing to count
            }

            @Override
            public void reportIgnored() {
                // not stored: nothing to count
            }
        };
    }

    private void counted(Object payload) {
        String type = payload.getClass().getSimpleName();
        appended.computeIfAbsent(type, t -> Counter.builder("ntm.events.appended")
                .description("Events stored by this process since it started, by type")
                .tag("type", t).register(registry)).increment();
        if (payload instanceof IndicatorJudgedEvent judged) {
            judged("indicator", judged.result());
        } else if (payload instanceof CriterionJudgedEvent judged) {
            judged("criterion", judged.result());
        } else if (payload instanceof StandingComputedEvent judged) {
            judged("standing", judged.result());
        }
    }

    private void judged(String level, Judgment result) {
        judgments.computeIfAbsent(level + ':' + result, k -> Counter.builder("ntm.judgments.recorded")
                .description("Judgments stored by this process since it started, by level and result")
                .tag("level", level).tag("result", result.name()).register(registry)).increment();
    }
}
