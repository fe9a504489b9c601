package org.ntmrecords.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

/**
 * Lấp Vò's district NTM case (seed 001: the dossier sent to the province, then "trình Trung ương thẩm định") from the
 * province's verification through the central appraisal — returned once with the ministries' comments, as Châu
 * Thành's was — to the Prime Minister's decision and the province's announcement. The district's conditions are
 * judged from the record: 5 of its 12 communes hold a title in the demo (the 5 advanced ones), its township none, so a
 * grant is refused until an override is recorded, and the decision keeps each condition's judgment.
 */
@TestPropertySource(properties = "ntm.test.isolated=district-recognition")
@SuppressWarnings("unchecked")
class DistrictRecognitionIT extends IntegrationTest {
    private static final String SET = "dongthap-district-ntm-2021-2025";
    private static final String CASE = "875@" + SET + "@2023";
    private static final String CONDITIONS = "conditions { code kind judgment minPercent percent held lacking explanation }";
    private static final ParameterizedTypeReference<Map<String, Object>> CONDITION = new ParameterizedTypeReference<>() { };

    private GraphQlTester.Response step(String user, String mutation, String inputType, Map<String, Object> input) {
        return graphQl(user).document("mutation($i: " + inputType + "!) { " + mutation
                        + "(input: $i) { caseId recognitionCase { status round pendingStep pendingRoles pendingCentral }"
                        + " errors { code field message } } }")
                .variable("i", input).execute();
    }

    private List<String> errors(String user, String mutation, String inputType, Map<String, Object> input) {
        return step(user, mutation, inputType, input).path(mutation + ".errors[*].code").entityList(String.class).get();
    }

    private static List<Map<String, Object>> nineMet() {
        return IntStream.rangeClosed(1, 9).mapToObj(i -> Map.<String, Object>of("criterionCode", String.valueOf(i),
                "assessed", "MET")).toList();
    }

    private Map<?, ?> condition(String code) {
        List<Map<String, Object>> all = graphQl("lapvo.vpdp").document("query($id: ID!) {"
                        + " recognitionCase(caseId: $id) { " + CONDITIONS + " } }").variable("id", CASE).execute()
                .path("recognitionCase.conditions").entityList(CONDITION).get();
        return all.stream().filter(c -> code.equals(c.get("code"))).findFirst().orElseThrow();
    }

