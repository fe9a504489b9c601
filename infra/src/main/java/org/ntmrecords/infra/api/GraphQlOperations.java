package org.ntmrecords.infra.api;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.graphql.server.WebGraphQlRequest;

/**
 * The operation a GraphQL request runs, for interceptors that act before it runs. A document's syntax tree is kept
 * by its exact text, as {@link ParsedDocuments} keeps the validated one, for the same reason and with the same
 * bounds (documents, characters in all): two interceptors parsing every request again were 8.5 % of a mutation's
 * request thread (docs/benchmarks/README.md, finding 15). The tree is immutable; documents that do not parse are not
 * kept.
 */
public final class GraphQlOperations {
    private static final Map<String, Document> PARSED = new ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicLong KEPT_CHARACTERS =
            new java.util.concurrent.atomic.AtomicLong();

    private GraphQlOperations() {
    }

    /** The operation the request selects (by its operation name, or its only one); empty when the document is invalid. */
    public static Optional<OperationDefinition> selected(WebGraphQlRequest request) {
        Optional<Document> document = parsed(request.getDocument());
        String name = request.getOperationName();
        return document.flatMap(d -> d.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(op -> name == null || name.equals(op.getName()))
                .findFirst());
    }

    static Optional<Document> parsed(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Document kept = PARSED.get(text);
        if (kept != null) {
            return Optional.of(kept);
        }
        Document document;
        try {
            // with the options the engine parses operations with (GraphQlLimitsConfiguration sets their limits): a
            // document the engine runs is never one that selects nothing here
            document = new Parser().parseDocument(graphql.parser.ParserEnvironment.newParserEnvironment().document(text)
                    .parserOptions(graphql.parser.ParserOptions.getDefaultOperationParserOptions()).build());
        } catch (InvalidSyntaxException e) {
            return Optional.empty();
        }
        if (text.length() <= ParsedDocuments.MAX_KEPT_LENGTH) {
            if (PARSED.size() >= ParsedDocuments.MAX_DOCUMENTS
                    || KEPT_CHARACTERS.addAndGet(text.length()) > ParsedDocuments.MAX_KEPT_CHARACTERS) {
                PARSED.clear();
                KEPT_CHARACTERS.set(text.length());
            }
            PARSED.put(text, document);
        }
        return Optional.of(document);
    }

    static int kept() {
        return PARSED.size();
    }
}
