package org.ntmrecords.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.parser.Parser;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ParsedDocumentsTest {
    private final AtomicInteger parsed = new AtomicInteger();
    private final Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
        parsed.incrementAndGet();
        if (input.getQuery().contains("broken")) {
            return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message("lỗi").build());
        }
        Document document = Parser.parse(input.getQuery());
        return new PreparsedDocumentEntry(document);
    };

    private PreparsedDocumentEntry ask(ParsedDocuments documents, String query) {
        return documents.getDocumentAsync(ExecutionInput.newExecutionInput(query).build(), parse).join();
    }

    @Test
    void aDocumentIsParsedOnceAndTheSameDocumentServedAgain() {
        ParsedDocuments documents = new ParsedDocuments();
        PreparsedDocumentEntry first = ask(documents, "{ a }");
        PreparsedDocumentEntry second = ask(documents, "{ a }");
        assertThat(parsed).hasValue(1);
        assertThat(second.getDocument()).isSameAs(first.getDocument());
        ask(documents, "{ b }");
        assertThat(parsed).hasValue(2);
    }

    @Test
    void errorsAndLongDocumentsAreNeverKept() {
        ParsedDocuments documents = new ParsedDocuments();
        assertThat(ask(documents, "{ broken }").hasErrors()).isTrue();
        assertThat(ask(documents, "{ broken }").hasErrors()).isTrue();
        assertThat(parsed).hasValue(2);
        String longQuery = "{ a " + " ".repeat(ParsedDocuments.MAX_KEPT_LENGTH) + "}";
        ask(documents, longQuery);
        ask(documents, longQuery);
        assertThat(parsed).hasValue(4);
        assertThat(documents.size()).isZero();
    }

    @Test
    void aFullStoreIsDroppedRatherThanGrown() {
        ParsedDocuments documents = new ParsedDocuments();
        for (int i = 0; i <= ParsedDocuments.MAX_DOCUMENTS; i++) {
            ask(documents, "{ f" + i + " }");
        }
        assertThat(documents.size()).isLessThanOrEqualTo(ParsedDocuments.MAX_DOCUMENTS).isEqualTo(1);
    }

    @Test
    void longDocumentsAreKeptOnlyUpToTheCharacterBudget() {
        ParsedDocuments documents = new ParsedDocuments();
        int length = ParsedDocuments.MAX_KEPT_LENGTH - 1_000;
        long fit = ParsedDocuments.MAX_KEPT_CHARACTERS / length;
        for (int i = 0; i < fit + 5; i++) {
            String query = "{ f" + i + " }";
            ask(documents, query + " ".repeat(length - query.length()));
            assertThat((long) documents.size() * length).isLessThanOrEqualTo(ParsedDocuments.MAX_KEPT_CHARACTERS);
        }
        assertThat(documents.size()).isEqualTo(5);
    }
}
