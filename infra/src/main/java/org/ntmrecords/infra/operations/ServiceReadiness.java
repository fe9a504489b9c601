package org.ntmrecords.infra.operations;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.ntmrecords.infra.api.ProjectionCatchUp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether this process may serve requests: the {@code projections} component of the readiness group
 * ({@code /actuator/health/readiness}, docs/operations.md) and the test of {@link StartingUpGate}.
 *
 * <p>Ready once Spring Boot accepts traffic — migrations ran, the start-up runners loaded the demo and the seed
 * accounts — and this process's processors have handled every event stored when it became ready, so that its first
 * answers already show the records. Once caught up, the component stays UP: under load the processors are always a
 * little behind, and that is what the processors' lag metrics are for, not a reason to turn traffic away.
 */
@Component("projections")
public class ServiceReadiness implements HealthIndicator {
    private static final long NOT_YET = -1;

    private final ProjectionCatchUp catchUp;
    private final ApplicationAvailability availability;
    private final AtomicLong target = new AtomicLong(NOT_YET);
    private volatile boolean caughtUp;

    private final Duration catchUpWait;

    public ServiceReadiness(ProjectionCatchUp catchUp, ApplicationAvailability availability,
                            @Value("${ntm.readiness.catch-up-wait:60s}") Duration catchUpWait) {
        this.catchUp = catchUp;
        this.availability = availability;
        this.catchUpWait = catchUpWait;
    }

    /**
     * Notes the store's head when start-up finished (what the processors must reach) and waits up to
     * {@code ntm.readiness.catch-up-wait} for them: Spring Boot turns to accepting traffic only after this returns,
     * so on a usual start the service is ready as soon as it says it started. A longer catch-up (a rebuild) goes on
     * behind the 503 answers.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void startedUp() {
        target.compareAndSet(NOT_YET, catchUp.storeHead());
        if (catchUp.awaitEventsAfter(0, catchUpWait)) {
            caughtUp = true;
        }
    }

    /** Whether requests are served: accepting traffic and caught up. */
    public boolean ready() {
        return availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC && projectionsCaughtUp();
    }

    private boolean projectionsCaughtUp() {
        if (caughtUp) {
            return true;
        }
        long head = target.get();
        if (head == NOT_YET) {
            return false;
        }
        if (catchUp.handledUpTo(head)) {
            caughtUp = true;
        }
        return caughtUp;
    }

    @Override
    public Health health() {
        if (projectionsCaughtUp()) {
            return Health.up().build();
        }
        long head = target.get();
        return Health.outOfService()
                .withDetail("state", head == NOT_YET ? "starting" : "catching up")
                .withDetail("storeHeadAtStart", head)
                .build();
    }
}
