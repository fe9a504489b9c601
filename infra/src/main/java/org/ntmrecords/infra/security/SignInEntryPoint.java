package org.ntmrecords.infra.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ntmrecords.command.access.Acting;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.command.access.SecurityLog;
import org.ntmrecords.command.account.Account;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Every refused sign-in ends here, whether the password was wrong, the account disabled, the sign-in throttled, the
 * bearer token invalid or the {@code Authorization} header malformed: each is written to the security log (the user
 * name when it is one, otherwise only a fingerprint of what was sent — never a password or a token) and answered with
 * a JSON error: 401, or 429 with {@code Retry-After} when throttled. A request without any credentials is not a
 * sign-in attempt and is not logged. Scripts ({@code X-Requested-With}) get no Basic challenge, which would open the
 * browser's own dialog.
 */
public class SignInEntryPoint implements AuthenticationEntryPoint {
    private final SecurityLog log;
    private final boolean basic;
    private final boolean bearer;
    private final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

    public SignInEntryPoint(SecurityLog log, boolean basic, boolean bearer) {
        this.log = log;
        this.basic = basic;
        this.bearer = bearer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        // credentials that were sent and not accepted, even in a form this service does not read, are an attempt
        boolean attempted = !(failure instanceof InsufficientAuthenticationException)
                || (authorization != null && !authorization.isBlank());
        if (attempted) {
            log.denied(new Acting(attemptedName(authorization), Role.DASHBOARD_VIEWER,
                    null, null), failure instanceof SignInThrottledException ? "SIGN_IN_THROTTLED" : "SIGN_IN", null,
                    reason(failure));
        }
        String code;
        String message;
        if (failure instanceof SignInThrottledException throttled) {
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            code = "SIGN_IN_THROTTLED";
            message = "too many failed sign-ins lately; try again in " + throttled.retryAfterSeconds() + " s";
        } else {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                if (basic) {
                    response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"NTM Records\"");
                }
                if (bearer) {
                    response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                }
            }
            code = attempted ? "SIGN_IN_FAILED" : "UNAUTHENTICATED";
            message = attempted ? "sign-in failed: wrong user name or password, a disabled account, or an invalid token"
                    : "sign in first (HTTP Basic or a bearer token)";
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("classification", "UNAUTHORIZED");
        extensions.put("code", code);
        json.writeValue(response.getOutputStream(), Map.of("errors", List.of(Map.of("message", message,
                "extensions", extensions))));
    }

    private static String reason(AuthenticationException failure) {
        String type = failure.getClass().getSimpleName();
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        // a message never repeats what was sent: Spring's texts name the problem, not the credentials
        return type + ": " + (message.length() > 200 ? message.substring(0, 200) : message).replaceAll("\\p{Cntrl}", "?");
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
            String username = colon < 0 ? decoded : decoded.substring(0, colon);
            return Account.isUsername(username) ? username : "(not a user name " + fingerprint(username) + ")";
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "(bearer token " + fingerprint(header.substring(7).strip()) + ")";
        }
        return "(unknown scheme " + fingerprint(header) + ")";
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
