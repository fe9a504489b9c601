package org.ntmrecords.infra.security;

import java.util.Map;
import java.util.UUID;
import org.ntmrecords.infra.axon.RequestCorrelation;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sign-in for GraphQL over WebSocket (the graphql-ws protocol). A browser cannot send credentials with the upgrade
 * request, so the client puts them in its {@code connection_init} message, as an {@code Authorization} entry holding
 * what the HTTP header would ({@code Basic …} or {@code Bearer …}); a client that did send the header with the upgrade
 * is signed in by it already, and so is the web application, whose upgrade carries its signed-in session's cookie (from
 * a page of this service: {@link WebSocketOrigins}) and whose {@code connection_init} may then be empty. The account is
 * the one signed in at the upgrade, for the life of the connection. Without valid credentials the connection is refused (closed with 4401 Unauthorized) and
 * the attempt logged. Every operation on the connection then runs as that account, with its own correlation id, under
 * the same read policy, limits and command checks as over HTTP.
 */
@Component
public class WebSocketSignIn implements WebSocketGraphQlInterceptor {
    private static final String ACCOUNT = WebSocketSignIn.class.getName() + ".account";
    /** Context-propagation keys: the signed-in account (Spring Security's accessor) and the request (ours). */
    private static final String SECURITY_CONTEXT = SecurityContext.class.getName();
    private static final String REQUEST = "ntm.correlationId";

    private final CredentialsSignIn signIn;

    public WebSocketSignIn(CredentialsSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Object authorization = payload.getOrDefault("Authorization", payload.get("authorization"));
        return session.getPrincipal().map(p -> (Object) p).defaultIfEmpty(Boolean.FALSE).flatMap(principal -> {
            Authentication account;
            if (authorization instanceof String header) {
                account = withRequest(session, () -> signIn.signIn(header));
            } else if (principal instanceof Authentication handshake && handshake.getPrincipal() instanceof NtmPrincipal) {
                account = handshake;
            } else {
                return Mono.error(new org.springframework.security.authentication.BadCredentialsException(
                        "sign in with an Authorization entry in connection_init"));
            }
            session.getAttributes().put(ACCOUNT, account);
            return Mono.empty();
        });
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest socket)) {
            return chain.next(request);
        }
        Object account = socket.getSessionInfo().getAttributes().get(ACCOUNT);
        if (!(account instanceof Authentication authentication)) {
            return Mono.error(new org.springframework.security.authentication.BadCredentialsException("not signed in"));
        }
        String id = UUID.randomUUID().toString();
        RequestCorrelation.Request current = new RequestCorrelation.Request(id, address(socket.getSessionInfo()), id);
        return chain.next(request).contextWrite(context -> context
                .put(SECURITY_CONTEXT, new SecurityContextImpl(authentication))
                .put(REQUEST, current));
    }

    private static <T> T withRequest(WebSocketSessionInfo session, java.util.function.Supplier<T> action) {
        String id = UUID.randomUUID().toString();
        RequestCorrelation.set(new RequestCorrelation.Request(id, address(session), id));
        try {
            return action.get();
        } finally {
            RequestCorrelation.clear();
        }
    }

    private static String address(WebSocketSessionInfo session) {
        return session.getRemoteAddress() == null || session.getRemoteAddress().getAddress() == null ? null
                : session.getRemoteAddress().getAddress().getHostAddress();
    }
}
