package org.ntmrecords.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

/**
 * A commune's recognition case through GraphQL, each step by the account of the right level: Tân Kiều (17/19 in the
 * demo: 13 and 17 not met) claims every criterion, is returned once by the district, resubmits, is proposed by the
 * province, and is granted only with an override, flagged for audit.
 */
@TestPropertySource(properties = "ntm.test.isolated=recognition")
@SuppressWarnings({"unchecked", "rawtypes"})
class RecognitionCaseIT extends IntegrationTest {
    private static final String SET = "dongthap-commune-ntm-2021-2025";
    private static final String CASE = "30049@" + SET + "@2024";
    /** Thanh Mỹ's advanced title of 2023, at risk in the demo (14.1 not met). */
    private static final String THANH_MY = "30073@dongthap-commune-advanced-2021-2025@2023";
    /** Tân Kiều's NTM title of 2019, under the 2016-2020 set (seed 000). */
    private static final String TAN_KIEU_2019 = "30049@commune-ntm-2016-2020@2019";

    /** The case's status, round and next step after each accepted step, as the steps' payloads answered them. */
    private final List<String> statuses = new java.util.ArrayList<>();

    private List<String> errors(String user, String mutation, String inputType, Map<String, Object> input) {
        GraphQlTester.Response response = graphQl(user).document("mutation($i: " + inputType + "!) { " + mutation
                        + "(input: $i) { caseId recognitionCase { caseId status round pendingStep } errors { code message } } }")
                .variable("i", input).execute();
        List<String> errors = response.path(mutation + ".errors[*].code").entityList(String.class).get();
        if (errors.isEmpty()) {
            Map<?, ?> after = response.path(mutation + ".recognitionCase").entity(Map.class).get();
            assertThat(after.get("caseId")).isEqualTo(CASE);
            statuses.add(after.get("status") + " " + after.get("round") + " " + after.get("pendingStep"));
        } else {
            response.path(mutation + ".recognitionCase").valueIsNull();
        }
        return errors;
    }

    private static List<Map<String, Object>> allMet() {
        return IntStream.rangeClosed(1, 19).mapToObj(i -> Map.<String, Object>of("criterionCode", String.valueOf(i),
                "assessed", "MET")).toList();
    }

