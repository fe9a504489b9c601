package org.ntmrecords.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Failed sign-ins slow the next ones down, per account and address, and the delay wears off with time. */
class SignInThrottleTest {
    private final AtomicLong nanos = new AtomicLong();
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    private final SignInThrottle throttle = new SignInThrottle(new SignInThrottle.Limits(null, null, null), clock);

    private void later(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    /** Tries a sign-in the way the authentication does: checked, then counted when the password is wrong. */
    private boolean tryWrong(String user, String address) {
        try {
            throttle.check(user, address);
        } catch (SignInThrottledException e) {
            return false;
        }
        throttle.failed(user, address);
        return true;
    }

    @Test
    void fiveWrongPasswordsThenEveryTryIsRefusedUntilAMinuteHasPassed() {
        for (int i = 0; i < 5; i++) {
            assertThat(tryWrong("auditor", "10.0.0.1")).as("try %d", i + 1).isTrue();
        }
        for (int i = 0; i < 25; i++) {
            assertThat(tryWrong("auditor", "10.0.0.1")).as("try %d", i + 6).isFalse();
        }
        assertThatThrownBy(() -> throttle.check("auditor", "10.0.0.1")).isInstanceOf(SignInThrottledException.class)
                .satisfies(e -> assertThat(((SignInThrottledException) e).retryAfterSeconds()).isBetween(1L, 60L));
        // the same account from elsewhere is not locked out by this address
        assertThat(tryWrong("auditor", "10.0.0.2")).isTrue();
        later(Duration.ofSeconds(61));
        assertThat(tryWrong("auditor", "10.0.0.1")).as("one more try a minute later").isTrue();
        assertThat(tryWrong("auditor", "10.0.0.1")).as("but only one").isFalse();
    }

    @Test
    void aSuccessfulSignInGivesTheAccountItsTriesBackAtThatAddress() {
        for (int i = 0; i < 4; i++) {
            tryWrong("admin", "10.0.0.1");
        }
        throttle.succeeded("admin", "10.0.0.1");
        for (int i = 0; i < 5; i++) {
            assertThat(tryWrong("admin", "10.0.0.1")).isTrue();
        }
        assertThat(tryWrong("admin", "10.0.0.1")).isFalse();
    }

    @Test
    void anAddressGuessingManyAccountsIsSlowedDown() {
        int allowed = 0;
        for (int i = 0; i < 100; i++) {
            if (tryWrong("user" + i, "10.0.0.9")) {
                allowed++;
            }
        }
        assertThat(allowed).isEqualTo(30);
        assertThat(tryWrong("someone.else", "10.0.0.10")).as("other addresses unaffected").isTrue();
        later(Duration.ofSeconds(21));
        assertThat(tryWrong("user200", "10.0.0.9")).isTrue();
    }

    @Test
    void anAccountGuessedFromManyAddressesIsSlowedDown() {
        int allowed = 0;
        for (int i = 0; i < 100; i++) {
            if (tryWrong("dashboard", "10.1.0." + i)) {
                allowed++;
            }
        }
        assertThat(allowed).isEqualTo(50);
    }
}
