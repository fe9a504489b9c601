package org.ntmrecords.infra.api;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.ntmrecords.infra.axon.RequestCorrelation;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each HTTP request a correlation id (the client's {@code X-Correlation-Id} when well-formed, else a new
 * one), echoes it in the response, and makes it and the client's address available to the threads that serve the
 * request. Every event a request causes carries this id. Runs before sign-in, so that a refused sign-in is logged
 * with both.
 */
@Component
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestCorrelationFilter extends OncePerRequestFilter {
    public static final String HEADER = "X-Correlation-Id";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final String ACCESSOR_KEY = "ntm.correlationId";

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(new ThreadLocalAccessor<RequestCorrelation.Request>() {
            @Override
            public Object key() {
                return ACCESSOR_KEY;
            }

            @Override
            public RequestCorrelation.Request getValue() {
                return RequestCorrelation.request().orElse(null);
            }

            @Override
            public void setValue(RequestCorrelation.Request value) {
                RequestCorrelation.set(value);
            }

            @Override
            public void setValue() {
                RequestCorrelation.clear();
            }
        });
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && WELL_FORMED.matcher(given).matches() ? given : UUID.randomUUID().toString();
        response.setHeader(HEADER, id);
        RequestCorrelation.set(new RequestCorrelation.Request(id, request.getRemoteAddr(), UUID.randomUUID().toString()));
        try {
            chain.doFilter(request, response);
        } finally {
            RequestCorrelation.clear();
        }
    }
}
