package org.ntmrecords.infra.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.criteria.CriteriaSetDocuments;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

/**
 * The indicator-level sets written from the seeds (criteria-sets/from-seeds) are published by the demo, each once,
 * with the requirement values and seed lines their files state; under Thanh Hóa's commune advanced set the demo's
 * Cẩm Ngọc (demo/cam-ngoc-2023.yaml, seed 004) has its village roads (15.2/21.0 km, seed 004 line 101) as a ratio
 * shown as 72,4 %, kept as written, and its income, not assessed for 2023 (line 125), NOT_ASSESSED and not counted
 * among the criteria not met. A value of the wrong kind is refused; the refusal records nothing, but the account
 * the test registers to try it does, so the test runs in a context of its own.
 */
@TestPropertySource(properties = "ntm.test.isolated=seed-criteria-sets")
class SeedCriteriaSetsIT extends IntegrationTest {
    private static final String THANH_HOA = "thanhhoa-commune-advanced-2022-2025";
    private static final String CAM_NGOC = "15169";
    private static final String OFFICER = "camngoc.officer";

    @BeforeEach
    void demoLoaded() {
        awaitProjections();
    }

    @Test
    void theDemoPublishesEverySeedSetWithItsSeedLines() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver()
                .getResources("classpath:criteria-sets/from-seeds/*.yaml");
        assertThat(files).as("seed sets shipped").isNotEmpty();
        List<String> ids = Arrays.stream(files).map(SeedCriteriaSetsIT::setId).toList();
        assertThat(ids).containsExactlyInAnyOrder(THANH_HOA, "travinh-district-ntm-2021-2025",
                "travinh-commune-ntm-2021-2025", "travinh-commune-advanced-2021-2025",
                "hatinh-district-advanced-2022-2025", "thanhhoa-village-model");
        for (String id : ids) {
            graphQl().documentName("seedSetIndicators").variable("id", id).execute()
                    .path("criteriaSet.id").entity(String.class).isEqualTo(id)
                    .path("criteriaSet.version").entity(Integer.class).isEqualTo(1);
        }
        // every requirement value is the one its seed line states, with that line as provenance
        GraphQlTester.Response travinh = graphQl().documentName("seedSetIndicators")
                .variable("id", "travinh-district-ntm-2021-2025").execute();
        travinh.path("criteriaSet.legalBasis.decision").entity(String.class).isEqualTo("1039/QĐ-UBND")
                .path("criteriaSet.criteria[*].code").entityList(String.class)
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9")
                .path("criteriaSet.criteria[6].indicators[0].code").entity(String.class).isEqualTo("7.1")
                .path("criteriaSet.criteria[6].indicators[0].requirement.kind").entity(String.class)
                .isEqualTo("PERCENT_AT_MOST")
                .path("criteriaSet.criteria[6].indicators[0].requirement.threshold").entity(Double.class).isEqualTo(50.0)
                .path("criteriaSet.criteria[6].indicators[0].requirement.decidedByHuman").entity(Boolean.class)
                .isEqualTo(true)
                .path("criteriaSet.criteria[6].indicators[0].provenance").entity(String.class)
                .isEqualTo("seed 002 line 152")
                .path("criteriaSet.criteria[7].indicators[*].code").entityList(String.class)
                .containsExactly("8.1", "8.2", "8.3", "8.4", "8.5");
        graphQl().documentName("seedSetIndicators").variable("id", THANH_HOA).execute()
                .path("criteriaSet.criteria[13].indicators[0].code").entity(String.class).isEqualTo("14.1")
                .path("criteriaSet.criteria[13].indicators[0].requirement.threshold").entity(Double.class).isEqualTo(95.0)
                .path("criteriaSet.criteria[13].indicators[0].provenance").entity(String.class)
                .satisfies(provenance -> assertThat(provenance).startsWith("seed 004 line 141"))
                // a code the seed names without a requirement: no threshold, judged by decision
                .path("criteriaSet.criteria[13].indicators[1].code").entity(String.class).isEqualTo("14.3")
                .path("criteriaSet.criteria[13].indicators[1].requirement.threshold").valueIsNull();
        // the model village's 15 criteria (seed 004 lines 163-180), each reported as a whole: one indicator, no
        // threshold, judged by recorded decision; the decision that issues the set is in no source
        GraphQlTester.Response village = graphQl().documentName("seedSetIndicators")
                .variable("id", "thanhhoa-village-model").execute();
        assertThat(village.path("criteriaSet.criteria[*].indicators[*].requirement.threshold")
                .entityList(Object.class).get()).hasSize(15).containsOnlyNulls();
        village.path("criteriaSet.legalBasis.decision").entity(String.class).isEqualTo("không nêu trong nguồn")
                .path("criteriaSet.criteria[*].code").entityList(String.class).containsExactly("1", "2", "3", "4",
                        "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15")
                .path("criteriaSet.criteria[*].indicators[*].requirement.kind").entityList(String.class).hasSize(15)
                .path("criteriaSet.criteria[4].indicators[0].provenance").entity(String.class)
                .satisfies(provenance -> assertThat(provenance).startsWith(
                        "Criterion-level entry: seed 004 line 180 reports the criterion as a whole (Chưa đạt)"));
    }

    @Test
    void camNgocsRoadsAreARatioAsWrittenAndItsIncomeIsNotAssessed() {
        GraphQlTester.Response standing = graphQl().documentName("seedSetStanding")
                .variable("unit", CAM_NGOC).variable("set", THANH_HOA).execute();
        // seed 004 line 33: 12/19 met; 2, 6, 13, 14, 18 not met (lines 95-153); 10 and 11 without data (125, 127)
        standing.path("standing.criteriaTotal").entity(Integer.class).isEqualTo(19)
                .path("standing.criteriaMet").entity(Integer.class).isEqualTo(12)
                .path("standing.result").entity(String.class).isEqualTo("NOT_MET")
                // income is not assessed, and not counted as not met
                .path("standing.unmetCriteria[*].code").entityList(String.class)
                .containsExactly("2", "6", "13", "14", "18")
                .path("standing.notAssessedCriteria[*].code").entityList(String.class).containsExactly("10", "11")
                .path("standing.criteria[?(@.code == '10')].result").entityList(String.class)
                .containsExactly("NOT_ASSESSED");
        // seed 004 line 101: 15.2/21.0 km of village road meet the standard width; no source states the share
        // required, so it awaits a decision — the ratio is still taken, kept as written and measured
        String roads = "standing.criteria[1].indicators[1]";
        standing.path(roads + ".code").entity(String.class).isEqualTo("2.duong-thon")
                .path(roads + ".result").entity(String.class).isEqualTo("NOT_ASSESSED")
                .path(roads + ".basis").entity(String.class).isEqualTo("AWAITING_DECISION")
                .path(roads + ".judgedByDecision").entity(Boolean.class).isEqualTo(true)
                .path(roads + ".threshold").valueIsNull()
                .path(roads + ".requirement.kind").entity(String.class).isEqualTo("RATIO_AT_LEAST")
                .path(roads + ".requirement.unit").entity(String.class).isEqualTo("km")
                // measured to four decimals (72.3809… → 72.381), shown to one, half-up; Vietnamese by default
                .path(roads + ".measured").entity(Double.class).isEqualTo(72.381)
                .path(roads + ".measuredShown").entity(String.class).isEqualTo("72,4 %")
                // the value as written: 15.2 and 21.0, not 21
                .path(roads + ".latestValue.value.kind").entity(String.class).isEqualTo("RATIO")
                .path(roads + ".latestValue.value.numerator").entity(Double.class).isEqualTo(15.2)
                .path(roads + ".latestValue.value.denominator").entity(Double.class).isEqualTo(21.0)
                .path(roads + ".latestValue.display").entity(String.class).isEqualTo("15.2/21.0 (72.38%)");
        assertThat(jdbc.queryForObject("select concat_ws(' ', value->>'numerator', value->>'denominator')"
                + " from read_model.indicator_entry where scorecard_id = ? and indicator_code = ?", String.class,
                CAM_NGOC + "@" + THANH_HOA, "2.duong-thon")).as("kept as written").isEqualTo("15.2 21.0");
        // seed 004 line 141: health insurance 91,0% against ≥ 95% — the one threshold the seed states, computed
        String health = "standing.criteria[?(@.code == '14')].indicators[0]";
        standing.path(health + ".measuredShown").entityList(String.class).containsExactly("91,0 %")
                .path(health + ".result").entityList(String.class).containsExactly("NOT_MET")
                .path(health + ".basis").entityList(String.class).containsExactly("COMPUTED");
        String income = "standing.criteria[?(@.code == '10')].indicators[0]";
        standing.path(income + ".result").entityList(String.class).containsExactly("NOT_ASSESSED")
                .path(income + ".basis").entityList(String.class).containsExactly("MARKED_NOT_ASSESSED")
                .path(income + ".requirement.kind").entityList(String.class).containsExactly("AMOUNT_AT_LEAST");

        // in English the share is shown with a decimal point
        GraphQlTester english = graphQl().mutate()
                .webTestClient(client -> client.defaultHeader("Accept-Language", "en")).build();
        english.documentName("seedSetStanding").variable("unit", CAM_NGOC).variable("set", THANH_HOA).execute()
                .path(roads + ".measuredShown").entity(String.class).isEqualTo("72.4 %");
    }

    @Test
    void aYesNoValueForTheRoadRatioIsRefusedAndRecordsNothing() {
        graphQl("admin").documentName("registerAccount").variable("input", Map.of("username", OFFICER,
                        "displayName", "Cán bộ UBND xã Cẩm Ngọc", "role", "COMMUNE_OFFICER", "unitCode", CAM_NGOC))
                .execute().path("registerAccount.errors").entityList(Object.class).hasSize(0);
        graphQl("admin").documentName("setAccountPassword").variable("input", Map.of("username", OFFICER,
                        "password", PASSWORD))
                .execute().path("setAccountPassword.errors").entityList(Object.class).hasSize(0);
        long before = eventCount();
        graphQl(OFFICER).documentName("recordIndicatorValue").variable("input", Map.of("unitCode", CAM_NGOC,
                        "setId", THANH_HOA, "indicatorCode", "2.duong-thon",
                        "value", Map.of("kind", "ACHIEVED", "achieved", false),
                        "period", Map.of("start", "2023-07-31")))
                .execute()
                .path("recordIndicatorValue.errors[0].code").entity(String.class).isEqualTo("WRONG_VALUE_KIND")
                .path("recordIndicatorValue.errors[0].field").entity(String.class).isEqualTo("value.kind");
        assertThat(eventCount()).isEqualTo(before);
    }

    private static String setId(Resource file) {
        try {
            return CriteriaSetDocuments.parse(file.getContentAsString(StandardCharsets.UTF_8)).id();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
