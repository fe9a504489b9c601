package org.ntmrecords.infra.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.http.MediaType;

/** The configured limits: depth, complexity, page size and request size. */
class LimitsIT extends IntegrationTest {

    @Test
    void aQueryNestedDeeperThanTheLimitIsRefused() {
        String deep = "{ unit(code: \"30049\") { " + "parent { children { ".repeat(6) + "code" + " } }".repeat(6) + " } }";
        graphQl().document(deep).execute()
                .errors().expect(e -> e.getMessage().contains("maximum query depth")).verify();
        String allowed = "{ unit(code: \"30049\") { " + "parent { children { ".repeat(2) + "code" + " } }".repeat(2) + " } }";
        graphQl().document(allowed).execute().path("unit").hasValue();
    }

    @Test
    void aQueryMoreComplexThanTheLimitIsRefused() {
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; i < 160; i++) {
            wide.append(" u").append(i).append(": unit(code: \"30049\") { code }");
        }
        graphQl().document(wide.append(" }").toString()).execute()
                .errors().expect(e -> e.getMessage().contains("maximum query complexity")).verify();
    }

    @Test
    void aPageLargerThanTheLimitIsABadRequest() {
        graphQl().documentName("units").variable("first", 201).execute()
                .errors().expect(e -> e.getMessage().contains("page size must be between 1 and 200")).verify();
        graphQl().documentName("units").variable("first", 200).execute().path("units.edges").entityList(Object.class);
    }

    @Test
    void aRequestBodyLargerThanTheLimitIsRefusedBeforeItIsRead() {
        String padding = "x".repeat(2 * 1024 * 1024 + 10);
        int status = anonymous().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth("auditor", PASSWORD))
                .bodyValue(Map.of("query", "{ apiVersion }", "padding", padding))
                .exchange().returnResult(String.class).getStatus().value();
        assertThat(status).isEqualTo(413);
    }
}
