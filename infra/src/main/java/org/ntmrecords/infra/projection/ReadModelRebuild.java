package org.ntmrecords.infra.projection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.api.ApiText;
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
        /** The summary in English (logs). */
        public String summary() {
            return summary(Locale.ENGLISH);
        }

        /** Whether it finished, how many events, how long, how fast: in a reader's language. */
        public String summary(Locale locale) {
            return text().in(locale);
        }

        /** The summary as words of the bundles. */
        public Message text() {
            long millis = Math.max(elapsed.toMillis(), 1);
            BigDecimal seconds = BigDecimal.valueOf(millis, 3).setScale(1, RoundingMode.HALF_UP);
            String rate = String.format(Locale.ROOT, "%.0f", events / (millis / 1000.0));
            return ApiText.of("readModel.rebuild.summary", ApiText.of(completed ? "readModel.rebuild.done"
                    : "readModel.rebuild.timedOut"), String.valueOf(events), seconds, rate);
        }
    }

    /** @param progress told what the rebuild is doing, in words for a reader */
    public Result rebuild(Consumer<Message> progress) {
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
        progress.accept(ApiText.of("readModel.rebuild.replaying", String.valueOf(events)));
        boolean done = catchUp.awaitEventsAfter(0, timeout);
        // wait for the replay flags to clear too, so callers see processors back in normal operation
        while (done && processors.stream().anyMatch(StreamingEventProcessor::isReplaying)
                && System.nanoTime() - started < timeout.toNanos()) {
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        return new Result(done, events, head, Duration.ofNanos(System.nanoTime() - started));
    }
}
