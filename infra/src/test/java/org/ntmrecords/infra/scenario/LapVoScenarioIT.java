package org.ntmrecords.infra.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.core.ParameterizedTypeReference;

/**
 * The Lấp Vò scenario of seed 001 (the coordination office's report on Q1/2024), as the demo loader records it and
 * GraphQL shows it. Reads only: the demo, in the shared running service.
 */
class LapVoScenarioIT extends IntegrationTest {
    private static final ParameterizedTypeReference<Map<String, Object>> ROW = new ParameterizedTypeReference<>() { };
    private static final String COMMUNE_NTM = "dongthap-commune-ntm-2021-2025";
    private static final String COMMUNE_ADVANCED = "dongthap-commune-advanced-2021-2025";
    /** The 12 communes of Lấp Vò (reference/units/seed-localities.csv); the township 30169 is not one. */
    private static final List<String> COMMUNES = List.of("30172", "30175", "30178", "30181", "30184", "30187",
            "30190", "30193", "30196", "30199", "30202", "30205");

    private static String code(Map<String, Object> row) {
        return (String) ((Map<?, ?>) row.get("unit")).get("code");
    }

    private static String name(Map<String, Object> row) {
        return (String) ((Map<?, ?>) row.get("body")).get("name");
    }

    @BeforeEach
    void projectionsCaughtUp() {
        awaitProjections();
    }

    @Test
    void allTwelveCommunesOfLapVoStandAt19Of19UnderTheProvincesCommuneSet() {
        // seed 001 line 35: "Đến nay 12 xã duy trì đạt 19/19 tiêu chí xã NTM"
        var overview = graphQl().documentName("districtOverview").variable("district", "875")
                .variable("set", COMMUNE_NTM).execute();
        overview.path("districtOverview.district.fullName").entity(String.class).isEqualTo("Huyện Lấp Vò");
        // other tests of the shared service register sandbox communes (99xxx) under 875: the real ones are read
        List<Map<String, Object>> rows = overview.path("districtOverview.units").entityList(ROW).get().stream()
                .filter(row -> !code(row).startsWith("99")).toList();
        assertThat(rows.stream().map(LapVoScenarioIT::code).toList())
                .containsExactlyInAnyOrderElementsOf(COMMUNES);
        assertThat(rows).allSatisfy(row -> {
            Map<?, ?> standing = (Map<?, ?>) row.get("standing");
            assertThat(standing).as("%s", row.get("unit")).isNotNull();
            assertThat(standing.get("criteriaMet")).as("%s", row.get("unit")).isEqualTo(19);
            assertThat(standing.get("criteriaTotal")).isEqualTo(19);
            assertThat(standing.get("result")).isEqualTo("MET");
        });
    }

    @Test
    void theFiveAdvancedCommunesStandAt19Of19AndTheTwoCandidatesAreNotAmongThem() {
        // seed 001 line 37: "05/12 xã duy trì đạt 19/19 tiêu chí xã NTM nâng cao"
        var overview = graphQl().documentName("districtOverview").variable("district", "875")
                .variable("set", COMMUNE_ADVANCED).execute();
        List<Map<String, Object>> tracked = overview.path("districtOverview.units").entityList(ROW).get().stream()
                .filter(row -> row.get("standing") != null)
                .filter(row -> !code(row).startsWith("99")).toList();
        assertThat(tracked.stream().map(LapVoScenarioIT::code).toList())
                .containsExactlyInAnyOrder("30175", "30178", "30193", "30196", "30199");
        assertThat(tracked).allSatisfy(row -> assertThat(((Map<?, ?>) row.get("standing")).get("criteriaMet"))
                .isEqualTo(19));
    }

