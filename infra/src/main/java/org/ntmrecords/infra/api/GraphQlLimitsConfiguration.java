package org.ntmrecords.infra.api;

import graphql.execution.instrumentation.Instrumentation;
import graphql.parser.ParserOptions;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Enforces {@link GraphQlLimits}: the operation's cost ({@link OperationLimits}), document size and request body size. */
@Configuration(proxyBeanMethods = false)
public class GraphQlLimitsConfiguration {

    @Bean
    public Instrumentation operationLimits(GraphQlLimits limits) {
        return new OperationLimits(limits);
    }

    @Bean
    public Instrumentation variableErrors() {
        return new VariableErrors();
    }

    @Bean
    public ParserOptionsApplier parserOptions(GraphQlLimits limits) {
        ParserOptions.setDefaultOperationParserOptions(ParserOptions.getDefaultOperationParserOptions()
                .transform(o -> o.maxTokens(limits.maxTokens()).maxCharacters(limits.maxRequestBytes())));
        return new ParserOptionsApplier();
    }

    /** Operations parsed and validated once ({@link ParsedDocuments}). */
    @Bean
    public org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer parsedDocuments() {
        ParsedDocuments documents = new ParsedDocuments();
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
    }

    /** Marks that the parser limits were applied (graphql-java keeps them statically). */
    public static final class ParserOptionsApplier {
    }

    /** Reads only well-formed GraphQL requests over HTTP, at most {@code max-request-bytes} ({@link GraphQlHttpRequests}). */
    @Bean
    public FilterRegistrationBean<GraphQlHttpRequests> wellFormedRequests(GraphQlLimits limits) {
        FilterRegistrationBean<GraphQlHttpRequests> registration =
                new FilterRegistrationBean<>(new GraphQlHttpRequests(limits.maxRequestBytes()));
        registration.addUrlPatterns("/graphql");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
