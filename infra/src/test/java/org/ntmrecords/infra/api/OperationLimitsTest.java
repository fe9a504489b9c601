package org.ntmrecords.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The cost of an operation, counted as it executes, on a small schema of its own (no service). */
class OperationLimitsTest {
    private static final String SDL = """
            type Query {
              node: Node
              nodes(n: Int): [Node]
              page(first: Int, last: Int): Int
              echo(text: String, numbers: [Int], nested: Nested): String
              tick: Int
            }
            type Node { name: String parent: Node children: [Node] }
            input Nested { items: [String] }
            """;

    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicLong clock = new AtomicLong();

    private GraphQL graphQl(GraphQlLimits limits) {
        Map<String, Object> node = new java.util.HashMap<>();
        node.put("name", "n");
        node.put("parent", node);
        node.put("children", List.of(node, node));
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", t -> t
                        .dataFetcher("node", e -> node)
                        .dataFetcher("nodes", e -> Collections.nCopies((Integer) e.getArgument("n"), node))
                        .dataFetcher("page", e -> 1)
                        .dataFetcher("echo", e -> "ok")
                        .dataFetcher("tick", e -> {
                            clock.addAndGet(Duration.ofSeconds(1).toNanos());
                            return 1;
                        }))
                .type("Node", t -> t.dataFetcher("name", e -> {
                    fetches.incrementAndGet();
                    return "n";
                }))
                .build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
        return GraphQL.newGraphQL(schema).instrumentation(new OperationLimits(limits, clock::get)).build();
    }

    private static GraphQlLimits limits(int maxComplexity, int maxDepth, int maxResponseFields, long maxBytes, Duration budget) {
        return new GraphQlLimits(maxDepth, maxComplexity, null, null, 3, 10, maxResponseFields, maxBytes, budget);
    }

    private static GraphQlLimits defaults() {
        return new GraphQlLimits(null, null, null, null, null, null, null, null, null);
    }

    private static String code(ExecutionResult result) {
        assertThat(result.getErrors()).hasSize(1);
        GraphQLError error = result.getErrors().get(0);
        return String.valueOf(error.getExtensions().get("code"));
    }

    /** Fragments, each spreading the one before twice under two aliases: 2^levels paths, from a short document. */
    static String fragmentBomb(int levels) {
        StringBuilder document = new StringBuilder("query { node { ...F" + levels + " } }\nfragment F0 on Node { name }\n");
        for (int i = 1; i <= levels; i++) {
            document.append("fragment F").append(i).append(" on Node { a").append(i).append(": parent { ...F").append(i - 1)
                    .append(" } b").append(i).append(": children { ...F").append(i - 1).append(" } }\n");
        }
        return document.toString();
    }

    @Test
    void fragmentsAndAliasesAreCountedAsTheyExecuteAndTheExpansionStopsAtTheLimit() {
        GraphQL graphQl = graphQl(defaults());
        ExecutionResult result = graphQl.execute(fragmentBomb(40));
        assertThat(code(result)).isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(result.<Object>getData()).isNull();
        assertThat(fetches.get()).as("nothing ran").isZero();
        // the same shape, small enough: runs
        assertThat(graphQl.execute(fragmentBomb(3)).getErrors()).isEmpty();
        assertThat(fetches.get()).isPositive();
    }

    @Test
    void aliasesOfOneFieldCountEach() {
        GraphQL graphQl = graphQl(limits(10, 12, 1000, 100_000, Duration.ofSeconds(10)));
        String eleven = "{ " + String.join(" ", IntStream.range(0, 11).mapToObj(i -> "e" + i + ": echo").toList()) + " }";
        assertThat(code(graphQl.execute(eleven))).isEqualTo("QUERY_TOO_COMPLEX");
        String ten = "{ " + String.join(" ", IntStream.range(0, 10).mapToObj(i -> "e" + i + ": echo").toList()) + " }";
        assertThat(graphQl.execute(ten).getErrors()).isEmpty();
    }

    @Test
    void depthIsCountedThroughFragments() {
        GraphQL graphQl = graphQl(limits(300, 4, 1000, 100_000, Duration.ofSeconds(10)));
        String deep = "{ node { ...A } } fragment A on Node { parent { parent { parent { parent { name } } } } }";
        assertThat(code(graphQl.execute(deep))).isIn("QUERY_TOO_DEEP", "QUERY_TOO_COMPLEX");
        assertThat(graphQl.execute("{ node { ...A } } fragment A on Node { parent { parent { name } } }").getErrors()).isEmpty();
    }

    @Test
    void introspectionIsNotCountedSoTheStandardQueryRuns() throws Exception {
        String introspection = new String(getClass().getResourceAsStream("/graphql-test/introspection.graphql").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        ExecutionResult result = graphQl(limits(10, 4, 100_000, 10_000_000, Duration.ofSeconds(10))).execute(introspection);
        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, Object>>getData()).containsKey("__schema");
    }

    @Test
    void pageSizesListsAndTextInArgumentsAreChecked() {
        GraphQL graphQl = graphQl(defaults());
        GraphQL strict = graphQl(limits(300, 12, 1000, 100_000, Duration.ofSeconds(10)));
        assertThat(code(graphQl.execute("{ page(first: -5) }"))).isEqualTo("PAGE_SIZE_OUT_OF_RANGE");
        assertThat(code(graphQl.execute("{ page(last: 0) }"))).isEqualTo("PAGE_SIZE_OUT_OF_RANGE");
        assertThat(code(graphQl.execute("{ page(first: 201) }"))).isEqualTo("PAGE_SIZE_OUT_OF_RANGE");
        assertThat(graphQl.execute("{ page(first: 200) }").getErrors()).isEmpty();
        assertThat(code(strict.execute("{ echo(numbers: [1, 2, 3, 4]) }"))).isEqualTo("LIST_TOO_LONG");
        assertThat(strict.execute("{ echo(numbers: [1, 2, 3]) }").getErrors()).isEmpty();
        ExecutionResult nested = strict.execute(ExecutionInput.newExecutionInput("query($n: Nested) { echo(nested: $n) }")
                .variables(Map.of("n", Map.of("items", List.of("a", "b", "c", "d")))).build());
        assertThat(code(nested)).isEqualTo("LIST_TOO_LONG");
        assertThat(nested.getErrors().get(0).getExtensions().get("argument")).isEqualTo("echo(nested).items");
        ExecutionResult broken = graphQl.execute(ExecutionInput.newExecutionInput("query($t: String) { echo(text: $t) }")
                .variables(Map.of("t", "Tân\uD800Kiều")).build());
        assertThat(code(broken)).isEqualTo("MALFORMED_TEXT");
        assertThat(broken.getErrors().get(0).getExtensions().get("argument")).isEqualTo("echo(text)");
        assertThat(graphQl.execute(ExecutionInput.newExecutionInput("query($t: String) { echo(text: $t) }")
                .variables(Map.of("t", "Tân Kiều \uD83C\uDF3E")).build()).getErrors()).as("a pair is fine").isEmpty();
    }

    @Test
    void anAnswerPastItsSizeIsOneErrorAndStopsFetching() {
        GraphQL graphQl = graphQl(limits(300, 12, 500, 10_000_000, Duration.ofSeconds(10)));
        ExecutionResult result = graphQl.execute("{ nodes(n: 10000) { name } }");
        assertThat(code(result)).isEqualTo("RESPONSE_TOO_LARGE");
        assertThat(result.<Object>getData()).isNull();
        assertThat(fetches.get()).as("fetching stopped at the limit").isLessThan(600);
        assertThat(graphQl.execute("{ nodes(n: 100) { name } }").getErrors()).isEmpty();
        GraphQL small = graphQl(limits(300, 12, 100_000, 1_000, Duration.ofSeconds(10)));
        assertThat(code(small.execute("{ nodes(n: 400) { name } }"))).isEqualTo("RESPONSE_TOO_LARGE");
    }

    @Test
    void aRequestPastItsTimeBudgetIsOneError() {
        GraphQL graphQl = graphQl(limits(300, 12, 1000, 100_000, Duration.ofMillis(2500)));
        // each tick moves the clock one second: the third field starts past the budget
        ExecutionResult result = graphQl.execute("{ a: tick b: tick c: tick d: tick }");
        assertThat(code(result)).isEqualTo("TIME_BUDGET_EXCEEDED");
        assertThat(graphQl.execute("{ a: tick b: tick }").getErrors()).isEmpty();
    }
}