    @Test
    void theCoordinationOfficeHadFiveOfSevenSupplementaryReportsBy4April2024() {
        // seed 001 lines 71-73
        var answer = graphQl("lapvo.vpdp").documentName("reportingCompliance").variable("unitCode", "875")
                .variable("dutyId", "vpdp-bo-sung-ho-so-huyen-ntm").variable("asOf", "2024-04-04").execute();
        answer.path("reportingCompliance.owedCount").entity(Integer.class).isEqualTo(7)
                .path("reportingCompliance.reportedCount").entity(Integer.class).isEqualTo(5)
                .path("reportingCompliance.missingCount").entity(Integer.class).isEqualTo(2)
                .path("reportingCompliance.dueDate").valueIsNull();
        List<Map<String, Object>> bodies = answer.path("reportingCompliance.bodies").entityList(ROW).get();
        assertThat(bodies.stream().filter(b -> "MISSING".equals(b.get("status")))
                .map(LapVoScenarioIT::name).toList())
                .containsExactlyInAnyOrder("Tài nguyên và Môi trường", "Chi cục Thống kê Huyện");
        assertThat(bodies.stream().filter(b -> !"MISSING".equals(b.get("status")))
                .map(LapVoScenarioIT::name).toList())
                .containsExactlyInAnyOrder("Kinh tế và Hạ tầng", "Văn hóa và Thông tin", "Giáo dục và Đào tạo",
                        "Nông nghiệp và PTNT", "Văn phòng Điều phối Huyện");
    }

    @Test
    void theRepliesToCongVan38And53AreCountedAsTheSeedNamesThem() {
        // seed 001 line 77: 03 reported (Giáo dục và Đào tạo, Y tế, Công an Huyện), 04 named as not
        graphQl("auditor").documentName("reportingCompliance").variable("unitCode", "875")
                .variable("dutyId", "cv38-ubnd-nnptnt-2024").variable("asOf", "2024-04-04").execute()
                .path("reportingCompliance.owedCount").entity(Integer.class).isEqualTo(7)
                .path("reportingCompliance.reportedCount").entity(Integer.class).isEqualTo(3)
                .path("reportingCompliance.bodies[?(@.status == 'MISSING')].body.name").entityList(String.class)
                .satisfies(names -> assertThat(names).containsExactlyInAnyOrder("Mặt trận Tổ quốc",
                        "Tài nguyên và Môi trường", "Kinh tế và Hạ tầng", "Văn hóa và Thông tin"));
        // seed 001 lines 79-81: 06/8 reported, Tài nguyên và Môi trường and Kinh tế và Hạ tầng not
        graphQl("auditor").documentName("reportingCompliance").variable("unitCode", "875")
                .variable("dutyId", "cv53-ubnd-nnptnt-2024").variable("asOf", "2024-04-04").execute()
                .path("reportingCompliance.owedCount").entity(Integer.class).isEqualTo(8)
                .path("reportingCompliance.reportedCount").entity(Integer.class).isEqualTo(6)
                .path("reportingCompliance.bodies[?(@.status == 'MISSING')].body.name").entityList(String.class)
                .satisfies(names -> assertThat(names).containsExactlyInAnyOrder("Tài nguyên và Môi trường",
                        "Kinh tế và Hạ tầng"));
    }

    @Test
    void theTwoCandidatesKeepTheirSelfAssessedCases() {
        // seed 001 lines 43 and 45: Bình Thạnh Trung 16/19, Tân Khánh Trung 12/19, neither submitted
        for (var candidate : List.of(Map.entry("30205", "16/19"), Map.entry("30181", "12/19"))) {
            graphQl().document("""
                            query($id: ID!) { recognitionCase(caseId: $id) { status year timeline { type summary } } }
                            """).variable("id", candidate.getKey() + "@" + COMMUNE_ADVANCED + "@2024").execute()
                    .path("recognitionCase.status").entity(String.class).isEqualTo("SELF_ASSESSED")
                    .path("recognitionCase.year").entity(Integer.class).isEqualTo(2024)
                    .path("recognitionCase.timeline[?(@.type == 'SELF_ASSESSMENT_RECORDED')].summary")
                    .entityList(String.class).satisfies(summaries -> assertThat(summaries).singleElement()
                            .asString().contains(candidate.getValue()));
        }
    }
}
