package org.ntmrecords.infra.security;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many rows one actor from one address may add to the security log: {@code burst} at once, then one per
 * {@code every}. A refusal past the limit is not written but counted, and the count is carried by the next row of
 * that actor and address that is written — so the log cannot be flooded, and no refusal goes uncounted.
 */
final class RateLimitedRows {
    private final Buckets rows;
    private final Map<String, AtomicLong> notWritten = new ConcurrentHashMap<>();

    /** Whether to write a row now, and how many earlier refusals it carries. */
    record Decision(boolean write, long carried) {
    }

    RateLimitedRows(int burst, Duration every, TimeMeter time) {
        this.rows = new Buckets(burst, 1, every, 100_000, time);
    }

    Decision offer(String actor, String address, int refusals) {
        String key = actor + "\u0000" + address;
        if (!rows.of(key).tryConsume(1)) {
            notWritten.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(refusals);
            return new Decision(false, 0);
        }
        AtomicLong earlier = notWritten.remove(key);
        return new Decision(true, earlier == null ? 0 : earlier.get());
    }
}
