package org.ntmrecords.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.http.MediaType;

/** The configured limits: depth, complexity (as the operation executes), page size, list and request size. */
class LimitsIT extends IntegrationTest {

    private static boolean code(org.springframework.graphql.ResponseError e, String code) {
        return code.equals(e.getExtensions().get("code"));
    }

    @Test
    void aQueryNestedDeeperThanTheLimitIsRefused() {
        String deep = "{ unit(code: \"30049\") { " + "parent { children { ".repeat(6) + "code" + " } }".repeat(6) + " } }";
        graphQl().document(deep).execute()
                .errors().expect(e -> code(e, "QUERY_TOO_DEEP")).verify();
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
                .errors().expect(e -> code(e, "QUERY_TOO_COMPLEX")).verify();
    }

    /** Eight fragments, each spreading the one before under two aliases: 2^8 paths from 9 short lines. */
    @Test
    void nestedFragmentsAreCountedAsTheyExpandAndRefusedBeforeAnythingRuns() {
        StringBuilder document = new StringBuilder("query { unit(code: \"87\") { ...F8 } }\nfragment F0 on Unit { code name }\n");
        for (int i = 1; i <= 8; i++) {
            document.append("fragment F").append(i).append(" on Unit { a").append(i).append(": children { ...F").append(i - 1)
                    .append(" } b").append(i).append(": children { ...F").append(i - 1).append(" } }\n");
        }
        var result = anonymous().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth("dashboard", PASSWORD))
                .bodyValue(Map.of("query", document.toString())).exchange().returnResult(String.class);
        String body = new String(result.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).contains("QUERY_TOO_COMPLEX").doesNotContain("\"data\":{");
        assertThat(body.length()).as("one short error, not the expansion").isLessThan(1_000);
    }

    @Test
    void theStandardIntrospectionQueryWorksForSignedInAccounts() {
        for (String user : new String[] {"auditor", "dashboard", "tankieu.officer"}) {
            graphQl(user).documentName("introspection").execute()
                    .path("__schema.queryType.name").entity(String.class).isEqualTo("Query")
                    .path("__schema.types[?(@.name == 'Standing')].fields[*].name").entityList(String.class)
                    .contains("criteriaMet");
        }
        int status = anonymous().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ __schema { queryType { name } } }"))
                .exchange().returnResult(String.class).getStatus().value();
        assertThat(status).as("not without signing in").isEqualTo(401);
    }

    @Test
    void aPageLargerThanTheLimitIsABadRequest() {
        graphQl().documentName("units").variable("first", 201).execute()
                .errors().expect(e -> e.getMessage().contains("Kích thước trang phải từ 1 đến 200")).verify();
        for (int bad : new int[] {0, -5, Integer.MIN_VALUE}) {
            graphQl().documentName("units").variable("first", bad).execute()
                    .errors().expect(e -> code(e, "PAGE_SIZE_OUT_OF_RANGE")).verify();
        }
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

    @Test
    void aListLongerThanTheLimitIsRefusedAndNothingIsStored() {
        long before = jdbc.queryForObject("select coalesce(max(global_index), 0) from event_store.domain_event_entry", Long.class);
        java.util.List<String> codes = java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> "x" + i).toList();
        graphQl("admin").document("mutation($i: ResponsibilityInput!) { assignResponsibility(input: $i) { errors { code } } }")
                .variable("i", Map.of("agencyId", "872-tnmt", "setId", "dongthap-commune-ntm-2021-2025",
                        "indicatorCodes", codes, "basis", Map.of("number", "1/QĐ-TEST")))
                .execute().errors().expect(e -> code(e, "LIST_TOO_LONG")
                        && "assignResponsibility(input).indicatorCodes".equals(e.getExtensions().get("argument"))).verify();
        assertThat(jdbc.queryForObject("select coalesce(max(global_index), 0) from event_store.domain_event_entry",
                Long.class)).isEqualTo(before);
    }
}
