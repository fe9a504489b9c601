package org.ntmrecords.infra.api;

import java.time.Duration;
import java.util.List;
import java.util.SortedSet;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.ntmrecords.infra.distribution.KafkaEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for API clients: after a mutation, waits (bounded) until this process's projections have
 * processed every event the mutation stored, so the next query sees its effect. The Kafka publisher is not waited
 * for: publishing never holds up a command.
 *
 * <p>The mutation's events lie between the store's head before and after it. The projections have them when
 * their position is past the later head and none of the positions in between that hold a committed event is
 * still an open gap. Positions in between without a committed event belong to other transactions (rolled
 * back or in flight) and are not waited for.
 */
@Component
public class ProjectionCatchUp {
    /** A mutation's answer waits at most this long past the read model showing it (processors' status is in memory). */
    private static final long POLL_NANOS = Duration.ofMillis(1).toNanos();

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;

    public ProjectionCatchUp(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    /** The highest global index committed in the event store (0 when empty). */
    public long storeHead() {
        Long head = jdbc.queryForObject(
                "select coalesce(max(global_index), 0) from event_store.domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    /** The number of events in the store. */
    public long storeSize() {
        Long size = jdbc.queryForObject("select count(*) from event_store.domain_event_entry", Long.class);
        return size == null ? 0 : size;
    }

    /**
     * Waits until every streaming processor of this process has handled the events committed after
     * {@code before}, or the timeout passes.
     *
     * @return whether the projections caught up in time
     */
    public boolean awaitEventsAfter(long before, Duration timeout) {
        long target = storeHead();
        if (target <= before) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (caughtUp(before, target)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /**
     * Whether every running streaming processor of this process (but the Kafka publisher) has handled the events up to
     * {@code target}, leaving out the segments halted at an event (in error, retrying: see {@link #halted()}).
     */
    public boolean handledUpToBesidesHalted(long target) {
        return target <= 0 || caughtUp(0, target, true);
    }

    /** The processors with a segment halted at an event (in error, retrying with back-off). */
    public List<String> halted() {
        return streaming().stream().filter(p -> p.processingStatus().values().stream()
                .anyMatch(EventTrackerStatus::isErrorState)).map(StreamingEventProcessor::getName).sorted().toList();
    }

    private List<StreamingEventProcessor> streaming() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .filter(processor -> !KafkaEventPublisher.PROCESSING_GROUP.equals(processor.getName())).toList();
    }

    private boolean caughtUp(long before, long target) {
        return caughtUp(before, target, false);
    }

    private boolean caughtUp(long before, long target, boolean besidesHalted) {
        for (StreamingEventProcessor processor : streaming()) {
            if (!processor.isRunning()) {
                continue;
            }
            var status = processor.processingStatus();
            if (status.isEmpty()) {
                return false;
            }
            for (EventTrackerStatus segment : status.values()) {
                if (besidesHalted && segment.isErrorState()) {
                    continue;
                }
                if (!covers(segment.getTrackingToken(), before, target)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean covers(TrackingToken token, long before, long target) {
        TrackingToken position = WrappedToken.unwrapLowerBound(token);
        if (!(position instanceof GapAwareTrackingToken gapAware)) {
            return false;
        }
        if (gapAware.getIndex() < target) {
            return false;
        }
        SortedSet<Long> open = gapAware.getGaps().subSet(before + 1, target + 1);
        if (open.isEmpty()) {
            return true;
        }
        Integer committed = jdbc.queryForObject(
                "select count(*) from event_store.domain_event_entry where global_index = any(?)", Integer.class,
                (Object) open.toArray(Long[]::new));
        return committed != null && committed == 0;
    }
}
