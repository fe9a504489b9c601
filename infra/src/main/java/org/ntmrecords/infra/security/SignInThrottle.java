package org.ntmrecords.infra.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. Each failed sign-in takes a token from three buckets: the account tried from that
 * address, the address (whatever the account), and the account (whatever the address). While any of them is empty,
 * sign-in is refused at once — the right password too — until it refills, and the refusal says when to try again.
 * A successful sign-in gives the account back its tokens at that address. The defaults: 5 failures of an account
 * from one address, then one try a minute; 30 failures from an address, then one every 20 seconds; 50 failures of
 * an account from everywhere, then one a minute (so a guesser cannot lock the account for long from elsewhere).
 */
@Component
public class SignInThrottle {
    private final Buckets accountAtAddress;
    private final Buckets address;
    private final Buckets account;

    /** The limits: failures allowed before throttling, and how often one more try comes back. */
    @ConfigurationProperties("ntm.security.sign-in-throttle")
    public record Limits(Limit accountAtAddress, Limit address, Limit account) {
        public Limits {
            accountAtAddress = accountAtAddress == null ? new Limit(5, Duration.ofMinutes(1)) : accountAtAddress;
            address = address == null ? new Limit(30, Duration.ofSeconds(20)) : address;
            account = account == null ? new Limit(50, Duration.ofMinutes(1)) : account;
        }
    }

    public record Limit(int failures, Duration onePer) {
    }

    @org.springframework.beans.factory.annotation.Autowired
    public SignInThrottle(Limits limits) {
        this(limits, io.github.bucket4j.TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** With the clock the buckets refill by (tests move it). */
    SignInThrottle(Limits limits, io.github.bucket4j.TimeMeter time) {
        this.accountAtAddress = buckets(limits.accountAtAddress(), time);
        this.address = buckets(limits.address(), time);
        this.account = buckets(limits.account(), time);
    }

    private static Buckets buckets(Limit limit, io.github.bucket4j.TimeMeter time) {
        return new Buckets(limit.failures(), 1, limit.onePer(), 100_000, time);
    }

    /** Throws while the account or the address must wait; the exception says how long. */
    public void check(String username, String clientAddress) {
        long wait = Math.max(accountAtAddress.nanosUntilToken(key(username, clientAddress)),
                Math.max(address.nanosUntilToken(addressKey(clientAddress)), account.nanosUntilToken(username)));
        if (wait > 0) {
            throw new SignInThrottledException(username, Duration.ofNanos(wait));
        }
    }

    public void failed(String username, String clientAddress) {
        accountAtAddress.of(key(username, clientAddress)).tryConsume(1);
        address.of(addressKey(clientAddress)).tryConsume(1);
        account.of(username).tryConsume(1);
    }

    public void succeeded(String username, String clientAddress) {
        accountAtAddress.forget(key(username, clientAddress));
    }

    private static String key(String username, String clientAddress) {
        return username + "\u0000" + addressKey(clientAddress);
    }

    private static String addressKey(String clientAddress) {
        return clientAddress == null ? "(unknown)" : clientAddress;
    }
}
