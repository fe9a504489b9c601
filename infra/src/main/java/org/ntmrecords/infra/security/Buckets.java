package org.ntmrecords.infra.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets (Bucket4j) kept per key — an account, an address — in memory, each holding {@code capacity}
 * tokens and getting {@code refill} back every {@code period}. At most {@code maxKeys} are kept: past that, the
 * full ones (nobody over a limit) are dropped first, and only if none is full, all of them.
 */
final class Buckets {
    private final long capacity;
    private final long refill;
    private final Duration period;
    private final int maxKeys;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    Buckets(long capacity, long refill, Duration period, int maxKeys) {
        this(capacity, refill, period, maxKeys, TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** With the clock the buckets refill by (tests move it). */
    Buckets(long capacity, long refill, Duration period, int maxKeys, TimeMeter time) {
        this.capacity = capacity;
        this.refill = refill;
        this.period = period;
        this.maxKeys = maxKeys;
        this.time = time;
    }

    Bucket of(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= maxKeys) {
            buckets.values().removeIf(b -> b.getAvailableTokens() >= capacity);
            if (buckets.size() >= maxKeys) {
                buckets.clear();
            }
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder().withCustomTimePrecision(time)
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(refill, period)).build());
    }

    /** Nanoseconds until the key's bucket has a token again (0 when it has one now). */
    long nanosUntilToken(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            return 0;
        }
        return bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    void forget(String key) {
        buckets.remove(key);
    }
}
