package org.ntmrecords.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
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
        String aliases = IntStream.range(0, 149).mapToObj(i -> "a" + i + ": accounts { username }")
                .collect(Collectors.joining(" "));
        anonymous().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    h.setBasicAuth("dashboard", PASSWORD);
                    h.set("X-Correlation-Id", "seclog-aliases-149");
                })
                .bodyValue(Map.of("query", "{ " + aliases + " }")).exchange().expectStatus().isOk();
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
                .exchange().expectStatus().isOk();
        assertThat(rowOf("seclog-mixed").get("command")).isEqualTo("RecordIndicatorValueCommand");
    }
}
