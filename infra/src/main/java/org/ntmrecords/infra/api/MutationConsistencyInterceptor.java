package org.ntmrecords.infra.api;

import graphql.language.OperationDefinition;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * After a mutation, holds the response until this process's read tables show its effect (at most
 * {@code ntm.graphql.read-your-writes-timeout}), so a client that queries right after a mutation sees it.
 */
@Component
public class MutationConsistencyInterceptor implements WebGraphQlInterceptor {
    private final ProjectionCatchUp catchUp;
    private final Duration timeout;

    public MutationConsistencyInterceptor(ProjectionCatchUp catchUp,
                                          @Value("${ntm.graphql.read-your-writes-timeout:5s}") Duration timeout) {
        this.catchUp = catchUp;
        this.timeout = timeout;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (timeout.isZero() || !isMutation(request)) {
            return chain.next(request);
        }
        long before = catchUp.storeHead();
        return chain.next(request).doOnNext(response -> catchUp.awaitEventsAfter(before, timeout));
    }

    static boolean isMutation(WebGraphQlRequest request) {
        return GraphQlOperations.selected(request)
                .map(op -> op.getOperation() == OperationDefinition.Operation.MUTATION).orElse(false);
    }
}
