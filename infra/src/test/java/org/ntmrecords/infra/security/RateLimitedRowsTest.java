package org.ntmrecords.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A flood of refusals cannot flood the security log, and none goes uncounted. */
class RateLimitedRowsTest {
    private final AtomicLong nanos = new AtomicLong();
    private final RateLimitedRows rows = new RateLimitedRows(30, Duration.ofSeconds(2), new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    });

    @Test
    void pastTheBurstRowsAreCountedAndTheCountGoesWithTheNextRowWritten() {
        long written = 0;
        for (int i = 0; i < 1000; i++) {
            if (rows.offer("dashboard", "10.0.0.1", 3).write()) {
                written++;
            }
        }
        assertThat(written).isEqualTo(30);
        assertThat(rows.offer("auditor", "10.0.0.1", 1).write()).as("another actor").isTrue();
        assertThat(rows.offer("dashboard", "10.0.0.2", 1).write()).as("another address").isTrue();
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        RateLimitedRows.Decision next = rows.offer("dashboard", "10.0.0.1", 1);
        assertThat(next.write()).isTrue();
        assertThat(next.carried()).as("the 970 refused requests not written, 3 refusals each").isEqualTo(970 * 3);
        assertThat(rows.offer("dashboard", "10.0.0.1", 1).write()).isFalse();
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(rows.offer("dashboard", "10.0.0.1", 1)).isEqualTo(new RateLimitedRows.Decision(true, 1));
    }
}
