package org.ntmrecords.infra.distribution;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Where a query replica stands in the events topic, as the {@code replication} health component
 * ({@code /actuator/health/replication}): DOWN while copying fails, with the error; otherwise the next offset, the
 * lag behind the topic's end, and how many events were copied and how many repeats dropped since start.
 */
public class ReplicaStatus implements HealthIndicator {
    public enum State { STARTING, WAITING, REPLICATING, FAILING }

    private final Clock clock;
    private final AtomicLong copied = new AtomicLong();
    private final AtomicLong repeated = new AtomicLong();
    private volatile State state = State.STARTING;
    private volatile String topic;
    private volatile String topicId;
    private volatile long nextOffset = -1;
    private volatile long lag = -1;
    private volatile String detail;
    private volatile Instant lastCopy;

    public ReplicaStatus(Clock clock) {
        this.clock = clock;
    }

    void waiting(String why) {
        state = State.WAITING;
        detail = why;
    }

    void failed(Exception e) {
        state = State.FAILING;
        detail = e.toString();
    }

    void replicating(String topic, String topicId) {
        this.topic = topic;
        this.topicId = topicId;
        state = State.REPLICATING;
        detail = null;
    }

    void polled(long next, OptionalLong lag) {
        nextOffset = next;
        this.lag = lag.orElse(-1);
    }

    void copied(int events, int repeats, long next, OptionalLong lag) {
        copied.addAndGet(events);
        repeated.addAndGet(repeats);
        lastCopy = clock.instant();
        polled(next, lag);
    }

    /** Records of the topic not copied yet (-1 while unknown). */
    public long lag() {
        return lag;
    }

    /** Events copied since start. */
    public long copied() {
        return copied.get();
    }

    /** Records dropped since start because the store already held their event. */
    public long repeated() {
        return repeated.get();
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", state.name());
        if (topic != null) {
            details.put("topic", topic);
            details.put("topicId", topicId);
        }
        details.put("nextOffset", nextOffset);
        details.put("lag", lag);
        details.put("copied", copied.get());
        details.put("repeatsDropped", repeated.get());
        if (lastCopy != null) {
            details.put("lastCopy", lastCopy.toString());
        }
        if (detail != null) {
            details.put("detail", detail);
        }
        return (state == State.FAILING ? Health.down() : Health.up()).withDetails(details).build();
    }
}
