package org.ntmrecords.infra.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.core.ParameterizedTypeReference;

/** The Tháp Mười scenario of seed 000, loaded by the demo loader, as GraphQL shows it. */
class DemoScenarioIT extends IntegrationTest {
    private static final String COMMUNE_NTM = "dongthap-commune-ntm-2021-2025";
    private static final String COMMUNE_ADVANCED = "dongthap-commune-advanced-2021-2025";
    private static final String DISTRICT_ADVANCED = "dongthap-district-advanced-2021-2025";

    @BeforeEach
    void projectionsCaughtUp() {
        awaitProjections();
    }

    @Test
    void tanKieuMeets17Of19WithTheTwoUnmetIndicatorsAndTheirValues() {
        var standing = graphQl().documentName("standing")
                .variable("unit", "30049").variable("set", COMMUNE_NTM)
                .execute();
        standing.path("standing.criteriaMet").entity(Integer.class).isEqualTo(17);
        standing.path("standing.criteriaTotal").entity(Integer.class).isEqualTo(19);
        standing.path("standing.result").entity(String.class).isEqualTo("NOT_MET");
        standing.path("standing.region").entity(String.class).isEqualTo("dbscl");
        standing.path("standing.unmetCriteria[*].code").entityList(String.class).containsExactly("13", "17");
        standing.path("standing.unmetCriteria[0].indicators[0].code").entity(String.class).isEqualTo("13.3");
        standing.path("standing.unmetCriteria[0].indicators[0].latestValue.value.count").entity(Integer.class).isEqualTo(0);
        standing.path("standing.unmetCriteria[0].indicators[0].threshold").entity(Double.class).isEqualTo(1.0);
        String indicator = "standing.unmetCriteria[1].indicators[0].";
        standing.path(indicator + "code").entity(String.class).isEqualTo("17.7");
        standing.path(indicator + "result").entity(String.class).isEqualTo("NOT_MET");
        standing.path(indicator + "basis").entity(String.class).isEqualTo("COMPUTED");
        standing.path(indicator + "measured").entity(Double.class).isEqualTo(71.32);
        standing.path(indicator + "threshold").entity(Double.class).isEqualTo(85.0);
        standing.path(indicator + "latestValue.display").entity(String.class).isEqualTo("71.32%");
        standing.path(indicator + "latestValue.period.start").entity(String.class).isEqualTo("2024-01-26");
        standing.path(indicator + "latestValue.evidence[0].number").entity(String.class).isEqualTo("317/KH-UBND");
        standing.path(indicator + "latestValue.recordedBy").entity(String.class).isEqualTo("system:demo-loader");
    }

    @Test
    void thanhMyMeets18Of19UnderTheAdvancedSetFailingHealthInsurance() {
        var standing = graphQl().documentName("standing")
                .variable("unit", "30073").variable("set", COMMUNE_ADVANCED)
                .execute();
        standing.path("standing.criteriaMet").entity(Integer.class).isEqualTo(18);
        standing.path("standing.criteriaTotal").entity(Integer.class).isEqualTo(19);
        standing.path("standing.unmetCriteria[*].code").entityList(String.class).containsExactly("14");
        standing.path("standing.unmetCriteria[0].indicators[0].code").entity(String.class).isEqualTo("14.1");
        standing.path("standing.unmetCriteria[0].indicators[0].measured").entity(Double.class).isEqualTo(90.19);
        standing.path("standing.unmetCriteria[0].indicators[0].threshold").entity(Double.class).isEqualTo(95.0);
    }

