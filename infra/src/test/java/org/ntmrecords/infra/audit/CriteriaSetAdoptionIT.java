package org.ntmrecords.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.scorecard.CriteriaSetAdoptionProcess;
import org.ntmrecords.infra.support.IntegrationTest;
import org.ntmrecords.infra.support.SettableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * An amendment with an effective date re-judges the tracked records from that date: at once when the date has
 * passed, on the date when it lies ahead. The new judgments name the amendment as their cause and carry the
 * amendment's correlation id, sent by the service's own task.
 */
@Import(CriteriaSetAdoptionIT.Clocks.class)
class CriteriaSetAdoptionIT extends IntegrationTest {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock(Instant.now(), VIETNAM);
        }
    }

    @Autowired
    SettableClock clock;
    @Autowired
    CriteriaSetAdoptionProcess adoption;

    private static String document(String id) {
        return """
                id: SET_ID
                title: "Bộ tiêu chí thử nghiệm áp dụng sửa đổi"
                level: COMMUNE
                grade: NTM
                legalBasis: {decision: "1/QĐ-IT", date: 2022-01-01, issuer: "IT"}
                effectiveFrom: 2022-01-01
                provenance: "test set for CriteriaSetAdoptionIT; its numbers exercise the rules only"
                criteria:
                  - code: "1"
                    name: "Một"
                    indicators:
                      - {code: "1.1", text: "Tỷ lệ", requirement: {kind: PERCENT_AT_LEAST, text: "≥ 80%", threshold: 80}}
                      - {code: "1.2", text: "Tỷ lệ khác", requirement: {kind: PERCENT_AT_LEAST, text: "≥ 50%", threshold: 50}}
                """.replace("SET_ID", id);
    }

    @BeforeEach
    void demoLoaded() {
        sandboxCommune("99181");
        sandboxCommune("99184");
        awaitProjections();
    }

    private void publishTrackAndRecord(String setId, String unit) {
        graphQl("admin").documentName("publishCriteriaSet").variable("input", Map.of("document", document(setId)))
                .execute().path("publishCriteriaSet.errors").entityList(Object.class).hasSize(0);
        graphQl("lapvo.vpdp").documentName("trackUnit").variable("input", Map.of("unitCode", unit, "setId", setId))
                .execute().path("trackUnit.errors").entityList(Object.class).hasSize(0);
        for (String indicator : List.of("1.1", "1.2")) {
            graphQl("lapvo.vpdp").documentName("recordIndicatorValue").variable("input", Map.of("unitCode", unit,
                            "setId", setId, "indicatorCode", indicator,
                            "value", Map.of("kind", "PERCENTAGE", "percentage", 85), "period", Map.of("start", "2024-01-01")))
                    .execute().path("recordIndicatorValue.indicator.result").entity(String.class).isEqualTo("MET");
        }
    }

    private void amend(String setId, LocalDate effectiveFrom) {
        graphQl("admin").documentName("amendCriteriaSet").variable("input", Map.of("setId", setId,
                        "legalBasis", Map.of("decision", "2/QĐ-IT", "date", LocalDate.now(clock).minusDays(1).toString()),
                        "effectiveFrom", effectiveFrom.toString(), "reason", "nâng ngưỡng",
                        "changes", List.of(Map.of("indicatorCode", "1.1", "text", "≥ 90%", "threshold", 90))))
                .execute().path("amendCriteriaSet.version").entity(Integer.class).isEqualTo(2)
                .path("amendCriteriaSet.errors").entityList(Object.class).hasSize(0);
    }

    private int setVersion(String unit, String setId) {
        return graphQl().documentName("standingVersion").variable("unit", unit).variable("set", setId).execute()
                .path("standing.setVersion").entity(Integer.class).get();
    }

    @Test
    void anAmendmentAlreadyInEffectIsAdoptedAtOnceAndRejudgesOnlyWhatItChanged() {
        String setId = "it-adopt-past";
        publishTrackAndRecord(setId, "99181");
        amend(setId, LocalDate.now(clock).minusDays(1));

        await().atMost(Duration.ofSeconds(30)).until(() -> setVersion("99181", setId) == 2);
        graphQl().documentName("standingVersion").variable("unit", "99181").variable("set", setId).execute()
                .path("standing.result").entity(String.class).isEqualTo("NOT_MET")
                .path("standing.criteria[0].indicators[0].result").entity(String.class).isEqualTo("NOT_MET")
                .path("standing.criteria[0].indicators[0].threshold").entity(Double.class).isEqualTo(90.0)
                .path("standing.criteria[0].indicators[1].result").entity(String.class).isEqualTo("MET");

        String scorecard = "99181@" + setId;
        String amendmentCorrelation = jdbc.queryForObject("""
                select convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId' from event_store.domain_event_entry
                where aggregate_identifier = ? and payload_type like '%CriteriaSetAmendedEvent'""", String.class, setId);
        List<Map<String, Object>> afterAdoption = jdbc.queryForList("""
                select substring(payload_type from '[A-Za-z]+$') as type,
                       convert_from(payload, 'UTF8')::jsonb ->> 'causeId' as cause,
                       convert_from(payload, 'UTF8')::jsonb ->> 'indicatorCode' as indicator,
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' as actor,
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId' as correlation
                from event_store.domain_event_entry
                where aggregate_identifier = ? and sequence_number > (
                    select sequence_number from event_store.domain_event_entry
                    where aggregate_identifier = ? and payload_type like '%CriteriaSetVersionAdoptedEvent')
                order by sequence_number""", scorecard, scorecard);
        assertThat(afterAdoption).extracting(r -> r.get("type")).containsExactly("IndicatorJudgedEvent",
                "CriterionJudgedEvent", "StandingComputedEvent");
        assertThat(afterAdoption).allSatisfy(r -> {
            assertThat(r.get("cause")).isEqualTo(setId + "@v2");
            assertThat(r.get("actor")).isEqualTo("system:" + CriteriaSetAdoptionProcess.TASK);
            assertThat(r.get("correlation")).isEqualTo(amendmentCorrelation);
        });
        assertThat(afterAdoption.get(0).get("indicator")).isEqualTo("1.1");
    }

    @Test
    void anAmendmentEffectiveLaterIsAdoptedOnItsDate() {
        String setId = "it-adopt-future";
        publishTrackAndRecord(setId, "99184");
        LocalDate effective = LocalDate.now(clock).plusDays(10);
        amend(setId, effective);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from process.set_version where set_id = ? and version = 2", Integer.class, setId) == 1);

        assertThat(adoption.adoptDue()).isZero();
        awaitProjections();
        assertThat(setVersion("99184", setId)).isEqualTo(1);

        clock.advance(Duration.ofDays(10));
        assertThat(adoption.adoptDue()).isEqualTo(1);
        awaitProjections();
        assertThat(setVersion("99184", setId)).isEqualTo(2);
        assertThat(adoption.adoptDue()).as("adopting again does nothing").isZero();
    }
}
