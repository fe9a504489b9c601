package org.ntmrecords.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * IndicatorStanding.mayRecord / mayDecide and RecognitionCase.mayAct: what a page may offer the signed-in account,
 * asked of the same access rules the mutations are checked by, and agreeing with what the mutation then does.
 * Two sandbox communes of Lấp Vò (875) of this class's own; accounts and an agency of Lấp Vò registered here.
 */
class MayRecordIT extends IntegrationTest {
    private static final String SET = "dongthap-commune-ntm-2021-2025";
    private static final String OWN = "99621";
    private static final String OTHER = "99622";
    /** Lấp Vò's coordination office (seeded): records and decides for every commune of Lấp Vò. */
    private static final String OFFICE = "lapvo.vpdp";
    private static final String OFFICER = "mayrecord.officer";
    private static final String AGENCY_ACCOUNT = "mayrecord.agency";
    private static final String VERIFIER = "mayrecord.verifier";
    private static final String AGENCY = "875-mayrecord";
    /** The one indicator the agency answers for. */
    private static final String AGENCY_INDICATOR = "17.7";
    private static final String ACCOUNT_PASSWORD = "may-record-password-2024";

    @BeforeEach
    void sandbox() {
        sandboxCommune(OWN);
        sandboxCommune(OTHER);
        for (String unit : List.of(OWN, OTHER)) {
            // a second test of this class finds them tracked already (ALREADY_EXISTS)
            graphQl(OFFICE).documentName("trackUnit")
                    .variable("input", Map.of("unitCode", unit, "setId", SET, "region", "dbscl")).execute();
        }
        graphQl("admin").documentName("registerAgency").variable("input", Map.of("agencyId", AGENCY,
                "name", "Phòng thử nghiệm huyện Lấp Vò", "unitCode", "875")).execute();
        graphQl("admin").documentName("assignResponsibility").variable("input", Map.of("agencyId", AGENCY,
                "setId", SET, "criterionCodes", List.of(), "indicatorCodes", List.of(AGENCY_INDICATOR),
                "basis", Map.of("number", "01/KH-UBND", "date", "2024-01-26"))).execute();
        register(OFFICER, "COMMUNE_OFFICER", OWN, null);
        register(AGENCY_ACCOUNT, "DISTRICT_AGENCY", "875", AGENCY);
        register(VERIFIER, "VERIFIER", "875", null);
        awaitProjections();
    }

