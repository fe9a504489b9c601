package org.ntmrecords.infra.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on what one GraphQL request may ask.
 *
 * @param maxDepth        deepest field nesting of an operation
 * @param maxComplexity   fields in an operation (graphql-java's complexity: every field counts 1)
 * @param maxRequestBytes largest HTTP request body
 * @param maxTokens       largest operation document, in parser tokens
 */
@ConfigurationProperties("ntm.graphql.limits")
public record GraphQlLimits(Integer maxDepth, Integer maxComplexity, Integer maxRequestBytes, Integer maxTokens) {
    public GraphQlLimits {
        maxDepth = maxDepth == null ? 12 : maxDepth;
        maxComplexity = maxComplexity == null ? 300 : maxComplexity;
        maxRequestBytes = maxRequestBytes == null ? 2 * 1024 * 1024 : maxRequestBytes;
        maxTokens = maxTokens == null ? 15_000 : maxTokens;
    }
}
