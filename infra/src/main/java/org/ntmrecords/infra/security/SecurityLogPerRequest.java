package org.ntmrecords.infra.security;

import java.util.Optional;
import org.ntmrecords.infra.axon.RequestCorrelation;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Makes the refusals of one GraphQL request one row of the security log ({@link JdbcSecurityLog#open}). */
@Component
public class SecurityLogPerRequest implements WebGraphQlInterceptor {
    private final JdbcSecurityLog log;

    public SecurityLogPerRequest(JdbcSecurityLog log) {
        this.log = log;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Optional<RequestCorrelation.Request> current = RequestCorrelation.request();
        if (current.isEmpty() || current.get().requestId() == null) {
            return chain.next(request);
        }
        log.open(current.get());
        return chain.next(request).doFinally(signal -> log.close(current.get()));
    }
}
