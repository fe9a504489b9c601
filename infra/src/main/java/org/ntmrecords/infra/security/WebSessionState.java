package org.ntmrecords.infra.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What the web application is told about its browser session ({@code GET /web/session}, and the answer to a
 * successful sign-in): whether it is signed in, and the CSRF token it must send, in the header named here, with every
 * request that changes something ({@code POST /graphql}, {@code /web/sign-in}, {@code /web/sign-out}). The token is
 * masked anew each time it is given (Spring Security's XOR handler), so it never repeats in a response body.
 */
public record WebSessionState(boolean signedIn, Csrf csrf) {

    public record Csrf(String header, String token) {
    }

    /** The request's CSRF token (created, and the session with it, if it has none yet). */
    public static WebSessionState of(HttpServletRequest request, boolean signedIn) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new WebSessionState(signedIn, token == null ? null : new Csrf(token.getHeaderName(), token.getToken()));
    }
}
