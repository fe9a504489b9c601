package org.ntmrecords.infra.operations;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import org.ntmrecords.infra.api.GraphQlOperations;
import org.slf4j.MDC;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import reactor.core.publisher.Mono;

/**
 * Who and what a request's log lines are about, beside its correlation id (RequestCorrelation): the signed-in
 * account ({@value #ACTOR}) and the GraphQL operation ({@value #OPERATION}, e.g. {@code mutation recordIndicatorValue}).
 * Both are in the logging context (MDC), so the console pattern and the JSON logs carry them on every line of the
 * request, and are carried to the threads that serve it like the correlation id. The servlet filter is added to the
 * security chain once the account is known and before access is decided (SecurityConfiguration), so a refusal's lines
 * name it too.
 */
public final class RequestLogContext {
    public static final String ACTOR = "actor";
    public static final String OPERATION = "operation";

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(ACTOR, OPERATION));
    }

    private RequestLogContext() {
    }

    /** Puts the signed-in account into the logging context for the rest of the request. */
    public static OncePerRequestFilter actorFilter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
                if (signedIn != null && signedIn.isAuthenticated() && signedIn.getName() != null
                        && !(signedIn instanceof AnonymousAuthenticationToken)) {
                    MDC.put(ACTOR, signedIn.getName());
                }
                try {
                    chain.doFilter(request, response);
                } finally {
                    MDC.remove(ACTOR);
                    MDC.remove(OPERATION);
                }
            }
        };
    }

    /** Puts the GraphQL operation a request selects into the logging context. */
    @Component
    public static class OperationName implements WebGraphQlInterceptor {
        @Override
        public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
            // over HTTP only: the servlet filter clears it when the request ends; a WebSocket's messages share
            // threads that nothing would clear it on
            if (!(request instanceof WebSocketGraphQlRequest)) {
                GraphQlOperations.selected(request).map(RequestLogContext::describe)
                        .ifPresent(operation -> MDC.put(OPERATION, operation));
            }
            return chain.next(request);
        }
    }

    /** {@code query|mutation|subscription} and the operation's name, or its first field's when it has none. */
    static String describe(OperationDefinition operation) {
        String name = operation.getName();
        if (name == null) {
            name = operation.getSelectionSet().getSelectionsOfType(Field.class).stream().findFirst()
                    .map(Field::getName).orElse("");
        }
        return (operation.getOperation().name().toLowerCase(java.util.Locale.ROOT) + ' ' + name).trim();
    }
}
