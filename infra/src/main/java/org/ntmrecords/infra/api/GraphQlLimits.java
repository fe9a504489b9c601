package org.ntmrecords.infra.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on what one GraphQL request may ask and what it may cost.
 *
 * @param maxDepth          deepest field nesting of the operation as it executes (fragments expanded)
 * @param maxComplexity     fields of the operation as it executes: fragments and aliases expanded, introspection
 *                          fields not counted (graphql-java's good-faith introspection check bounds those)
 * @param maxRequestBytes   largest HTTP request body
 * @param maxTokens         largest operation document, in parser tokens
 * @param maxListItems      largest list in an argument (at any depth of an input)
 * @param maxPageSize       largest {@code first}/{@code last} of a connection (also {@code ntm.graphql.limits.max-page-size})
 * @param maxResponseFields field values one response may hold (list items count one each)
 * @param maxResponseBytes  estimated size of one response's data
 * @param timeBudget        time one request may spend resolving fields
 */
@ConfigurationProperties("ntm.graphql.limits")
public record GraphQlLimits(Integer maxDepth, Integer maxComplexity, Integer maxRequestBytes, Integer maxTokens,
                            Integer maxListItems, Integer maxPageSize, Integer maxResponseFields,
                            Long maxResponseBytes, Duration timeBudget) {
    public GraphQlLimits {
        maxDepth = maxDepth == null ? 12 : maxDepth;
        maxComplexity = maxComplexity == null ? 300 : maxComplexity;
        maxRequestBytes = maxRequestBytes == null ? 2 * 1024 * 1024 : maxRequestBytes;
        maxTokens = maxTokens == null ? 15_000 : maxTokens;
        maxListItems = maxListItems == null ? 1_000 : maxListItems;
        maxPageSize = maxPageSize == null ? 200 : maxPageSize;
        maxResponseFields = maxResponseFields == null ? 100_000 : maxResponseFields;
        maxResponseBytes = maxResponseBytes == null ? 8L * 1024 * 1024 : maxResponseBytes;
        timeBudget = timeBudget == null ? Duration.ofSeconds(15) : timeBudget;
    }
}
