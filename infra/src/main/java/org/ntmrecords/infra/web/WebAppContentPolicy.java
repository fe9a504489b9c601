package org.ntmrecords.infra.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The Content-Security-Policy of the web application's page ({@code /}, {@code /index.html}): scripts only from this
 * service, the page's one inline script (its import map) allowed by its hash, computed from the page itself so the
 * two cannot drift apart; connections (GraphQL over HTTP and WebSocket) only to this service; no plugins, no framing,
 * forms posting only here. Styles may be set inline (ECharts sizes its drawing with style attributes). Other pages
 * (GraphiQL) keep Spring Security's default headers.
 */
public final class WebAppContentPolicy {
    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    private WebAppContentPolicy() {
    }

    /** The header writer for the page's requests. */
    public static HeaderWriter headerWriter() {
        RequestMatcher page = request -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.equals("/") || path.equals("/index.html");
        };
        return new DelegatingRequestMatcherHeaderWriter(page, new StaticHeadersWriter("Content-Security-Policy",
                policy()));
    }

    static String policy() {
        return "default-src 'self'; script-src 'self' '" + importMapHash() + "'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    private static String importMapHash() {
        String page;
        try {
            page = new ClassPathResource("static/index.html").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the web application's page is missing from the jar", e);
        }
        Matcher importMap = IMPORT_MAP.matcher(page);
        if (!importMap.find()) {
            throw new IllegalStateException("static/index.html has no import map");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(importMap.group(1).getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
