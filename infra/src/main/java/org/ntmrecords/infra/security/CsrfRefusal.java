package org.ntmrecords.infra.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.ntmrecords.infra.api.ApiText;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A request of a browser session that changes something without the session's CSRF token (header
 * {@code X-CSRF-TOKEN}, from {@code GET /web/session}) is refused before it is read: 403 {@code CSRF_REFUSED}, as a
 * JSON error. Nothing of it is executed.
 */
class CsrfRefusal implements AccessDeniedHandler {
    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!(denied instanceof CsrfException)) {
            otherwise.handle(request, response, denied);
            return;
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        JsonRefusal.write(response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", "CSRF_REFUSED",
                ApiText.say(ApiText.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)), "webSession.csrfRefused"));
    }
}
