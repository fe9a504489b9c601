package org.ntmrecords.infra.projection;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.ntmrecords.infra.api.ProjectionCatchUp;
import org.ntmrecords.query.common.ReadModel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the read tables from the event store: stops the read-model processors, resets their positions to
 * the start of the store (their reset handlers empty the tables), starts them and waits until they have processed
 * everything that was in the store when the rebuild began.
 */
@Component
public class ReadModelRebuild {
    private final EventProcessingConfiguration processing;
    private final ProjectionCatchUp catchUp;
    private final Duration timeout;

    public ReadModelRebuild(EventProcessingConfiguration processing, ProjectionCatchUp catchUp,
                            @Value("${ntm.rebuild.timeout:2h}") Duration timeout) {
        this.processing = processing;
        this.catchUp = catchUp;
        this.timeout = timeout;
    }

    /**
     * @param events   events in the store when the rebuild began
     * @param position the store's highest global index then (above {@code events} where rolled-back inserts
     *                 left gaps)
     */
    public record Result(boolean completed, long events, long position, Duration elapsed) {
        public String summary() {
            double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
            return String.format(Locale.ROOT, "%s: %d events in %.1f s (%.0f events/s)",
                    completed ? "rebuilt" : "NOT finished within the timeout", events, seconds, events / seconds);
        }
    }

    public Result rebuild(Consumer<String> progress) {
        List<StreamingEventProcessor> processors = ReadModel.PROCESSING_GROUPS.stream().map(group -> processing
                .eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + group))).toList();
        long started = System.nanoTime();
        // Shut down while it is still starting (claiming its segment), Axon's tracking processor can keep the
        // segment marked active and never work it again after the restart below: let each start fully first.
        for (StreamingEventProcessor processor : processors) {
            while (processor.isRunning() && processor.processingStatus().isEmpty()
                    && System.nanoTime() - started < timeout.toNanos()) {
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            }
        }
        long head = catchUp.storeHead();
        long events = catchUp.storeSize();
        processors.forEach(StreamingEventProcessor::shutDown);
        processors.forEach(StreamingEventProcessor::resetTokens);
        processors.forEach(StreamingEventProcessor::start);
        progress.accept("  replaying " + events + " events");
        boolean done = catchUp.awaitEventsAfter(0, timeout);
        // wait for the replay flags to clear too, so callers see processors back in normal operation
        while (done && processors.stream().anyMatch(StreamingEventProcessor::isReplaying)
                && System.nanoTime() - started < timeout.toNanos()) {
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        return new Result(done, events, head, Duration.ofNanos(System.nanoTime() - started));
    }
}
