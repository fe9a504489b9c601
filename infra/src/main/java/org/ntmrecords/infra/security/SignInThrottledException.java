package org.ntmrecords.infra.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Sign-in refused without checking the password: too many failures lately (see {@link SignInThrottle}). */
public class SignInThrottledException extends AuthenticationException {
    private final transient Duration retryAfter;

    public SignInThrottledException(String username, Duration retryAfter) {
        super("too many failed sign-ins for " + username + " lately: try again in "
                + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " s");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
