package org.ntmrecords.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ntmrecords.events.EventMetadata;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.http.MediaType;

/** Whatever a client claims about who it is, the events carry the account that signed in. */
class ForgedActorIT extends IntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aClaimedActorInHeadersOrExtensionsNeverReachesAnEvent() throws Exception {
        awaitProjections();
        String mutation = """
                mutation { markIndicatorNotAssessed(input: {unitCode: "30049", setId: "dongthap-commune-ntm-2021-2025",
                  indicatorCode: "10", valueId: "forged-1", period: {start: "2024-02-01"}, reason: "chưa có số liệu"})
                  { entryId errors { code } } }""";
        anonymous().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    h.setBasicAuth("tankieu.officer", PASSWORD);
                    h.add("X-Actor", "admin");
                    h.add("actor", "admin");
                    h.add("X-Actor-Role", "ADMINISTRATOR");
                })
                .bodyValue(Map.of("query", mutation, "extensions",
                        Map.of("actor", "admin", "actorRole", "ADMINISTRATOR", "metaData", Map.of("actor", "admin"))))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data.markIndicatorNotAssessed.entryId").isEqualTo("forged-1");

        List<byte[]> metadata = jdbc.queryForList("select meta_data from event_store.domain_event_entry"
                + " where aggregate_identifier = '30049@dongthap-commune-ntm-2021-2025'"
                + " and global_index >= (select global_index from event_store.domain_event_entry"
                + " where convert_from(payload, 'UTF8') like '%\"valueId\":\"forged-1\"%')", byte[].class);
        assertThat(metadata).hasSize(4);
        for (byte[] bytes : metadata) {
            JsonNode node = JSON.readTree(bytes);
            assertThat(node.path(EventMetadata.ACTOR).asText()).isEqualTo("tankieu.officer");
            assertThat(node.path(EventMetadata.ACTOR_ROLE).asText()).isEqualTo("COMMUNE_OFFICER");
            assertThat(node.path(EventMetadata.ACTOR_UNIT).asText()).isEqualTo("30049");
        }
    }

    @Test
    void anActorFieldInTheInputIsRefusedBeforeAnythingIsStored() {
        awaitProjections();
        long before = eventCount();
        graphQl("tankieu.officer").documentName("markIndicatorNotAssessed").variable("input", Map.of("unitCode", "30049",
                        "setId", "dongthap-commune-ntm-2021-2025", "indicatorCode", "10",
                        "period", Map.of("start", "2024-02-02"), "reason", "r", "actor", "admin"))
                .execute().errors().expect(e -> e.getMessage().contains("actor")).verify();
        assertThat(eventCount()).isEqualTo(before);
    }
}
