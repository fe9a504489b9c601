package org.ntmrecords.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;

/** Publishing a set from a YAML document and amending it through GraphQL; versions never change in place. */
class CriteriaSetMutationIT extends IntegrationTest {
    private static final String DOCUMENT = """
            id: it-commune-set
            title: "Bộ tiêu chí thử nghiệm"
            level: COMMUNE
            grade: NTM
            legalBasis: {decision: "1/QĐ-IT", date: 2022-01-01, issuer: "IT"}
            effectiveFrom: 2022-01-01
            provenance: "test set for CriteriaSetMutationIT; its numbers exercise the rules only"
            criteria:
              - code: "1"
                name: "Một"
                indicators:
                  - code: "1.1"
                    text: "Tỷ lệ"
                    requirement: {kind: PERCENT_AT_LEAST, text: "≥ 80%", threshold: 80}
            """;

    @BeforeEach
    void demoLoaded() {
        sandboxCommune("99181");
        awaitProjections();
    }

    @Test
    void publishesAmendsAndKeepsEveryVersion() {
        graphQl("admin").documentName("publishCriteriaSet").variable("input", Map.of("document", DOCUMENT)).execute()
                .path("publishCriteriaSet.setId").entity(String.class).isEqualTo("it-commune-set")
                .path("publishCriteriaSet.version").entity(Integer.class).isEqualTo(1)
                // the version published, as the read model holds it
                .path("publishCriteriaSet.criteriaSet.id").entity(String.class).isEqualTo("it-commune-set")
                .path("publishCriteriaSet.criteriaSet.version").entity(Integer.class).isEqualTo(1)
                .path("publishCriteriaSet.criteriaSet.title").entity(String.class).isEqualTo("Bộ tiêu chí thử nghiệm")
                .path("publishCriteriaSet.criteriaSet.amendment").valueIsNull();
        graphQl("admin").documentName("publishCriteriaSet").variable("input", Map.of("document", DOCUMENT)).execute()
                .path("publishCriteriaSet.errors[0].code").entity(String.class).isEqualTo("ALREADY_EXISTS")
                .path("publishCriteriaSet.criteriaSet").valueIsNull();

        graphQl("lapvo.vpdp").documentName("trackUnit").variable("input", Map.of("unitCode", "99181", "setId", "it-commune-set"))
                .execute().path("trackUnit.errors").entityList(Object.class).hasSize(0);
        graphQl("lapvo.vpdp").documentName("recordIndicatorValue").variable("input", Map.of("unitCode", "99181",
                        "setId", "it-commune-set", "indicatorCode", "1.1",
                        "value", Map.of("kind", "PERCENTAGE", "percentage", 82), "period", Map.of("start", "2024-01-01")))
                .execute()
                .path("recordIndicatorValue.indicator.result").entity(String.class).isEqualTo("MET")
                .path("recordIndicatorValue.indicator.setVersion").entity(Integer.class).isEqualTo(1);

        graphQl("admin").documentName("amendCriteriaSet").variable("input", Map.of("setId", "it-commune-set",
                        "legalBasis", Map.of("decision", "2/QĐ-IT", "date", "2024-01-02"),
                        "effectiveFrom", "2024-01-02", "reason", "nâng ngưỡng",
                        "changes", List.of(Map.of("indicatorCode", "1.1", "text", "≥ 90%", "threshold", 90))))
                .execute()
                .path("amendCriteriaSet.version").entity(Integer.class).isEqualTo(2)
                .path("amendCriteriaSet.criteriaSet.version").entity(Integer.class).isEqualTo(2)
                .path("amendCriteriaSet.criteriaSet.effectiveFrom").entity(String.class).isEqualTo("2024-01-02")
                .path("amendCriteriaSet.criteriaSet.legalBasis.decision").entity(String.class).isEqualTo("2/QĐ-IT")
                .path("amendCriteriaSet.criteriaSet.amendment.previousVersion").entity(Integer.class).isEqualTo(1)
                .path("amendCriteriaSet.criteriaSet.amendment.changes[0].previous.threshold").entity(Double.class)
                .isEqualTo(80.0)
                .path("amendCriteriaSet.criteriaSet.amendment.changes[0].requirement.threshold").entity(Double.class)
                .isEqualTo(90.0);

        var versions = graphQl().documentName("criteriaSetVersions").variable("id", "it-commune-set").execute();
        versions.path("criteriaSetVersions[*].version").entityList(Integer.class).containsExactly(1, 2)
                .path("criteriaSetVersions[0].criteria[0].indicators[0].requirement.threshold").entity(Double.class).isEqualTo(80.0)
                .path("criteriaSetVersions[0].amendment").valueIsNull()
                .path("criteriaSetVersions[1].criteria[0].indicators[0].requirement.threshold").entity(Double.class).isEqualTo(90.0)
                .path("criteriaSetVersions[1].legalBasis.decision").entity(String.class).isEqualTo("2/QĐ-IT")
                .path("criteriaSetVersions[1].effectiveFrom").entity(String.class).isEqualTo("2024-01-02")
                .path("criteriaSetVersions[1].amendment.reason").entity(String.class).isEqualTo("nâng ngưỡng")
                .path("criteriaSetVersions[1].amendment.changes[0].previous.threshold").entity(Double.class).isEqualTo(80.0);
    }

    @Test
    void aDefinitionThatBreaksTheFormatIsRefusedWithItsPath() {
        long events = eventCount();
        graphQl("admin").documentName("publishCriteriaSet")
                .variable("input", Map.of("document", DOCUMENT.replace("it-commune-set", "it-broken")
                        .replace("threshold: 80", "threshold: 180")))
                .execute()
                .path("publishCriteriaSet.errors[0].code").entity(String.class).isEqualTo("INVALID_DEFINITION")
                .path("publishCriteriaSet.errors[0].field").entity(String.class)
                .isEqualTo("criteria[0].indicators[0].requirement.threshold");
        graphQl("admin").documentName("publishCriteriaSet")
                .variable("input", Map.of("document", "id: it-broken\ntitle: [unclosed"))
                .execute()
                .path("publishCriteriaSet.errors[0].code").entity(String.class).isEqualTo("INVALID_DEFINITION");
        graphQl("admin").documentName("amendCriteriaSet").variable("input", Map.of("setId", "no-such-set",
                        "legalBasis", Map.of("decision", "2/QĐ-IT"), "effectiveFrom", "2024-01-02",
                        "changes", List.of(Map.of("indicatorCode", "1.1", "threshold", 90))))
                .execute()
                .path("amendCriteriaSet.errors[0].code").entity(String.class).isEqualTo("UNKNOWN_CRITERIA_SET");
        assertThat(eventCount()).isEqualTo(events);
    }
}
