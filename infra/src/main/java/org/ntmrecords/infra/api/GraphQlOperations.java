package org.ntmrecords.infra.api;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.Optional;
import org.springframework.graphql.server.WebGraphQlRequest;

/** The operation a GraphQL request runs, for interceptors that act before it runs. */
public final class GraphQlOperations {

    private GraphQlOperations() {
    }

    /** The operation the request selects (by its operation name, or its only one); empty when the document is invalid. */
    public static Optional<OperationDefinition> selected(WebGraphQlRequest request) {
        Document document;
        try {
            document = Parser.parse(request.getDocument());
        } catch (InvalidSyntaxException e) {
            return Optional.empty();
        }
        String name = request.getOperationName();
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(op -> name == null || name.equals(op.getName()))
                .findFirst();
    }
}