    @Test
    void theDistrictMeets4Of9AdvancedCriteriaWithItsEightUnmetIndicators() {
        var standing = graphQl().documentName("standing")
                .variable("unit", "872").variable("set", DISTRICT_ADVANCED)
                .execute();
        standing.path("standing.criteriaMet").entity(Integer.class).isEqualTo(4);
        standing.path("standing.criteriaTotal").entity(Integer.class).isEqualTo(9);
        standing.path("standing.unmetCriteria[*].code").entityList(String.class).containsExactly("1", "5", "6", "7", "8");
        standing.path("standing.unmetCriteria[*].indicators[*].code").entityList(String.class)
                .containsExactly("1.1", "5.4", "6.1", "7.1", "7.4", "7.8", "8.4", "8.9");
        standing.path("standing.unmetCriteria[*].indicators[*].result").entityList(String.class)
                .satisfies(results -> assertThat(results).containsOnly("NOT_MET").hasSize(8));
        standing.path("standing.unmetCriteria[*].indicators[*].latestValue.display").entityList(String.class)
                .containsExactly("Chưa đạt", "3/5 (60%)", "40.47%", "92.01%", "64.8%", "83.7%", "0", "10/27");
        // requirements a value cannot settle are judged by the plan's recorded decision, and say so
        standing.path("standing.unmetCriteria[1].indicators[0].basis").entity(String.class).isEqualTo("HUMAN_DECISION");
        standing.path("standing.unmetCriteria[1].indicators[0].judgedByDecision").entity(Boolean.class).isEqualTo(true);
        standing.path("standing.unmetCriteria[1].indicators[0].decision.decidedBy").entity(String.class)
                .isEqualTo("UBND huyện Tháp Mười");
        standing.path("standing.unmetCriteria[4].indicators[1].basis").entity(String.class).isEqualTo("HUMAN_DECISION");
        standing.path("standing.unmetCriteria[3].indicators[0].basis").entity(String.class).isEqualTo("COMPUTED");
    }

    @Test
    void theDistrictMeetsTheDistrictNtmSetAndTheTownshipTheCivilizedUrbanSet() {
        graphQl().documentName("standing").variable("unit", "872").variable("set", "dongthap-district-ntm-2021-2025")
                .execute().path("standing.criteriaMet").entity(Integer.class).isEqualTo(9)
                .path("standing.result").entity(String.class).isEqualTo("MET");
        graphQl().documentName("standing").variable("unit", "30037").variable("set", "civilized-urban-2022")
                .execute().path("standing.criteriaMet").entity(Integer.class).isEqualTo(9)
                .path("standing.result").entity(String.class).isEqualTo("MET");
    }

