package org.ntmrecords.infra.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.ntmrecords.command.access.Acting;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.command.access.SecurityLog;
import org.ntmrecords.command.account.Account;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Writes a refused sign-in to the security log — over HTTP ({@link SignInEntryPoint}), with the browser's sign-in form
 * ({@link WebSessionSignIn}) or at the start of a WebSocket session — under the user name when it is one, otherwise
 * under a fingerprint of what was sent: never a password or a token.
 */
@Component
public class SignInFailures {
    private final SecurityLog log;

    public SignInFailures(SecurityLog log) {
        this.log = log;
    }

    public void failed(String authorization, AuthenticationException failure) {
        logged(attemptedName(authorization), failure);
    }

    /** A refused sign-in with a user name and a password sent apart (the sign-in form): logged as a Basic one is. */
    public void failedWithUsername(String username, AuthenticationException failure) {
        logged(username == null || username.isEmpty() ? "(no credentials)" : named(username), failure);
    }

    private void logged(String actor, AuthenticationException failure) {
        log.denied(new Acting(actor, Role.DASHBOARD_VIEWER, null, null),
                failure instanceof SignInThrottledException ? "SIGN_IN_THROTTLED" : "SIGN_IN", null, reason(failure));
    }

    /**
     * Why, in English for operators, without a Java type's name (the log is read through the API): the kind of failure,
     * then Spring's text, which names the problem, not the credentials.
     */
    static String reason(AuthenticationException failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        return kind(failure) + ": " + (message.length() > 200 ? message.substring(0, 200) : message)
                .replaceAll("\\p{Cntrl}", "?");
    }

    private static String kind(AuthenticationException failure) {
        if (failure instanceof SignInThrottledException) {
            return "throttled";
        }
        if (failure instanceof org.springframework.security.authentication.DisabledException) {
            return "account disabled";
        }
        if (failure instanceof org.springframework.security.authentication.LockedException) {
            return "account locked";
        }
        if (failure instanceof org.springframework.security.authentication.BadCredentialsException) {
            return "bad credentials";
        }
        if (failure instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException) {
            return "invalid bearer token";
        }
        if (failure instanceof org.springframework.security.authentication.InsufficientAuthenticationException) {
            return "no credentials read";
        }
        return "sign-in refused";
    }

    /**
     * Who tried, as far as can be said without storing a secret: the user name of a Basic header when it is a valid
     * user name; otherwise a fingerprint (SHA-256, first 16 hex digits) of the credentials sent, so that repeated
     * attempts can be told apart and matched.
     */
    static String attemptedName(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return "(no credentials)";
        }
        String header = authorization.strip();
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "(malformed Basic header " + fingerprint(header) + ")";
            }
            int colon = decoded.indexOf(':');
            return named(colon < 0 ? decoded : decoded.substring(0, colon));
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "(bearer token " + fingerprint(header.substring(7).strip()) + ")";
        }
        return "(unknown scheme " + fingerprint(header) + ")";
    }

    /** The user name when it is a valid one, otherwise its fingerprint (it may be a password typed in the wrong box). */
    static String named(String username) {
        return Account.isUsername(username) ? username : "(not a user name " + fingerprint(username) + ")";
    }

    static String fingerprint(String secret) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