    @Test
    void theDistrictCaseGoesThroughTheCentralStepsToADecisionWithItsConditionsJudged() {
        awaitProjections();
        // as the demo leaves it: submitted, waiting for the province's verification
        graphQl().document("query($id: ID!) { recognitionCase(caseId: $id) { status pendingStep pendingRoles"
                        + " pendingUnitCode pendingCentral " + CONDITIONS + " } }")
                .variable("id", CASE).execute()
                .path("recognitionCase.status").entity(String.class).isEqualTo("SUBMITTED")
                .path("recognitionCase.pendingUnitCode").entity(String.class).isEqualTo("87")
                .path("recognitionCase.pendingCentral").entity(Boolean.class).isEqualTo(false)
                .path("recognitionCase.conditions[*].code").entityList(String.class).containsExactly("1", "2", "3", "4", "5")
                .path("recognitionCase.conditions[*].judgment").entityList(String.class)
                .containsExactly("NOT_MET", "MET", "NOT_MET", "NOT_ASSESSED", "NOT_ASSESSED");
        Map<?, ?> communes = condition("1");
        assertThat((List<Object>) communes.get("held")).containsExactlyInAnyOrder("30175", "30178", "30193", "30196", "30199");
        assertThat((List<Object>) communes.get("lacking")).hasSize(7).contains("30172", "30205").doesNotContain("30169");
        assertThat((String) communes.get("explanation")).startsWith("Chưa đạt: 5/12").contains("41,67 %")
                .contains("Bình Thạnh Trung (30205)");
        assertThat((String) condition("2").get("explanation")).startsWith("Đạt: 5/12").contains("từ 10 % trở lên");
        assertThat((List<Object>) condition("3").get("lacking")).containsExactly("30169");

        // the province verifies a district's dossier, the district cannot
        assertThat(errors("lapvo.vpdp", "recordVerification", "VerificationInput", Map.of("caseId", CASE,
                "findings", nineMet(), "forward", true))).containsExactly("NOT_ALLOWED");
        step("dongthap.appraiser", "recordVerification", "VerificationInput", Map.of("caseId", CASE,
                "findings", nineMet(), "forward", true, "noConstructionDebt", true))
                .path("recordVerification.errors").entityList(Object.class).hasSize(0)
                .path("recordVerification.recognitionCase.pendingStep").entity(String.class).isEqualTo("APPRAISAL")
                .path("recordVerification.recognitionCase.pendingRoles").entityList(String.class)
                .containsExactly("CENTRAL_APPRAISER")
                .path("recordVerification.recognitionCase.pendingCentral").entity(Boolean.class).isEqualTo(true);
        assertThat(condition("5").get("judgment")).isEqualTo("MET");

        // the central appraisal: not the province's; a body comments once; returned with the ministries' comments
        step("dongthap.appraiser", "recordAppraisal", "AppraisalInput", Map.of("caseId", CASE, "votesFor", 9,
                "votesAgainst", 0, "abstentions", 0, "propose", true))
                .path("recordAppraisal.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED")
                .path("recordAppraisal.errors[0].message").entity(String.class)
                .satisfies(m -> assertThat(m).contains("Trung ương").contains("Hội đồng thẩm định Trung ương"));
        long before = eventCount();
        step("trunguong.appraiser", "recordAppraisal", "AppraisalInput", Map.of("caseId", CASE, "votesFor", 0,
                "votesAgainst", 5, "abstentions", 0, "propose", false, "comments", "hoàn thiện hồ sơ minh chứng",
                "bodyComments", List.of(Map.of("body", "Bộ Xây dựng", "comment", "bổ sung minh chứng tiêu chí 1"),
                        Map.of("body", "Bộ Xây dựng", "comment", "lần hai"))))
                .path("recordAppraisal.errors[0].field").entity(String.class).isEqualTo("bodyComments[1].body");
        assertThat(eventCount()).isEqualTo(before);
        step("trunguong.appraiser", "recordAppraisal", "AppraisalInput", Map.of("caseId", CASE, "votesFor", 0,
                "votesAgainst", 5, "abstentions", 0, "propose", false, "comments", "hoàn thiện hồ sơ minh chứng",
                "bodyComments", List.of(Map.of("body", "Bộ Xây dựng", "comment", "bổ sung minh chứng tiêu chí 1"),
                        Map.of("body", "Bộ Tài nguyên và Môi trường", "comment", "bổ sung số liệu tiêu chí 7"))))
                .path("recordAppraisal.errors").entityList(Object.class).hasSize(0)
                .path("recordAppraisal.recognitionCase.status").entity(String.class).isEqualTo("RETURNED")
                .path("recordAppraisal.recognitionCase.round").entity(Integer.class).isEqualTo(2);
        assertThat(jdbc.queryForObject("select convert_from(payload, 'UTF8') from event_store.domain_event_entry where"
                + " aggregate_identifier = ? and payload_type like '%AppraisalRecordedEvent' order by sequence_number"
                + " desc limit 1", String.class, "recognition:" + CASE))
                .contains("Bộ Tài nguyên và Môi trường").contains("bổ sung số liệu tiêu chí 7");

        // round 2: the district completes the dossier, surveys, resubmits; the province verifies again
        assertThat(errors("lapvo.vpdp", "recordSelfAssessment", "SelfAssessmentInput",
                Map.of("caseId", CASE, "assessments", nineMet()))).isEmpty();
        assertThat(errors("lapvo.vpdp", "recordSatisfactionSurvey", "SatisfactionSurveyInput", Map.of("caseId", CASE,
                "organiser", "Ủy ban MTTQ huyện", "date", "2024-05-10", "overallRate", 92,
                "unitRates", List.of(Map.of("subject", "Mỹ An Hưng A", "rate", 85))))).isEmpty();
        assertThat(errors("lapvo.vpdp", "submitDossier", "DossierInput", Map.of("caseId", CASE))).isEmpty();
        assertThat(errors("dongthap.appraiser", "recordVerification", "VerificationInput", Map.of("caseId", CASE,
                "findings", nineMet(), "forward", true, "noConstructionDebt", true))).isEmpty();
        assertThat(errors("trunguong.appraiser", "recordAppraisal", "AppraisalInput", Map.of("caseId", CASE,
                "votesFor", 7, "votesAgainst", 0, "abstentions", 1, "propose", true))).isEmpty();
        assertThat(condition("4").get("judgment")).isEqualTo("MET");
        assertThat((String) condition("4").get("explanation"))
                .isEqualTo("Đạt: tỷ lệ hài lòng chung 92 %, không có tỷ lệ nào dưới ngưỡng");

        // the decision is the Prime Minister's; with communes and the township lacking titles, only with an override
        assertThat(errors("dongthap.chairperson", "decideRecognition", "DecisionInput", Map.of("caseId", CASE,
                "grant", true, "authority", "Chủ tịch UBND tỉnh Đồng Tháp"))).containsExactly("NOT_ALLOWED");
        before = eventCount();
        step("trunguong.authority", "decideRecognition", "DecisionInput", Map.of("caseId", CASE, "grant", true,
                "authority", "Thủ tướng Chính phủ", "decisionDate", "2024-06-20"))
                .path("decideRecognition.errors[0].field").entity(String.class).isEqualTo("overrideJustification")
                .path("decideRecognition.errors[0].message").entity(String.class)
                .satisfies(m -> assertThat(m).contains("điều kiện").contains("[1, 3]"));
        assertThat(eventCount()).isEqualTo(before);

        // a title recorded for one more commune is counted at once
        assertThat(graphQl("admin").document("""
                        mutation { recordPriorRecognition(input: {unitCode: "30184", setId: "dongthap-commune-ntm-2021-2025",
                          grade: NTM, year: 2022, authority: "UBND Tỉnh Đồng Tháp",
                          source: {number: "IT/2022", title: "quyết định công nhận (dữ liệu kiểm thử)"}}) {
                          errors { code message } } }""").execute()
                .path("recordPriorRecognition.errors").entityList(Object.class).get()).isEmpty();
        awaitProjections();
        assertThat(condition("1").get("held")).asInstanceOf(LIST).hasSize(6).contains("30184");

        assertThat(errors("trunguong.authority", "decideRecognition", "DecisionInput", Map.of("caseId", CASE,
                "grant", true, "authority", "Thủ tướng Chính phủ", "decisionDate", "2024-06-20",
                "overrideJustification", "các xã còn lại đã được công nhận, quyết định chưa nhập vào hệ thống")))
                .isEmpty();
        assertThat(errors("trunguong.authority", "announceRecognition", "AnnouncementInput", Map.of("caseId", CASE,
                "date", "2024-07-01", "place", "Huyện Lấp Vò"))).containsExactly("NOT_ALLOWED");
        assertThat(errors("dongthap.chairperson", "announceRecognition", "AnnouncementInput", Map.of("caseId", CASE,
                "date", "2024-07-01", "place", "Huyện Lấp Vò"))).isEmpty();
        awaitProjections();

        graphQl().document("query($id: ID!) { recognitionCase(caseId: $id) { status round granted overridden"
                        + " noConstructionDebt decidedConditions { code judgment percent explanation }"
                        + " timeline { type actor } } }")
                .variable("id", CASE).execute()
                .path("recognitionCase.status").entity(String.class).isEqualTo("ANNOUNCED")
                .path("recognitionCase.round").entity(Integer.class).isEqualTo(2)
                .path("recognitionCase.granted").entity(Boolean.class).isEqualTo(true)
                .path("recognitionCase.overridden").entity(Boolean.class).isEqualTo(true)
                .path("recognitionCase.noConstructionDebt").entity(Boolean.class).isEqualTo(true)
                .path("recognitionCase.decidedConditions[*].judgment").entityList(String.class)
                .containsExactly("NOT_MET", "MET", "NOT_MET", "MET", "MET")
                .path("recognitionCase.decidedConditions[0].percent").entity(Double.class).isEqualTo(50.0)
                .path("recognitionCase.timeline[*].actor").entityList(String.class)
                .contains("trunguong.appraiser", "trunguong.authority", "dongthap.chairperson");
        // English on request
        graphQl().mutate().header("Accept-Language", "en").build()
                .document("query($id: ID!) { recognitionCase(caseId: $id) { decidedConditions { explanation } } }")
                .variable("id", CASE).execute()
                .path("recognitionCase.decidedConditions[0].explanation").entity(String.class)
                .satisfies(e -> assertThat(e).startsWith("Not met: 6/12").contains("50 %"));
    }
}
