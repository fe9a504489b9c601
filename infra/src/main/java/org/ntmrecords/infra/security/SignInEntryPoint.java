package org.ntmrecords.infra.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.ntmrecords.infra.api.ApiText;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Every refused sign-in over HTTP ends here, whether the password was wrong, the account disabled, the sign-in
 * throttled, the bearer token invalid or the {@code Authorization} header malformed: each is written to the security
 * log ({@link SignInFailures}) and answered with a JSON error: 401, or 429 with {@code Retry-After} when throttled. A request without any credentials is not a
 * sign-in attempt and is not logged. Scripts ({@code X-Requested-With}) and browsers holding a session cookie get no
 * Basic challenge, which would open the browser's own dialog.
 */
public class SignInEntryPoint implements AuthenticationEntryPoint {
    private final SignInFailures failures;
    private final boolean basic;
    private final boolean bearer;

    public SignInEntryPoint(SignInFailures failures, boolean basic, boolean bearer) {
        this.failures = failures;
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
            failures.failed(authorization, failure);
        }
        java.util.Locale language = ApiText.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        if (failure instanceof SignInThrottledException throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            JsonRefusal.write(response, 429, "UNAUTHORIZED", "SIGN_IN_THROTTLED",
                    ApiText.say(language, "signIn.throttled", throttled.retryAfterSeconds()));
            return;
        }
        // scripts, and browsers of the web application (a session cookie, even an expired one), get no challenge:
        // it would open the browser's own sign-in dialog instead of the application's form
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With")) && request.getRequestedSessionId() == null) {
            if (basic) {
                response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"NTM Records\"");
            }
            if (bearer) {
                response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            }
        }
        JsonRefusal.write(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED",
                attempted ? "SIGN_IN_FAILED" : "UNAUTHENTICATED",
                ApiText.say(language, attempted ? "signIn.failed" : "signIn.needed"));
    }
}
