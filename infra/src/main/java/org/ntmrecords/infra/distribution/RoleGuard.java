package org.ntmrecords.infra.distribution;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import java.util.Map;
import java.util.Optional;
import org.ntmrecords.infra.api.GraphQlOperations;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Refuses what this process does not serve, before anything runs: mutations on a query replica
 * ({@code READ_ONLY_REPLICA}: its store is a copy; mutations go to the command process), queries and subscriptions
 * on a command process ({@code QUERIES_NOT_SERVED}: they go to a query replica). Introspection passes (unless switched
 * off), so the GraphQL UI works against either.
 */
public class RoleGuard implements WebGraphQlInterceptor {
    public static final String READ_ONLY_REPLICA = "READ_ONLY_REPLICA";
    public static final String QUERIES_NOT_SERVED = "QUERIES_NOT_SERVED";

    private final DeploymentRole role;

    public RoleGuard(DeploymentRole role) {
        this.role = role;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Optional<OperationDefinition> operation = GraphQlOperations.selected(request);
        if (operation.isEmpty()) {
            return chain.next(request);
        }
        OperationDefinition.Operation kind = operation.get().getOperation();
        if (kind == OperationDefinition.Operation.MUTATION && !role.servesMutations()) {
            return refuse(request, READ_ONLY_REPLICA,
                    "this process is a query replica (ntm.deployment.role=query): send mutations to the command process");
        }
        if (kind != OperationDefinition.Operation.MUTATION && !role.servesQueries() && !introspection(operation.get())) {
            return refuse(request, QUERIES_NOT_SERVED,
                    "this process only takes mutations (ntm.deployment.role=command): send queries and subscriptions "
                            + "to a query replica");
        }
        return chain.next(request);
    }

    private static boolean introspection(OperationDefinition operation) {
        return operation.getSelectionSet().getSelectionsOfType(Field.class).stream()
                .allMatch(field -> field.getName().startsWith("__"));
    }

    private static Mono<WebGraphQlResponse> refuse(WebGraphQlRequest request, String code, String message) {
        ErrorClassification classification = ErrorClassification.errorClassification(code);
        ExecutionResult result = ExecutionResult.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError().errorType(classification).message(message)
                        .extensions(Map.of("code", code)).build())
                .build();
        return Mono.just(new WebGraphQlResponse(
                new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
    }
}
