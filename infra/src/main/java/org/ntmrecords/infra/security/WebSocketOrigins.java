package org.ntmrecords.infra.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.ntmrecords.infra.api.ApiText;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses cross-site WebSocket hijacking. A browser sends the session cookie with a WebSocket upgrade whatever page
 * opened it, and no CSRF token can be asked of an upgrade; but it always says which page did, in {@code Origin}. An
 * upgrade that carries a session cookie and an {@code Origin} whose host and port are not this service's own (as the
 * request addresses it) nor one of {@code ntm.security.allowed-origins} is answered 403 {@code ORIGIN_REFUSED}.
 * Upgrades without a session cookie (clients that sign in with {@code connection_init}) are left as they were: a page
 * elsewhere cannot read or send credentials it does not have.
 */
class WebSocketOrigins extends OncePerRequestFilter {
    private final List<String> allowed;

    WebSocketOrigins(List<String> allowedOrigins) {
        this.allowed = allowedOrigins.stream().map(WebSocketOrigins::normalized).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (!SecurityConfiguration.isWebSocketUpgrade(request) || request.getRequestedSessionId() == null
                || origin == null || sameOrigin(origin, request) || allowed.contains(normalized(origin))) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        JsonRefusal.write(response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", "ORIGIN_REFUSED",
                ApiText.say(ApiText.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)), "webSession.originRefused"));
    }

    /** The page's host and port are those the request was sent to (an opaque origin, {@code null}, is not). */
    static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI page = new URI(origin.strip());
            if (page.getHost() == null || page.getScheme() == null) {
                return false;
            }
            int port = page.getPort() >= 0 ? page.getPort() : defaultPort(page.getScheme());
            return page.getHost().equalsIgnoreCase(request.getServerName()) && port == request.getServerPort();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int defaultPort(String scheme) {
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "https", "wss" -> 443;
            case "http", "ws" -> 80;
            default -> -1;
        };
    }

    private static String normalized(String origin) {
        String text = origin.strip().toLowerCase(Locale.ROOT);
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
