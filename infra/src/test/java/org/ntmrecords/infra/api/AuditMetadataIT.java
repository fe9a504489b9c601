package org.ntmrecords.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.events.EventMetadata;
import org.ntmrecords.infra.support.IntegrationTest;

/** Every stored event says who did it, when, and as part of which request. */
class AuditMetadataIT extends IntegrationTest {
    /** The sandbox communes of Lấp Vò this class records on (the demo tracks the real ones). */
    @BeforeEach
    void sandboxCommunes() {
        sandboxCommune("99184");
        sandboxCommune("99190");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEventCarriesActorRoleCorrelationAndCausation() throws Exception {
        awaitProjections();
        graphQl("lapvo.vpdp").documentName("trackUnit")
                .variable("input", Map.of("unitCode", "99184", "setId", "dongthap-commune-ntm-2021-2025"))
                .execute().path("trackUnit.errors").entityList(Object.class).hasSize(0);

        List<Map<String, Object>> rows = jdbc.queryForList(
                "select event_identifier, time_stamp, payload_type, meta_data from event_store.domain_event_entry");
        assertThat(rows).hasSizeGreaterThan(100);
        for (Map<String, Object> row : rows) {
            JsonNode metadata = JSON.readTree((byte[]) row.get("meta_data"));
            assertThat(metadata.path(EventMetadata.ACTOR).asText()).as("actor of %s", row).isNotBlank();
            assertThat(metadata.path(EventMetadata.ACTOR_ROLE).asText()).as("role of %s", row).isNotBlank();
            assertThat(metadata.path(EventMetadata.CORRELATION_ID).asText()).as("correlation of %s", row).isNotBlank();
            assertThat(metadata.path(EventMetadata.CAUSATION_ID).asText()).as("causation of %s", row).isNotBlank();
            assertThat((String) row.get("time_stamp")).isNotBlank();
        }
        // the tracking event of this request names the API user and the request's command as its cause
        Map<String, Object> tracked = jdbc.queryForMap("select meta_data from event_store.domain_event_entry"
                + " where aggregate_identifier = '99184@dongthap-commune-ntm-2021-2025'");
        JsonNode metadata = JSON.readTree((byte[]) tracked.get("meta_data"));
        assertThat(metadata.path(EventMetadata.ACTOR).asText()).isEqualTo("lapvo.vpdp");
        assertThat(metadata.path(EventMetadata.ACTOR_ROLE).asText()).isEqualTo("DISTRICT_COORDINATION_OFFICE");
        assertThat(metadata.path(EventMetadata.ACTOR_UNIT).asText()).isEqualTo("875");
        assertThat(metadata.path(EventMetadata.CAUSATION_ID).asText())
                .isNotEqualTo(metadata.path(EventMetadata.CORRELATION_ID).asText());
    }

    @Test
    void theClientsCorrelationIdIsKeptOnTheEventsItCauses() throws Exception {
        awaitProjections();
        graphQl("lapvo.vpdp").mutate()
                .header("X-Correlation-Id", "inspection-2024-042").build()
                .documentName("trackUnit")
                .variable("input", Map.of("unitCode", "99190", "setId", "dongthap-commune-ntm-2021-2025"))
                .execute().path("trackUnit.errors").entityList(Object.class).hasSize(0);
        Map<String, Object> tracked = jdbc.queryForMap("select meta_data from event_store.domain_event_entry"
                + " where aggregate_identifier = '99190@dongthap-commune-ntm-2021-2025'");
        assertThat(JSON.readTree((byte[]) tracked.get("meta_data")).path(EventMetadata.CORRELATION_ID).asText())
                .isEqualTo("inspection-2024-042");
    }
}
