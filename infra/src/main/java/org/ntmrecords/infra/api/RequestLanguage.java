package org.ntmrecords.infra.api;

import graphql.GraphQLContext;
import java.util.Locale;
import java.util.Map;
import org.ntmrecords.events.common.Message;
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
    /** The language, also in the operation's GraphQL context (where batch loaders read it). */
    public static final String CONTEXT_KEY = RequestLanguage.class.getName();

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Locale language = ApiText.language(request.getHeaders());
        request.configureExecutionInput((input, builder) -> builder.locale(language)
                .graphQLContext(Map.of(CONTEXT_KEY, language)).build());
        return chain.next(request);
    }

    /** The operation's language from its GraphQL context; Vietnamese when none was set. */
    public static Locale of(GraphQLContext context) {
        Locale language = context == null ? null : context.get(CONTEXT_KEY);
        return language == null ? Message.VIETNAMESE : language;
    }
}
