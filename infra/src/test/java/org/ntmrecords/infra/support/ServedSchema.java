package org.ntmrecords.infra.support;

import graphql.schema.GraphQLSchema;
import java.io.IOException;
import java.util.stream.Stream;
import org.ntmrecords.infra.api.GraphQlConfiguration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.execution.ConnectionTypeDefinitionConfigurer;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * The executable schema as the service builds it (Spring Boot's GraphQL auto-configuration: every schema file of
 * every module, the connection types it generates, this project's scalars), without starting the service.
 */
public final class ServedSchema {
    private ServedSchema() {
    }

    public static GraphQLSchema build() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Resource[] files = Stream.concat(Stream.of(resolver.getResources("classpath*:graphql/**/*.graphqls")),
                Stream.of(resolver.getResources("classpath*:graphql/**/*.gqls"))).toArray(Resource[]::new);
        return GraphQlSource.schemaResourceBuilder()
                .schemaResources(files)
                .configureTypeDefinitions(new ConnectionTypeDefinitionConfigurer())
                .configureRuntimeWiring(new GraphQlConfiguration().scalars())
                .build().schema();
    }
}
