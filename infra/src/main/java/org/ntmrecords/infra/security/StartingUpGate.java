package org.ntmrecords.infra.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.operations.ServiceReadiness;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Answers 503 with {@code Retry-After} to every request but the health probes while the service is not ready
 * ({@link ServiceReadiness}): starting up, or stopping. It runs before sign-in, so an early sign-in attempt is
 * neither checked against accounts that do not exist yet nor kept in the security log as a failure. A browser asking
 * for a page gets a page that says so and tries again by itself; everything else the API's error shape.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class StartingUpGate extends OncePerRequestFilter {
    static final int RETRY_AFTER_SECONDS = 5;

    private final ServiceReadiness readiness;

    public StartingUpGate(ServiceReadiness readiness) {
        this.readiness = readiness;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (readiness.ready()) {
            chain.doFilter(request, response);
            return;
        }
        Locale language = ApiText.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String message = ApiText.say(language, "service.notReady");
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (wantsPage(request)) {
            // Vietnamese first, English beneath it, whatever the browser prefers: this page has no language switch
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            String seconds = Integer.toString(RETRY_AFTER_SECONDS);
            response.getWriter().write("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    + "<meta http-equiv=\"refresh\" content=\"" + seconds + "\"><title>NTM Records</title></head>"
                    + "<body style=\"margin:0;font-family:system-ui,'Segoe UI',Roboto,sans-serif;color:#1f2937\">"
                    + "<main style=\"max-width:40rem;margin:4rem auto;padding:0 1rem\"><h1 style=\"font-size:1.5rem\">"
                    + "NTM Records</h1><p role=\"status\" style=\"font-size:1.125rem\">"
                    + text(Message.VIETNAMESE, "service.notReady") + "</p><p style=\"color:#4b5563\">"
                    + text(Message.VIETNAMESE, "service.notReady.reload", seconds) + "</p>"
                    + "<p lang=\"en\" style=\"color:#4b5563;margin-top:2rem\">"
                    + text(Locale.ENGLISH, "service.notReady") + ". "
                    + text(Locale.ENGLISH, "service.notReady.reload", seconds) + "</p></main></body></html>");
            return;
        }
        JsonRefusal.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "UNAVAILABLE", "SERVICE_NOT_READY",
                message);
    }

    private static String text(Locale language, String key, Object... args) {
        return HtmlUtils.htmlEscape(ApiText.say(language, key, args));
    }

    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return "GET".equals(request.getMethod()) && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }
}
