package org.ntmrecords.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;

/** The security log: one row per refused request, naming everything refused in it; every refusal logged. */
class SecurityLogIT extends IntegrationTest {

    @BeforeEach
    void demoLoaded() {
        awaitProjections();
    }

    private Map<String, Object> rowOf(String correlationId) {
        List<Map<String, Object>> rows = jdbc.queryForList("select actor, command, refusal_count, array_length(refusals, 1)"
                + " as listed, refusals[1] as first, client_address from security.denied_attempt where correlation_id = ?",
                correlationId);
        assertThat(rows).as("one row for request %s", correlationId).hasSize(1);
        return rows.get(0);
    }

    @Test
    void aRequestWithManyRefusedFieldsIsOneRowCountingThemAll() {
        String aliases = IntStream.range(0, 149).mapToObj(i -> "a" + i + ": accounts { totalCount }")
                .collect(Collectors.joining(" "));
        anonymous().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    h.setBasicAuth("dashboard", PASSWORD);
                    h.set("X-Correlation-Id", "seclog-aliases-149");
                })
                .bodyValue(Map.of("query", "{ " + aliases + " }")).exchange().expectStatus().isOk()
                .expectBody().returnResult();
        Map<String, Object> row = rowOf("seclog-aliases-149");
        assertThat(row.get("actor")).isEqualTo("dashboard");
        assertThat(row.get("refusal_count")).isEqualTo(149);
        assertThat(row.get("listed")).as("at most 100 listed, and a line saying how many more").isEqualTo(101);
        assertThat((String) row.get("first")).contains("READ Query.accounts");
        assertThat(row.get("client_address")).isNotNull();
    }

    @Test
    void aRefusedPasswordChangeIsLogged() {
        anonymous().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    h.setBasicAuth("tankieu.officer", PASSWORD);
                    h.set("X-Correlation-Id", "seclog-password");
                })
                .bodyValue(Map.of("query", "mutation { setAccountPassword(input: {username: \"admin\", password: \"taken-over-admin-1\"})"
                        + " { errors { code } } }"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.data.setAccountPassword.errors[0].code")
                .isEqualTo("NOT_ALLOWED");
        Map<String, Object> row = rowOf("seclog-password");
        assertThat(row.get("actor")).isEqualTo("tankieu.officer");
        assertThat(row.get("command")).isEqualTo("SetAccountPassword");
    }

    @Test
    void aRefusedCommandIsOneRowOfItsRequest() {
        anonymous().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    h.setBasicAuth("tankieu.officer", PASSWORD);
                    h.set("X-Correlation-Id", "seclog-mixed");
                })
                .bodyValue(Map.of("query", "mutation { recordIndicatorValue(input: { unitCode: \"30073\", setId:"
                        + " \"dongthap-commune-ntm-2021-2025\", indicatorCode: \"17.7\", value: { kind: PERCENTAGE, percentage: 80 },"
                        + " period: { start: \"2024-06-30\" } }) { entryId errors { code } } }"))
                .exchange().expectStatus().isOk().expectBody().returnResult();
        assertThat(rowOf("seclog-mixed").get("command")).isEqualTo("RecordIndicatorValueCommand");
    }

    @Test
    void theLogIsPagedNewestFirstForwardAndBackwardWithItsTotal() {
        // refusals of several accounts, so that the log holds pages whatever ran before (each actor has a rate limit)
        for (String user : List.of("tankieu.officer", "thapmuoi.tnmt", "thapmuoi.vpdp", "thapmuoi.verifier",
                "dongthap.appraiser", "dongthap.chairperson", "dashboard")) {
            graphQl(user).document("{ accounts { totalCount } }").execute()
                    .errors().expect(e -> "FORBIDDEN".equals(e.getErrorType().toString())).verify();
        }
        List<Long> newest = jdbc.queryForList("select id from security.denied_attempt order by id desc limit 6", Long.class);
        List<Long> oldest = jdbc.queryForList("select id from security.denied_attempt order by id limit 2", Long.class);
        long total = jdbc.queryForObject("select count(*) from security.denied_attempt", Long.class);
        assertThat(newest).hasSize(6);

        GraphQlTester.Response first = page(2, null, null, null);
        first.path("securityLog.totalCount").entity(Long.class).isEqualTo(total)
                .path("securityLog.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false)
                .path("securityLog.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        assertThat(ids(first)).containsExactlyElementsOf(newest.subList(0, 2));
        GraphQlTester.Response second = page(2, endCursor(first), null, null);
        assertThat(ids(second)).containsExactlyElementsOf(newest.subList(2, 4));
        GraphQlTester.Response third = page(2, endCursor(second), null, null);
        third.path("securityLog.totalCount").entity(Long.class).isEqualTo(total)
                .path("securityLog.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
        assertThat(ids(third)).containsExactlyElementsOf(newest.subList(4, 6));

        // backward from the third page: the second, then the first, which has nothing newer before it
        GraphQlTester.Response back = page(null, null, 2, startCursor(third));
        back.path("securityLog.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("securityLog.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
        assertThat(ids(back)).containsExactlyElementsOf(ids(second));
        GraphQlTester.Response backAgain = page(null, null, 2, startCursor(back));
        backAgain.path("securityLog.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
        assertThat(ids(backAgain)).containsExactlyElementsOf(ids(first));
        // the end of the log: its oldest entries, still newest first
        GraphQlTester.Response end = page(null, null, 2, null);
        end.path("securityLog.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("securityLog.totalCount").entity(Long.class).isEqualTo(total);
        assertThat(ids(end)).containsExactly(oldest.get(1), oldest.get(0));
        assertThat(first.path("securityLog.edges[0].node.refusals").entityList(String.class).get()).isNotEmpty();

        // a cursor of another list is refused
        String accountsCursor = graphQl().documentName("accounts").variable("first", 1).execute()
                .path("accounts.pageInfo.endCursor").entity(String.class).get();
        graphQl().documentName("securityLog").variable("first", 2).variable("after", accountsCursor).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(e.getMessage()).isEqualTo("Con trỏ này không do danh sách này cấp");
                }));
    }

    private GraphQlTester.Response page(Integer first, String after, Integer last, String before) {
        return graphQl("auditor").documentName("securityLog").variable("first", first).variable("after", after)
                .variable("last", last).variable("before", before).execute();
    }

    private static List<Long> ids(GraphQlTester.Response page) {
        return page.path("securityLog.edges[*].node.id").entityList(String.class).get().stream().map(Long::valueOf)
                .toList();
    }

    private static String endCursor(GraphQlTester.Response page) {
        return page.path("securityLog.pageInfo.endCursor").entity(String.class).get();
    }

    private static String startCursor(GraphQlTester.Response page) {
        return page.path("securityLog.pageInfo.startCursor").entity(String.class).get();
    }
}
