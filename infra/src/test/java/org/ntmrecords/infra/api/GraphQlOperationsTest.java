package org.ntmrecords.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.OperationDefinition;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;

class GraphQlOperationsTest {

    private static WebGraphQlRequest request(String document, String operationName) {
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("query", document);
        if (operationName != null) {
            body.put("operationName", operationName);
        }
        return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(), null, null, Map.of(),
                body, "1", null);
    }

    @Test
    void theNamedOperationIsSelectedFromAKeptTreeTheSecondTime() {
        String document = "query A { a } mutation B { b }";
        Optional<OperationDefinition> first = GraphQlOperations.selected(request(document, "B"));
        Optional<OperationDefinition> again = GraphQlOperations.selected(request(document, "B"));
        assertThat(first).map(OperationDefinition::getOperation).contains(OperationDefinition.Operation.MUTATION);
        assertThat(again.get()).isSameAs(first.get());
        assertThat(GraphQlOperations.selected(request(document, "A")))
                .map(OperationDefinition::getOperation).contains(OperationDefinition.Operation.QUERY);
        assertThat(GraphQlOperations.selected(request(document, "C"))).isEmpty();
    }

    @Test
    void brokenAndLongDocumentsSelectNothingOrAreNotKept() {
        int before = GraphQlOperations.kept();
        assertThat(GraphQlOperations.selected(request("mutation { broken(", null))).isEmpty();
        assertThat(GraphQlOperations.kept()).isEqualTo(before);
        String longDocument = "mutation { b " + " ".repeat(ParsedDocuments.MAX_KEPT_LENGTH) + "}";
        assertThat(GraphQlOperations.selected(request(longDocument, null)))
                .map(OperationDefinition::getOperation).contains(OperationDefinition.Operation.MUTATION);
        assertThat(GraphQlOperations.kept()).isEqualTo(before);
    }

    @Test
    void aDocumentIsReadWithTheEnginesOperationLimits() {
        graphql.parser.ParserOptions before = graphql.parser.ParserOptions.getDefaultOperationParserOptions();
        try {
            // as GraphQlLimitsConfiguration widens them: a 1.5 MB mutation (past the general parser's 1 MB) is still
            // seen as a mutation by the role guard and the read-your-writes wait
            graphql.parser.ParserOptions.setDefaultOperationParserOptions(before.transform(o -> o.maxCharacters(2_000_000)));
            String large = "mutation { b(note: \"" + "a".repeat(1_500_000) + "\") }";
            assertThat(GraphQlOperations.selected(request(large, null)))
                    .map(OperationDefinition::getOperation).contains(OperationDefinition.Operation.MUTATION);
        } finally {
            graphql.parser.ParserOptions.setDefaultOperationParserOptions(before);
        }
    }
}