    @Test
    void theDistrictOverviewShowsEveryCommuneInOneQuery() {
        var overview = graphQl().documentName("districtOverview")
                .variable("district", "872").variable("set", COMMUNE_NTM)
                .execute();
        overview.path("districtOverview.summary.units").entity(Integer.class).isEqualTo(12);
        overview.path("districtOverview.summary.tracked").entity(Integer.class).isEqualTo(12);
        overview.path("districtOverview.summary.met").entity(Integer.class).isEqualTo(6);
        overview.path("districtOverview.summary.notMet").entity(Integer.class).isEqualTo(6);
        overview.path("districtOverview.summary.byCriteriaMet")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() { })
                .satisfies(rows -> assertThat(rows).containsExactly(Map.of("criteriaMet", 17, "units", 1),
                        Map.of("criteriaMet", 18, "units", 5), Map.of("criteriaMet", 19, "units", 6)));
        overview.path("districtOverview.units[*].unit.name").entityList(String.class).containsExactly(
                "Thạnh Lợi", "Hưng Thạnh", "Trường Xuân", "Tân Kiều", "Mỹ Hòa", "Mỹ Quý", "Mỹ Đông",
                "Đốc Binh Kiều", "Mỹ An", "Phú Điền", "Láng Biển", "Thanh Mỹ");
        overview.path("districtOverview.units[*].standing.criteriaMet").entityList(Integer.class)
                .containsExactly(18, 18, 19, 17, 18, 18, 19, 19, 19, 19, 19, 18);
    }

    @Test
    void lapVosTwoCandidatesForTheAdvancedTitleStandAtTheirQ1SelfAssessments() {
        // seed 001 lines 43 and 45: Bình Thạnh Trung 16/19 (unmet 5, 10, 15), Tân Khánh Trung 12/19
        for (var candidate : List.of(Map.entry("30205", "16/19"), Map.entry("30181", "12/19"))) {
            graphQl().document("""
                            query($id: ID!) { recognitionCase(caseId: $id) { status year timeline { type summary } } }
                            """).variable("id", candidate.getKey() + "@" + COMMUNE_ADVANCED + "@2024").execute()
                    .path("recognitionCase.status").entity(String.class).isEqualTo("SELF_ASSESSED")
                    .path("recognitionCase.timeline[?(@.type == 'SELF_ASSESSMENT_RECORDED')].summary")
                    .entityList(String.class).satisfies(summaries -> assertThat(summaries).singleElement()
                            .asString().contains(candidate.getValue()));
        }
    }

    @Test
    void phuDienAndTruongXuanAwaitAppraisalOfTheir2023Dossiers() {
        // seed 000 line 36: dossiers submitted to the province "vào năm 2023"
        for (String unit : List.of("30046", "30067")) {
            graphQl().document("query($id: ID!) { recognitionCase(caseId: $id) { status year } }")
                    .variable("id", unit + "@" + COMMUNE_ADVANCED + "@2023").execute()
                    .path("recognitionCase.status").entity(String.class).isEqualTo("VERIFIED")
                    .path("recognitionCase.year").entity(Integer.class).isEqualTo(2023);
        }
    }

    @Test
    void theShippedCriteriaSetsCarryTheirLegalBasisAndProvenance() {
        var sets = graphQl().documentName("criteriaSets").execute();
        sets.path("criteriaSets[*].id").entityList(String.class).contains("civilized-urban-2022",
                "commune-advanced-2021-2025", "commune-ntm-2021-2025", "district-advanced-2021-2025",
                "district-ntm-2021-2025", "dongthap-commune-advanced-2021-2025", "dongthap-commune-ntm-2021-2025",
                "dongthap-district-advanced-2021-2025", "dongthap-district-ntm-2021-2025");
        String dongThap = "criteriaSets[?(@.id == 'dongthap-commune-ntm-2021-2025')]";
        sets.path(dongThap + ".legalBasis.decision").entityList(String.class).containsExactly("863/QĐ-UBND-HC");
        sets.path(dongThap + ".baseSetId").entityList(String.class).containsExactly("commune-ntm-2021-2025");
        sets.path(dongThap + ".criteria[*].code").entityList(String.class).hasSize(19);
        sets.path("criteriaSets[*].provenance").entityList(String.class)
                .satisfies(texts -> assertThat(texts).allSatisfy(text -> assertThat(text).isNotBlank()));
    }

    @Test
    void unitsAreFoundByNameWhateverTheNormalisationAndDiacritics() {
        for (String search : List.of("Tân Kiều", Normalizer.normalize("Tân Kiều", Normalizer.Form.NFD),
                "tan kieu", "TÂN KIỀU", "30049")) {
            graphQl().documentName("units").variable("search", search).execute()
                    .path("units.edges[*].node.code").entityList(String.class).containsExactly("30049");
        }
        graphQl().documentName("unit").variable("code", "30049").execute()
                .path("unit.parent.fullName").entity(String.class).isEqualTo("Huyện Tháp Mười")
                .path("unit.parent.parent.fullName").entity(String.class).isEqualTo("Tỉnh Đồng Tháp")
                .path("unit.standings[*].setId").entityList(String.class).containsExactly(COMMUNE_NTM);
        graphQl().documentName("unit").variable("code", "872").execute()
                .path("unit.children").entityList(Object.class).hasSize(13);
    }

    @Test
    void unitListsArePaginatedWithCursors() {
        var first = graphQl().documentName("units").variable("parent", "872").variable("first", 5).execute();
        first.path("units.edges[*].node.code").entityList(String.class)
                .containsExactly("30037", "30040", "30043", "30046", "30049");
        first.path("units.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("units.pageInfo.endCursor").entity(String.class).get();
        graphQl().documentName("units").variable("parent", "872").variable("first", 10).variable("after", cursor)
                .execute()
                .path("units.edges[*].node.code").entityList(String.class).containsExactly(
                        "30052", "30055", "30058", "30061", "30064", "30067", "30070", "30073")
                .path("units.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }
}
