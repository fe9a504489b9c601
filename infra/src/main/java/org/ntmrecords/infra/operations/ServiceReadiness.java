package org.ntmrecords.infra.operations;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.ntmrecords.infra.api.ProjectionCatchUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * ({@code /actuator/health/readiness}, docs/operations.md) and the test of the starting-up gate
 * (security/StartingUpGate). A command-line task (no web server) has no traffic to turn away and does not wait.
 *
 * <p>Ready once Spring Boot accepts traffic — migrations ran, the start-up runners loaded the demo and the seed
 * accounts — and this process's processors have handled every event stored when start-up ended, so that its first
 * answers already show the records. A processor halted at an event (in error, retrying) is left out and named in the
 * component's details: it would never catch up, and the rest of the service still serves (the processors' failure
 * meters are for it). Once caught up, the component stays UP: under load the processors are always a little behind,
 * and that is what the lag meters are for, not a reason to turn traffic away.
 */
@Component("projections")
public class ServiceReadiness implements HealthIndicator {
    private static final Logger log = LoggerFactory.getLogger(ServiceReadiness.class);
    private static final long NOT_YET = -1;
    /** How long a "not yet" is kept before the processors are asked again (the gate asks at every request). */
    private static final long RECHECK_NANOS = Duration.ofMillis(200).toNanos();

    private final ProjectionCatchUp catchUp;
    private final ApplicationAvailability availability;
    private final Duration catchUpWait;
    private final AtomicLong target = new AtomicLong(NOT_YET);
    private final AtomicLong checkedAt = new AtomicLong(System.nanoTime() - RECHECK_NANOS);
    private volatile boolean caughtUp;

    public ServiceReadiness(ProjectionCatchUp catchUp, ApplicationAvailability availability,
                            @Value("${ntm.readiness.catch-up-wait:60s}") Duration catchUpWait) {
        this.catchUp = catchUp;
        this.availability = availability;
        this.catchUpWait = catchUpWait;
    }

    /**
     * Notes the store's head when start-up finished (what the processors must reach) and waits up to
     * {@code ntm.readiness.catch-up-wait} for them: Spring Boot turns to accepting traffic only after this returns,
     * so on a usual start the service is ready when it logs "ready". A longer catch-up (a rebuild) goes on behind the
     * 503 answers, and the line is logged when it ends.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void startedUp(ApplicationReadyEvent event) {
        long head = catchUp.storeHead();
        target.compareAndSet(NOT_YET, head);
        if (!(event.getApplicationContext()
                instanceof org.springframework.boot.web.context.WebServerApplicationContext)) {
            return;
        }
        long deadline = System.nanoTime() + catchUpWait.toNanos();
        while (!catchUp.handledUpToBesidesHalted(head) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        if (catchUp.handledUpToBesidesHalted(head)) {
            markCaughtUp(head);
        } else {
            log.info("Started; the processors are still catching up with the store (position {}): requests are "
                    + "answered 503 until they have", head);
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
        long last = checkedAt.get();
        long now = System.nanoTime();
        if (head == NOT_YET || now - last < RECHECK_NANOS || !checkedAt.compareAndSet(last, now)) {
            return false;
        }
        if (catchUp.handledUpToBesidesHalted(head)) {
            markCaughtUp(head);
        }
        return caughtUp;
    }

    private synchronized void markCaughtUp(long head) {
        if (caughtUp) {
            return;
        }
        caughtUp = true;
        List<String> halted = catchUp.halted();
        if (halted.isEmpty()) {
            log.info("NTM Records ready: the processors have every event up to position {}", head);
        } else {
            log.warn("NTM Records ready, but processors {} are halted at an event (see /actuator/health and "
                    + "docs/audit.md): their read tables stay behind until it is resolved", halted);
        }
    }

    @Override
    public Health health() {
        long head = target.get();
        if (projectionsCaughtUp() || caughtUp) {
            List<String> halted = catchUp.halted();
            return halted.isEmpty() ? Health.up().build() : Health.up().withDetail("halted", halted).build();
        }
        return Health.outOfService()
                .withDetail("state", head == NOT_YET ? "starting" : "catching up")
                .withDetail("storeHeadAtStart", head)
                .build();
    }
}
