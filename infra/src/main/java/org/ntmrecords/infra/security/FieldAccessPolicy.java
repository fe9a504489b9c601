package org.ntmrecords.infra.security;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import org.ntmrecords.command.access.Acting;
import org.ntmrecords.command.access.SecurityLog;
import org.ntmrecords.infra.api.ApiText;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Enforces the read policy ({@link ReadPolicy}, {@code security/read-policy.yml}) field by field: a dashboard viewer
 * reads only the fields the policy opens to everyone (standings, not values, their evidence and authors, nor
 * decisions, nor history); accounts, the security log, store verifications and history exports are for
 * administrators and auditors. A refused field comes back as a FORBIDDEN error on that field, the rest of the
 * response unaffected, and goes to the security log.
 */
@Component
public class FieldAccessPolicy extends SimplePerformantInstrumentation {
    private final SecurityLog log;
    private final ReadPolicy policy;

    public FieldAccessPolicy(SecurityLog log) {
        this.log = log;
        this.policy = ReadPolicy.standard();
    }

    public ReadPolicy policy() {
        return policy;
    }

    /**
     * The reader, taken when the operation starts: later fields may be fetched on other threads (batch loads,
     * subscription events) where the security context is not set. Over HTTP the request's thread holds the account;
     * over WebSocket no thread does, and the account signed in with {@code connection_init} comes with the operation's
     * context ({@code WebSocketSignIn} puts it there, Spring's context propagation copies it into the GraphQL context).
     */
    private record Reader(NtmPrincipal principal) implements InstrumentationState {
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        NtmPrincipal principal = signedIn();
        if (principal == null && parameters.getExecutionInput() != null
                && parameters.getExecutionInput().getGraphQLContext().get(SecurityContext.class.getName())
                instanceof SecurityContext held
                && held.getAuthentication() != null && held.getAuthentication().getPrincipal() instanceof NtmPrincipal p) {
            principal = p;
        }
        return new Reader(principal);
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        GraphQLObjectType parent = parameters.getExecutionStepInfo().getObjectType();
        if (parent == null) {
            return dataFetcher;
        }
        String field = parameters.getExecutionStepInfo().getFieldDefinition().getName();
        ReadPolicy.Audience audience = policy.audience(parent.getName(), field);
        if (audience == ReadPolicy.Audience.EVERYONE) {
            return dataFetcher;
        }
        String coordinate = parent.getName() + "." + field;
        return environment -> {
            NtmPrincipal reader = state instanceof Reader r && r.principal() != null ? r.principal() : signedIn();
            if (reader == null || !audience.admits(reader.role())) {
                if (reader != null) {
                    log.denied(new Acting(reader.username(), reader.role(), reader.unitCode(), reader.agencyId()),
                            "READ " + coordinate, null, coordinate + " is not readable by " + reader.role());
                }
                // a FORBIDDEN error on this field in the reader's language (Spring's own answer is "Forbidden")
                return DataFetcherResult.newResult().error(GraphqlErrorBuilder.newError(environment)
                        .errorType(ErrorType.FORBIDDEN)
                        .message(ApiText.say(environment.getLocale(), "read.forbidden", coordinate)).build()).build();
            }
            return dataFetcher.get(environment);
        };
    }

    private static NtmPrincipal signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof NtmPrincipal principal
                ? principal : null;
    }
}
