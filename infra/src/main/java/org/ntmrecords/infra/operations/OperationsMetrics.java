package org.ntmrecords.infra.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.ntmrecords.infra.api.ProjectionCatchUp;
import org.ntmrecords.infra.distribution.KafkaEventPublisher;
import org.ntmrecords.infra.distribution.ReplicaStatus;
import org.ntmrecords.infra.integrity.VerificationJobs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's own meters beside Spring's and Axon's (docs/operations.md lists them all):
 * <ul>
 *   <li>{@code ntm.store.head}: the store's last position;</li>
 *   <li>{@code ntm.processor.events.behind}, by processor: events stored past the processor's position (its slowest
 *       segment) — the Kafka publisher's lag is the one of {@code processor="kafka-publisher"};</li>
 *   <li>{@code ntm.kafka.publisher.failures}: batches Kafka refused (each sent again from the same position);</li>
 *   <li>{@code ntm.replica.lag} and {@code ntm.replica.copied}: on a query replica, records behind the topic's end
 *       and events copied since start;</li>
 *   <li>{@code ntm.verification.checked} and {@code ntm.verification.size}: the progress of the latest store
 *       verification started here.</li>
 * </ul>
 * Gauges are read at each scrape; the store's head is read from the database at most once a second.
 */
@Configuration(proxyBeanMethods = false)
public class OperationsMetrics {

    /**
     * Axon's meters trimmed: a processor's meters per processor, not per processor and event type (150 series of each
     * kind instead of 7); no capacity gauges (registered concurrently per command type, they log a warning each); no
     * percentiles computed in the process (Prometheus computes them from the counts, max and sums).
     */
    @Bean
    public MeterFilter axonMeters() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                return id.getName().endsWith(".capacity") && isAxon(id) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
            }

            @Override
            public Meter.Id map(Meter.Id id) {
                if (id.getName().startsWith("eventProcessor.") && id.getTag("payloadType") != null) {
                    return id.replaceTags(id.getTags().stream().filter(t -> !t.getKey().equals("payloadType")).toList());
                }
                return id;
            }

            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!isAxon(id)) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentiles(new double[0]).build().merge(config);
            }
        };
    }

    private static boolean isAxon(Meter.Id id) {
        return id.getName().startsWith("eventProcessor.") || id.getName().startsWith("commandBus.")
                || id.getName().startsWith("eventStore.") || id.getName().startsWith("queryBus.");
    }

    @Bean
    public AppendedEventsMonitor appendedEventsMonitor(MeterRegistry registry) {
        return new AppendedEventsMonitor(registry);
    }

    @Bean
    public MeterBinder storeMeters(ProjectionCatchUp catchUp, EventProcessingConfiguration processing) {
        return registry -> {
            LongSupplier head = new KeptFor(Duration.ofSeconds(1), catchUp::storeHead);
            Gauge.builder("ntm.store.head", head, h -> h.getAsLong())
                    .description("The position of the last event in this process's store").register(registry);
            processing.eventProcessors().forEach((name, processor) -> {
                if (processor instanceof StreamingEventProcessor streaming) {
                    Gauge.builder("ntm.processor.events.behind", streaming, p -> behind(p, head.getAsLong()))
                            .description("Events stored past the processor's position (its slowest segment)")
                            .tag("processor", name).register(registry);
                }
            });
        };
    }

    @Bean
    public MeterBinder distributionMeters(ObjectProvider<KafkaEventPublisher> publisher,
                                          ObjectProvider<ReplicaStatus> replica) {
        return registry -> {
            publisher.ifAvailable(p -> FunctionCounter.builder("ntm.kafka.publisher.failures", p,
                            KafkaEventPublisher::failures)
                    .description("Batches Kafka refused since start (each sent again from the same position)")
                    .register(registry));
            replica.ifAvailable(r -> {
                Gauge.builder("ntm.replica.lag", r, ReplicaStatus::lag)
                        .description("Records of the events topic this replica has not copied yet (-1: unknown)")
                        .register(registry);
                FunctionCounter.builder("ntm.replica.copied", r, ReplicaStatus::copied)
                        .description("Events copied from the topic since start").register(registry);
            });
        };
    }

    @Bean
    public MeterBinder verificationMeters(VerificationJobs jobs) {
        return registry -> {
            Gauge.builder("ntm.verification.checked", jobs, j -> j.latest().map(VerificationJobs.Job::checked).orElse(0L))
                    .description("Events checked by the latest store verification started here").register(registry);
            Gauge.builder("ntm.verification.size", jobs, j -> j.latest().map(VerificationJobs.Job::total).orElse(0L))
                    .description("Events the latest store verification started here is to check").register(registry);
        };
    }

    static double behind(StreamingEventProcessor processor, long head) {
        if (head < 0 || !processor.isRunning() || processor.processingStatus().isEmpty()) {
            return Double.NaN;
        }
        long slowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : processor.processingStatus().values()) {
            TrackingToken token = WrappedToken.unwrapLowerBound(segment.getTrackingToken());
            long position = token instanceof GapAwareTrackingToken gapAware ? gapAware.getIndex() : -1;
            slowest = Math.min(slowest, position);
        }
        return Math.max(0, head - slowest);
    }

    /** A value read again only when the kept one is older than the given age. */
    static final class KeptFor implements LongSupplier {
        private final long maxAgeNanos;
        private final LongSupplier source;
        private volatile long value;
        private volatile long readAt;
        private volatile boolean read;

        KeptFor(Duration maxAge, LongSupplier source) {
            this.maxAgeNanos = maxAge.toNanos();
            this.source = source;
        }

        @Override
        public synchronized long getAsLong() {
            long now = System.nanoTime();
            if (!read || now - readAt > maxAgeNanos) {
                try {
                    value = source.getAsLong();
                } catch (RuntimeException unreadable) {
                    // the database does not answer: -1, kept as long as a value would be, so that a scrape does not
                    // wait for the pool's timeout once per processor
                    value = -1;
                }
                readAt = now;
                read = true;
            }
            return value;
        }
    }
}