    private void register(String username, String role, String unit, String agency) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("username", username);
        input.put("displayName", "Tài khoản thử " + username);
        input.put("role", role);
        input.put("unitCode", unit);
        input.put("agencyId", agency);
        input.put("password", ACCOUNT_PASSWORD);
        graphQl("admin").documentName("registerAccount").variable("input", input).execute();
    }

    private GraphQlTester as(String user) {
        return user.startsWith("mayrecord.") ? graphQl(user, ACCOUNT_PASSWORD) : graphQl(user);
    }

    /** Every indicator of the unit's standing: its code → [mayRecord, mayDecide], as the account reads them. */
    private Map<String, List<Boolean>> may(String user, String unit) {
        GraphQlTester.Response response = as(user).documentName("mayRecord")
                .variable("unit", unit).variable("set", SET).execute();
        response.errors().verify();
        List<Map<String, Object>> indicators = response.path("standing.criteria[*].indicators[*]")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .get();
        assertThat(indicators).as("indicators of %s", unit).hasSizeGreaterThanOrEqualTo(19);
        return indicators.stream().collect(Collectors.toMap(i -> (String) i.get("code"),
                i -> List.of((Boolean) i.get("mayRecord"), (Boolean) i.get("mayDecide")), (a, b) -> a,
                LinkedHashMap::new));
    }

    private static List<String> where(Map<String, List<Boolean>> may, int field, boolean value) {
        return may.entrySet().stream().filter(e -> e.getValue().get(field) == value).map(Map.Entry::getKey).toList();
    }

    private static Map<String, Object> valueInput(String unit, String indicator) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("unitCode", unit);
        input.put("setId", SET);
        input.put("indicatorCode", indicator);
        input.put("value", Map.of("kind", "RATIO", "numerator", 1110, "denominator", 1432));
        input.put("period", Map.of("start", "2024-01-01", "end", "2024-03-31"));
        input.put("evidence", List.of(Map.of("number", "12/BC-UBND", "date", "2024-04-02", "issuer", "UBND xã")));
        return input;
    }

    /** The error codes of recordIndicatorValue sent by the account; empty when accepted. */
    private List<String> record(String user, String unit, String indicator) {
        // the payload's errors only: a dashboard reads no more of it
        return as(user).documentName("recordIndicatorValueErrors").variable("input", valueInput(unit, indicator))
                .execute().path("recordIndicatorValue.errors[*].code").entityList(String.class).get();
    }

    @Test
    void aCommuneOfficerMayRecordForItsOwnCommuneOnlyAndTheMutationAgrees() {
        Map<String, List<Boolean>> own = may(OFFICER, OWN);
        assertThat(where(own, 0, false)).as("indicators the officer may not record on its commune").isEmpty();
        // decisions are the district's, the province's and responsible agencies'
        assertThat(where(own, 1, true)).as("indicators the officer may decide").isEmpty();
        Map<String, List<Boolean>> other = may(OFFICER, OTHER);
        assertThat(where(other, 0, true)).as("indicators the officer may record on another commune").isEmpty();

        assertThat(own.get("17.7").get(0)).isTrue();
        assertThat(record(OFFICER, OWN, "17.7")).isEmpty();
        assertThat(other.get("17.7").get(0)).isFalse();
        assertThat(record(OFFICER, OTHER, "17.7")).containsExactly("NOT_ALLOWED");
        assertThat(own.get("17.7").get(1)).isFalse();
        assertThat(as(OFFICER).documentName("recordIndicatorDecision").variable("input", Map.of("unitCode", OWN,
                        "setId", SET, "indicatorCode", "17.7", "result", "MET",
                        "period", Map.of("start", "2024-01-01", "end", "2024-03-31"), "decidedBy", "UBND xã",
                        "basis", List.of(Map.of("number", "5/QĐ-UBND", "date", "2024-04-05"))))
                .execute().path("recordIndicatorDecision.errors[*].code").entityList(String.class).get())
                .containsExactly("NOT_ALLOWED");
    }

    @Test
    void theCoordinationOfficeMayRecordAndDecideOnItsCommunesAndAnotherDistrictsMayNot() {
        for (String unit : List.of(OWN, OTHER)) {
            Map<String, List<Boolean>> may = may(OFFICE, unit);
            assertThat(where(may, 0, false)).as("not recordable by %s on %s", OFFICE, unit).isEmpty();
            assertThat(where(may, 1, false)).as("not decidable by %s on %s", OFFICE, unit).isEmpty();
        }
        assertThat(record(OFFICE, OTHER, "17.7")).isEmpty();
        // Tháp Mười's office: the same role, outside its district; a probe is a question, not a refused command
        long refusedBefore = refusalsOf("thapmuoi.vpdp");
        Map<String, List<Boolean>> elsewhere = may("thapmuoi.vpdp", OTHER);
        assertThat(refusalsOf("thapmuoi.vpdp")).as("security log entries written by the probe").isEqualTo(refusedBefore);
        assertThat(where(elsewhere, 0, true)).isEmpty();
        assertThat(where(elsewhere, 1, true)).isEmpty();
        assertThat(record("thapmuoi.vpdp", OTHER, "17.7")).containsExactly("NOT_ALLOWED");
    }

    /** Refusals of the account in the security log, read as the database owner. */
    private long refusalsOf(String actor) {
        try (java.sql.Connection connection = owner();
             java.sql.PreparedStatement count = connection.prepareStatement(
                     "select count(*) from security.denied_attempt where actor = ?")) {
            count.setString(1, actor);
            try (java.sql.ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDashboardAnAuditorAndAnAdministratorMayRecordNothing() {
        for (String user : List.of("dashboard", "auditor", "admin")) {
            Map<String, List<Boolean>> may = may(user, OWN);
            assertThat(where(may, 0, true)).as("recordable by %s", user).isEmpty();
            assertThat(where(may, 1, true)).as("decidable by %s", user).isEmpty();
        }
        assertThat(record("dashboard", OWN, "17.7")).containsExactly("NOT_ALLOWED");
    }

    @Test
    void aDistrictAgencyMayRecordAndDecideOnlyTheIndicatorsItAnswersFor() {
        Map<String, List<Boolean>> may = may(AGENCY_ACCOUNT, OTHER);
        assertThat(where(may, 0, true)).containsExactly(AGENCY_INDICATOR);
        assertThat(where(may, 1, true)).containsExactly(AGENCY_INDICATOR);
        String notItsOwn = may.keySet().stream().filter(c -> !c.equals(AGENCY_INDICATOR))
                .findFirst().orElseThrow();
        assertThat(record(AGENCY_ACCOUNT, OTHER, notItsOwn)).containsExactly("NOT_ALLOWED");
        assertThat(record(AGENCY_ACCOUNT, OTHER, AGENCY_INDICATOR)).isEmpty();
        // Tháp Mười's agency answers for indicators of Tháp Mười's communes, not Lấp Vò's
        assertThat(where(may("thapmuoi.tnmt", OTHER), 0, true)).isEmpty();
    }

    private List<String> step(String user, String mutation, String inputType, Map<String, Object> input) {
        return as(user).document("mutation($i: " + inputType + "!) { " + mutation + "(input: $i) { errors { code } } }")
                .variable("i", input).execute().path(mutation + ".errors[*].code").entityList(String.class).get();
    }

    private boolean mayAct(String user, String caseId) {
        return as(user).documentName("mayAct").variable("caseId", caseId).execute()
                .path("recognitionCase.mayAct").entity(Boolean.class).get();
    }

    @Test
    void mayActFollowsTheRoleAndJurisdictionOfThePendingStep() {
        String caseId = OWN + "@" + SET + "@2024";
        assertThat(step(OFFICER, "openRecognitionCase", "OpenRecognitionCaseInput",
                Map.of("unitCode", OWN, "setId", SET, "year", 2024))).isEmpty();
        awaitProjections();
        // self-assessment: the commune's officer or its district's office
        assertThat(mayAct(OFFICER, caseId)).isTrue();
        assertThat(mayAct(OFFICE, caseId)).isTrue();
        assertThat(mayAct(VERIFIER, caseId)).isFalse();
        assertThat(mayAct("thapmuoi.vpdp", caseId)).isFalse();
        assertThat(mayAct("dashboard", caseId)).isFalse();
        List<Map<String, Object>> allMet = IntStream.rangeClosed(1, 19).mapToObj(i -> Map.<String, Object>of(
                "criterionCode", String.valueOf(i), "assessed", "MET")).toList();
        assertThat(step(VERIFIER, "recordSelfAssessment", "SelfAssessmentInput",
                Map.of("caseId", caseId, "assessments", allMet))).containsExactly("NOT_ALLOWED");
        assertThat(step(OFFICER, "recordSelfAssessment", "SelfAssessmentInput",
                Map.of("caseId", caseId, "assessments", allMet))).isEmpty();
        assertThat(step(OFFICER, "submitDossier", "DossierInput", Map.of("caseId", caseId))).isEmpty();
        awaitProjections();
        // verification: the district's verifier, not Tháp Mười's, not the commune
        assertThat(mayAct(VERIFIER, caseId)).isTrue();
        assertThat(mayAct("thapmuoi.verifier", caseId)).isFalse();
        assertThat(mayAct(OFFICER, caseId)).isFalse();
        assertThat(mayAct("dongthap.appraiser", caseId)).isFalse();
        assertThat(step("thapmuoi.verifier", "recordVerification", "VerificationInput",
                Map.of("caseId", caseId, "findings", allMet, "forward", true))).containsExactly("NOT_ALLOWED");
        assertThat(step(VERIFIER, "recordVerification", "VerificationInput",
                Map.of("caseId", caseId, "findings", allMet, "forward", true))).isEmpty();
        awaitProjections();
        // appraisal: the province's appraiser
        assertThat(mayAct("dongthap.appraiser", caseId)).isTrue();
        assertThat(mayAct(VERIFIER, caseId)).isFalse();
    }
}
