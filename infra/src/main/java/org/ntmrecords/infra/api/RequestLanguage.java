package org.ntmrecords.infra.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every GraphQL operation runs in the language its request asks for ({@code Accept-Language}, over HTTP or with a
 * WebSocket's upgrade): Vietnamese unless English is preferred. Typed errors and query errors are said in it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLanguage implements WebGraphQlInterceptor {
    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        request.configureExecutionInput((input, builder) -> builder.locale(ApiText.language(request.getHeaders())).build());
        return chain.next(request);
    }
}
