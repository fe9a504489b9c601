package org.ntmrecords.infra.graphql;

import graphql.execution.instrumentation.Instrumentation;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.parser.ParserOptions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/** Enforces {@link GraphQlLimits}: depth, complexity, document size and request body size. */
@Configuration(proxyBeanMethods = false)
public class GraphQlLimitsConfiguration {

    @Bean
    public Instrumentation maxQueryDepth(GraphQlLimits limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth());
    }

    @Bean
    public Instrumentation maxQueryComplexity(GraphQlLimits limits) {
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity());
    }

    @Bean
    public ParserOptionsApplier parserOptions(GraphQlLimits limits) {
        ParserOptions.setDefaultOperationParserOptions(ParserOptions.getDefaultOperationParserOptions()
                .transform(o -> o.maxTokens(limits.maxTokens()).maxCharacters(limits.maxRequestBytes())));
        return new ParserOptionsApplier();
    }

    /** Marks that the parser limits were applied (graphql-java keeps them statically). */
    public static final class ParserOptionsApplier {
    }

    /** Refuses request bodies above the limit with 413, whether or not they declare their length. */
    @Bean
    public FilterRegistrationBean<OncePerRequestFilter> requestSizeLimit(GraphQlLimits limits) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                long declared = request.getContentLengthLong();
                if (declared > limits.maxRequestBytes()) {
                    tooLarge(response, limits);
                    return;
                }
                try {
                    chain.doFilter(new Bounded(request, limits.maxRequestBytes()), response);
                } catch (BodyTooLargeException e) {
                    if (!response.isCommitted()) {
                        response.reset();
                        tooLarge(response, limits);
                    }
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/graphql");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static void tooLarge(HttpServletResponse response, GraphQlLimits limits) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("application/json");
        response.getWriter().write("{\"errors\":[{\"message\":\"request body larger than " + limits.maxRequestBytes()
                + " bytes\",\"extensions\":{\"classification\":\"BAD_REQUEST\"}}]}");
    }

    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("request body too large");
        }
    }

    /** A request whose body stream fails once more than {@code max} bytes have been read. */
    static final class Bounded extends HttpServletRequestWrapper {
        private final ServletInputStream stream;

        Bounded(HttpServletRequest request, long max) throws IOException {
            super(request);
            ServletInputStream in = request.getInputStream();
            this.stream = new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > max) {
                        throw new BodyTooLargeException();
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0 && (read += n) > max) {
                        throw new BodyTooLargeException();
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }

        @Override
        public ServletInputStream getInputStream() {
            return stream;
        }
    }
}