    @Test
    void aCaseGoesThroughEveryStepWithAReturnedRoundAndAnOverrideFlagged() {
        awaitProjections();
        String officer = "tankieu.officer";
        assertThat(errors(officer, "openRecognitionCase", "OpenRecognitionCaseInput",
                Map.of("unitCode", "30049", "setId", SET, "year", 2024))).isEmpty();
        assertThat(errors(officer, "submitDossier", "DossierInput", Map.of("caseId", CASE)))
                .containsExactly("OUT_OF_ORDER");
        assertThat(errors(officer, "recordSelfAssessment", "SelfAssessmentInput",
                Map.of("caseId", CASE, "assessments", allMet()))).isEmpty();
        assertThat(errors(officer, "recordSatisfactionSurvey", "SatisfactionSurveyInput", Map.of("caseId", CASE,
                "organiser", "Ủy ban MTTQ xã", "date", "2024-06-01", "overallRate", 95))).isEmpty();
        assertThat(errors(officer, "submitDossier", "DossierInput", Map.of("caseId", CASE))).isEmpty();
        // the district returns it once
        assertThat(errors("thapmuoi.verifier", "recordVerification", "VerificationInput", Map.of("caseId", CASE,
                "findings", allMet(), "forward", false, "comments", "bổ sung minh chứng tiêu chí 13"))).isEmpty();
        assertThat(errors(officer, "recordSelfAssessment", "SelfAssessmentInput",
                Map.of("caseId", CASE, "assessments", allMet()))).isEmpty();
        assertThat(errors(officer, "submitDossier", "DossierInput", Map.of("caseId", CASE))).isEmpty();
        // only the district's verifier verifies, only the province appraises and decides
        assertThat(errors("dongthap.appraiser", "recordVerification", "VerificationInput", Map.of("caseId", CASE,
                "findings", allMet(), "forward", true))).containsExactly("NOT_ALLOWED");
        assertThat(errors("thapmuoi.verifier", "recordVerification", "VerificationInput", Map.of("caseId", CASE,
                "findings", allMet(), "forward", true))).isEmpty();
        assertThat(errors("dongthap.appraiser", "recordAppraisal", "AppraisalInput", Map.of("caseId", CASE,
                "votesFor", 9, "votesAgainst", 1, "abstentions", 1, "propose", true))).isEmpty();
        assertThat(errors("dongthap.appraiser", "decideRecognition", "DecisionInput", Map.of("caseId", CASE,
                "grant", true, "authority", "Chủ tịch UBND tỉnh Đồng Tháp"))).containsExactly("NOT_ALLOWED");
        // 13 and 17 are not met as computed: no grant without an override
        long before = eventCount();
        assertThat(errors("dongthap.chairperson", "decideRecognition", "DecisionInput", Map.of("caseId", CASE,
                "grant", true, "authority", "Chủ tịch UBND tỉnh Đồng Tháp", "decisionDate", "2024-06-20")))
                .containsExactly("INVALID_INPUT");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(errors("dongthap.chairperson", "decideRecognition", "DecisionInput", Map.of("caseId", CASE,
                "grant", true, "authority", "Chủ tịch UBND tỉnh Đồng Tháp", "decisionDate", "2024-06-20",
                "overrideJustification", "kiểm tra thực địa"))).isEmpty();
        assertThat(errors("dongthap.chairperson", "announceRecognition", "AnnouncementInput", Map.of("caseId", CASE,
                "date", "2024-06-25", "place", "UBND xã Tân Kiều"))).isEmpty();
        // each accepted step's payload held the case as it stood after that step: status, round and next step
        assertThat(statuses).containsExactly("OPENED 1 SELF_ASSESSMENT", "SELF_ASSESSED 1 SUBMISSION",
                "SELF_ASSESSED 1 SUBMISSION", "SUBMITTED 1 VERIFICATION", "RETURNED 2 SELF_ASSESSMENT",
                "SELF_ASSESSED 2 SUBMISSION", "SUBMITTED 2 VERIFICATION", "VERIFIED 2 APPRAISAL",
                "PROPOSED 2 DECISION", "GRANTED 2 ANNOUNCEMENT", "ANNOUNCED 2 null");
        awaitProjections();

        graphQl().document("""
                        query($id: ID!) { recognitionCase(caseId: $id) { status round granted decisionNumber overridden
                          discrepancies pendingStep unit { code } timeline { type actor summary } } }""")
                .variable("id", CASE).execute()
                .path("recognitionCase.status").entity(String.class).isEqualTo("ANNOUNCED")
                .path("recognitionCase.round").entity(Integer.class).isEqualTo(2)
                .path("recognitionCase.granted").entity(Boolean.class).isEqualTo(true)
                .path("recognitionCase.decisionNumber").valueIsNull()
                .path("recognitionCase.overridden").entity(Boolean.class).isEqualTo(true)
                .path("recognitionCase.discrepancies").entity(Integer.class).satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(6))
                .path("recognitionCase.pendingStep").valueIsNull()
                .path("recognitionCase.timeline[*].type").entityList(String.class).containsExactly(
                        "RECOGNITION_CASE_OPENED", "SELF_ASSESSMENT_RECORDED", "SATISFACTION_SURVEY_RECORDED",
                        "DOSSIER_SUBMITTED", "VERIFICATION_RECORDED", "SELF_ASSESSMENT_RECORDED", "DOSSIER_SUBMITTED",
                        "VERIFICATION_RECORDED", "APPRAISAL_RECORDED", "RECOGNITION_DECIDED", "RECOGNITION_ANNOUNCED")
                .path("recognitionCase.timeline[9].summary").entity(String.class)
                .satisfies(s -> assertThat(s).contains("VƯỢT QUA").contains("13").contains("17").contains("không có số quyết định"));
        graphQl().document("{ recognitionCases(unitCode: \"30049\") { totalCount edges { node { caseId status } } } }")
                .execute()
                .path("recognitionCases.edges[*].node.caseId").entityList(String.class)
                .containsExactly("30049@commune-ntm-2016-2020@2019", CASE)
                .path("recognitionCases.totalCount").entity(Integer.class).isEqualTo(2);
        // the commune claimed 13 and 17 in both self-assessments, and the district agreed twice: 4 × 2 rows
        graphQl().document("{ recognitionDiscrepancies(districtCode: \"872\") { totalCount edges { node { unitCode step"
                        + " round criterionCode assessed computed recordedBy } } } }")
                .execute()
                .path("recognitionDiscrepancies.totalCount").entity(Integer.class).isEqualTo(8)
                .path("recognitionDiscrepancies.edges[*].node.criterionCode").entityList(String.class)
                .satisfies(codes -> assertThat(codes).hasSize(8).containsOnly("13", "17"))
                .path("recognitionDiscrepancies.edges[*].node.step").entityList(String.class)
                .contains("SELF_ASSESSMENT", "VERIFICATION");
        // granted, yet the computed standing falls short: at risk
        List<Map> atRisk = graphQl().document("{ recognitionsAtRisk(districtCode: \"872\") { totalCount edges { node {"
                        + " recognition { caseId } judgedBySetId standing criteriaMet unmetCriteria } } } }")
                .execute().path("recognitionsAtRisk.edges[*].node").entityList(Map.class).get();
        Map<String, Map> byCase = new java.util.HashMap<>();
        atRisk.forEach(r -> byCase.put((String) ((Map<?, ?>) r.get("recognition")).get("caseId"), r));
        assertThat(byCase).containsKeys(CASE, THANH_MY, TAN_KIEU_2019);
        assertThat(byCase.get(CASE).get("unmetCriteria")).isEqualTo(List.of("13", "17"));
        assertThat(byCase.get(CASE).get("criteriaMet")).isEqualTo(17);
        assertThat(byCase.get(THANH_MY).get("unmetCriteria")).isEqualTo(List.of("14"));
        // Tân Kiều's title of 2019 under the 2016-2020 set is judged by the province's current NTM set, which
        // replaces it (through the national set's recognition.replaces)
        assertThat(byCase.get(TAN_KIEU_2019).get("judgedBySetId")).isEqualTo(SET);
        assertThat(byCase.get(TAN_KIEU_2019).get("unmetCriteria")).isEqualTo(List.of("13", "17"));
        assertThat(byCase.values()).allSatisfy(r -> assertThat(r.get("standing")).isEqualTo("NOT_MET"));
        graphQl().document("{ recognitionDiscrepancies(criterionCode: \"17\") { edges { node { unitCode computed } } } }")
                .execute()
                .path("recognitionDiscrepancies.edges[*].node.unitCode").entityList(String.class)
                .satisfies(units -> assertThat(units).isNotEmpty().containsOnly("30049"))
                .path("recognitionDiscrepancies.edges[0].node.computed").entity(String.class).isEqualTo("NOT_MET");
        recognitionsAtRiskArePagedBothWays();
    }

    private static final String AT_RISK = """
            query($first: Int, $after: String, $last: Int, $before: String) {
              recognitionsAtRisk(unitCode: "30049", first: $first, after: $after, last: $last, before: $before) {
                totalCount pageInfo { hasPreviousPage hasNextPage startCursor endCursor }
                edges { cursor node { recognition { caseId } } } } }""";

    /** Tân Kiều's title of 2019 and its new one, one a page: forward, backward, and a foreign cursor refused. */
    private void recognitionsAtRiskArePagedBothWays() {
        GraphQlTester.Response first = graphQl().document(AT_RISK).variable("first", 1).execute();
        first.path("recognitionsAtRisk.edges[*].node.recognition.caseId").entityList(String.class).containsExactly(TAN_KIEU_2019)
                .path("recognitionsAtRisk.totalCount").entity(Integer.class).isEqualTo(2)
                .path("recognitionsAtRisk.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false)
                .path("recognitionsAtRisk.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String end = first.path("recognitionsAtRisk.pageInfo.endCursor").entity(String.class).get();
        GraphQlTester.Response second = graphQl().document(AT_RISK).variable("first", 1).variable("after", end).execute();
        second.path("recognitionsAtRisk.edges[*].node.recognition.caseId").entityList(String.class)
                .containsExactly(CASE)
                .path("recognitionsAtRisk.totalCount").entity(Integer.class).isEqualTo(2)
                .path("recognitionsAtRisk.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true)
                .path("recognitionsAtRisk.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

        GraphQlTester.Response last = graphQl().document(AT_RISK).variable("last", 1).execute();
        last.path("recognitionsAtRisk.edges[*].node.recognition.caseId").entityList(String.class)
                .containsExactly(CASE)
                .path("recognitionsAtRisk.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true)
                .path("recognitionsAtRisk.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        String start = last.path("recognitionsAtRisk.pageInfo.startCursor").entity(String.class).get();
        graphQl().document(AT_RISK).variable("last", 1).variable("before", start).execute()
                .path("recognitionsAtRisk.edges[*].node.recognition.caseId").entityList(String.class)
                .containsExactly(TAN_KIEU_2019)
                .path("recognitionsAtRisk.totalCount").entity(Integer.class).isEqualTo(2)
                .path("recognitionsAtRisk.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false)
                .path("recognitionsAtRisk.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);

        // a cursor of the cases list, though it names the same case by the same keys, is not this list's
        String casesCursor = graphQl().document("{ recognitionCases(unitCode: \"30049\", first: 1) { pageInfo { endCursor } } }")
                .execute().path("recognitionCases.pageInfo.endCursor").entity(String.class).get();
        graphQl().document(AT_RISK).variable("first", 1).variable("after", casesCursor).execute()
                .errors().expect(e -> e.getErrorType() == org.springframework.graphql.execution.ErrorType.BAD_REQUEST
                        && e.getMessage().contains("không do danh sách này cấp")
                        && e.getPath().equals("recognitionsAtRisk")).verify();
    }
}
