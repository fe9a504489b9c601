package org.ntmrecords.infra.api;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Operations parsed and validated once: a client sends the same few documents again and again (the web pages, an
 * import's rows, a dashboard), and parsing and validating one cost more CPU than many an operation's own work
 * (docs/benchmarks/README.md, finding 14). Keyed by the document's exact text; validation depends on the document
 * and the schema alone, and the schema does not change while the service runs. Only documents that parsed and
 * validated are kept: an error's message is in the request's language. Long documents are not kept, and the whole
 * store is dropped when full — at {@link #MAX_DOCUMENTS} documents or {@link #MAX_KEPT_CHARACTERS} characters in
 * all: a parsed tree takes some 40 bytes a character (a 20,000-character document of repeated fields about 790 KB),
 * so the bound on characters is what keeps any sender from pinning more than some 40 MB.
 */
public class ParsedDocuments implements PreparsedDocumentProvider {
    static final int MAX_DOCUMENTS = 2_000;
    static final int MAX_KEPT_LENGTH = 20_000;
    static final long MAX_KEPT_CHARACTERS = 1_000_000;

    private final Map<String, PreparsedDocumentEntry> documents = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong keptCharacters = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String text = input.getQuery();
        if (text == null || text.length() > MAX_KEPT_LENGTH) {
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        PreparsedDocumentEntry kept = documents.get(text);
        if (kept != null) {
            return CompletableFuture.completedFuture(kept);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            if (documents.size() >= MAX_DOCUMENTS
                    || keptCharacters.addAndGet(text.length()) > MAX_KEPT_CHARACTERS) {
                documents.clear();
                keptCharacters.set(text.length());
            }
            documents.put(text, entry);
        }
        return CompletableFuture.completedFuture(entry);
    }

    int size() {
        return documents.size();
    }
}
