package org.ntmrecords.infra.security;

import graphql.schema.GraphQLSchema;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Holds the read policy against the schema the service serves, once everything is built: a policy naming a type or
 * field the schema does not have stops the start (a renamed field would otherwise lose its rule unnoticed); fields
 * it does not decide are named in the log (closed to dashboards until decided).
 */
@Component
public class ReadPolicyCheck implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(ReadPolicyCheck.class);

    private final ObjectProvider<GraphQlSource> graphQl;
    private final FieldAccessPolicy access;

    public ReadPolicyCheck(ObjectProvider<GraphQlSource> graphQl, FieldAccessPolicy access) {
        this.graphQl = graphQl;
        this.access = access;
    }

    @Override
    public void afterSingletonsInstantiated() {
        GraphQlSource source = graphQl.getIfAvailable();
        if (source != null) {
            check(access.policy(), source.schema());
        }
    }

    static void check(ReadPolicy policy, GraphQLSchema schema) {
        List<String> unknown = policy.unknownIn(schema);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(ReadPolicy.RESOURCE + " names what the GraphQL schema does not have: "
                    + String.join(", ", unknown));
        }
        List<String> undecided = policy.undecidedIn(schema);
        if (!undecided.isEmpty()) {
            log.warn("{} does not decide {}: closed to dashboards until it does", ReadPolicy.RESOURCE,
                    String.join(", ", undecided));
        }
    }
}
