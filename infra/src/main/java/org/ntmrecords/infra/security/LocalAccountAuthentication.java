package org.ntmrecords.infra.security;

import java.util.Optional;
import org.ntmrecords.infra.axon.RequestCorrelation;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Signs in local accounts (HTTP Basic): the account from the event store, the password checked against its
 * stored hash. An unknown name costs the same hash check as a known one. Failures are throttled per account and
 * address ({@link SignInThrottle}); a hash made by an older scheme (bcrypt) is replaced by the current one (Argon2)
 * at the next successful sign-in.
 *
 * <p>HTTP Basic sends the password with every request and a hash check costs tens of milliseconds, so a
 * successful check is remembered for a few minutes, keyed by a salted SHA-256 of name and password and tied
 * to the stored hash it matched: a changed password invalidates it at once. The account itself (role,
 * disabled) is read on every request.
 */
public class LocalAccountAuthentication implements AuthenticationProvider {
    private static final long REMEMBER_NANOS = java.time.Duration.ofMinutes(5).toNanos();
    private static final int REMEMBER_MAX = 10_000;

    private final AccountLookup accounts;
    private final Credentials credentials;
    private final SignInThrottle throttle;
    private final String noSuchHash;
    private final byte[] salt = new byte[32];
    private final java.util.Map<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();

    private record Verified(String hash, long until) {
    }

    public LocalAccountAuthentication(AccountLookup accounts, Credentials credentials, SignInThrottle throttle) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.throttle = throttle;
        this.noSuchHash = credentials.hashOf(java.util.UUID.randomUUID() + "-never-a-password");
        new java.security.SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        String address = RequestCorrelation.clientAddress().orElse(null);
        throttle.check(username, address);
        Optional<AccountLookup.AccountState> account = accounts.find(username);
        Optional<String> hash = account.flatMap(a -> credentials.hash(username));
        boolean matches = matches(username, password, hash.orElse(noSuchHash));
        if (account.isEmpty() || hash.isEmpty() || !matches) {
            throttle.failed(username, address);
            throw new BadCredentialsException("bad credentials");
        }
        if (!account.get().enabled()) {
            throw new DisabledException("account " + username + " is disabled");
        }
        throttle.succeeded(username, address);
        if (credentials.needsRehash(hash.get())) {
            credentials.rehash(username, password);
        }
        return new NtmAuthentication(account.get().principal());
    }

    private boolean matches(String username, String password, String hash) {
        String key = key(username, password);
        Verified known = verified.get(key);
        long now = System.nanoTime();
        if (known != null && known.hash().equals(hash) && now - known.until() < 0) {
            return true;
        }
        boolean matches = credentials.matches(password, hash);
        if (matches) {
            if (verified.size() >= REMEMBER_MAX) {
                verified.clear();
            }
            verified.put(key, new Verified(hash, now + REMEMBER_NANOS));
        }
        return matches;
    }

    private String key(String username, String password) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update(username.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean supports(Class<?> type) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
    }
}
