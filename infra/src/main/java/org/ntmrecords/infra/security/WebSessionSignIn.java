package org.ntmrecords.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.ntmrecords.infra.api.ApiText;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * The answers of the web application's sign-in form ({@code POST /web/sign-in}) and sign-out
 * ({@code POST /web/sign-out}): JSON for a script, never a redirect. A successful sign-in answers with the session's
 * new CSRF token (the session id and the token are both replaced at sign-in); a refused one is logged and throttled as
 * a refused HTTP Basic sign-in is, and answered as one: 401 {@code SIGN_IN_FAILED}, or 429 {@code SIGN_IN_THROTTLED}
 * with {@code Retry-After}. Sign-out answers 204 and clears the session cookie.
 */
public class WebSessionSignIn implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutSuccessHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SignInFailures failures;

    public WebSessionSignIn(SignInFailures failures) {
        this.failures = failures;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                       Authentication authentication) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        JSON.writeValue(response.getOutputStream(), WebSessionState.of(request, true));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException failure) throws IOException {
        // the user name only: the password is never read here, let alone logged
        failures.failedWithUsername(request.getParameter(UsernamePasswordAuthenticationFilter.SPRING_SECURITY_FORM_USERNAME_KEY),
                failure);
        Locale language = ApiText.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (failure instanceof SignInThrottledException throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            JsonRefusal.write(response, 429, "UNAUTHORIZED", "SIGN_IN_THROTTLED",
                    ApiText.say(language, "signIn.throttled", throttled.retryAfterSeconds()));
        } else {
            JsonRefusal.write(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED", "SIGN_IN_FAILED",
                    ApiText.say(language, "signIn.failed"));
        }
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        // the session is invalidated already (SecurityContextLogoutHandler); the browser forgets its cookie too
        SessionCookieConfig cookie = request.getServletContext().getSessionCookieConfig();
        String path = cookie.getPath() != null ? cookie.getPath()
                : request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(cookie.getName() != null ? cookie.getName() : "JSESSIONID", "")
                .path(path).maxAge(0).httpOnly(true).secure(request.isSecure()).sameSite("Lax").build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
