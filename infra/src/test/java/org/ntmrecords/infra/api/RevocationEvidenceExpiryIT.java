package org.ntmrecords.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Through GraphQL and HTTP: the demo's recognitions and pending cases; a revocation of Thanh Mỹ's 2023 advanced
 * title (at risk in the demo: 14.1 unmet) taken through every step and revoked only with an override; evidence
 * files stored by hash, attached, read back and caught when changed on disk; a certified standard and a
 * civilized-urban title lapsing by deadline, the standard's indicator marked for re-check by the system.
 */
@TestPropertySource(properties = {"ntm.test.isolated=revocation", "ntm.recognition.commune-satisfaction-min=90",
    "db-scheduler.polling-interval=1s", "ntm.evidence.max-file-size=64KB"})
class RevocationEvidenceExpiryIT extends IntegrationTest {
    private static final String ADVANCED = "dongthap-commune-advanced-2021-2025";
    private static final String THANH_MY = "30073@" + ADVANCED + "@2023";
    private static final String REVOCATION = THANH_MY + "@R2025";
    private static final Path EVIDENCE;

    static {
        try {
            EVIDENCE = Files.createTempDirectory("ntm-evidence-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void evidenceDirectory(DynamicPropertyRegistry registry) {
        registry.add("ntm.evidence.directory", EVIDENCE::toString);
    }

    private List<String> errors(String user, String mutation, String inputType, Map<String, Object> input) {
        return graphQl(user).document("mutation($i: " + inputType + "!) { " + mutation + "(input: $i) { errors { code message } } }")
                .variable("i", input).execute().path(mutation + ".errors[*].code").entityList(String.class).get();
    }

    private static List<Map<String, Object>> assessments(String... unmet) {
        List<String> failing = List.of(unmet);
        return IntStream.rangeClosed(1, 19).mapToObj(String::valueOf).map(c -> Map.<String, Object>of(
                "criterionCode", c, "assessed", failing.contains(c) ? "NOT_MET" : "MET")).toList();
    }

    private WebTestClient http(String user) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(user, PASSWORD)).build();
    }

    @Test
    void theDemoHoldsTheSourcesRecognitionsAndTheCasesWaitingForTheProvince() {
        awaitProjections();
        graphQl().document("{ recognitionCases(districtCode: \"872\", status: GRANTED) { totalCount edges { node {"
                        + " caseId decisionNumber setId } } } }")
                .execute().path("recognitionCases.edges[*].node.caseId").entityList(String.class)
                .satisfies(ids -> assertThat(ids).hasSize(16).contains("30049@commune-ntm-2016-2020@2019", THANH_MY))
                .path("recognitionCases.totalCount").entity(Integer.class).isEqualTo(16)
                .path("recognitionCases.edges[*].node.decisionNumber").entityList(String.class)
                .satisfies(numbers -> assertThat(numbers).hasSize(16).containsOnlyNulls());
        // Phú Điền and Trường Xuân at provincial appraisal, Lấp Vò's district case waiting for provincial verification
        graphQl().document("{ recognitionCases(pendingUnitCode: \"87\") { edges { node { caseId pendingStep pendingRoles } } } }")
                .execute()
                .path("recognitionCases.edges[*].node.caseId").entityList(String.class).containsExactly(
                        "30046@" + ADVANCED + "@2023", "30067@" + ADVANCED + "@2023",
                        "875@dongthap-district-ntm-2021-2025@2023");
        graphQl("dongthap.appraiser").document("{ pendingActions { totalCount edges { node { caseId pendingStep } } } }")
                .execute()
                .path("pendingActions.edges[*].node.pendingStep").entityList(String.class)
                .satisfies(steps -> assertThat(steps).containsExactlyInAnyOrder("APPRAISAL", "APPRAISAL", "VERIFICATION"))
                .path("pendingActions.totalCount").entity(Integer.class).isEqualTo(3);
        graphQl("dongthap.chairperson").document("{ pendingActions { totalCount edges { node { caseId } } } }").execute()
                .path("pendingActions.edges").entityList(Object.class).hasSize(0)
                .path("pendingActions.totalCount").entity(Integer.class).isEqualTo(0);
        // Thanh Mỹ: granted in 2023, 18/19 now — at risk, below the revocation thresholds
        graphQl().document("{ recognitionsAtRisk(districtCode: \"872\") { edges { node { recognition { caseId } unmetCriteria "
                        + "revocationTrigger { triggered unmetShare reason provenance } } } } }").execute()
                .path("recognitionsAtRisk.edges[*].node.recognition.caseId").entityList(String.class).contains(THANH_MY)
                .path("recognitionsAtRisk.edges[?(@.node.recognition.caseId == '" + THANH_MY
                        + "')].node.revocationTrigger.triggered")
                .entityList(Boolean.class).containsExactly(false);
        // the planning decisions named in seed 004, attached to Cẩm Ngọc's criterion 1
        graphQl().document("{ evidenceDocuments(unitCode: \"15169\", code: \"1\") { totalCount edges { node { number"
                        + " issuer date } } } }").execute()
                .path("evidenceDocuments.edges[*].node.number").entityList(String.class)
                .containsExactly("2231/QĐ-UBND", "2515/QĐ-UBND")
                .path("evidenceDocuments.totalCount").entity(Integer.class).isEqualTo(2);
        graphQl("dashboard").document("{ evidenceDocuments(unitCode: \"15169\") { edges { node { number } } } }").execute()
                .errors().satisfy(e -> assertThat(e).isNotEmpty());
    }

    @Test
    void aRevocationTakesEveryStepAndRevokingWithoutTheRuleIsAnOverride() throws Exception {
        awaitProjections();
        String office = "thapmuoi.vpdp";
        assertThat(errors("tankieu.officer", "openRevocationCase", "OpenRevocationCaseInput",
                Map.of("recognitionCaseId", THANH_MY, "year", 2025))).containsExactly("NOT_ALLOWED");
        assertThat(errors(office, "openRevocationCase", "OpenRevocationCaseInput",
                Map.of("recognitionCaseId", "30073@" + ADVANCED + "@2020", "year", 2025))).containsExactly("INVALID_INPUT");
        // the payload holds the new case as the read tables show it: the rule's verdict recorded with it
        graphQl(office).document("""
                        mutation($i: OpenRevocationCaseInput!) { openRevocationCase(input: $i) { caseId errors { code }
                          recognitionCase { caseId kind status recognitionCaseId triggerMet pendingStep unit { code } } } }""")
                .variable("i", Map.of("recognitionCaseId", THANH_MY, "year", 2025)).execute()
                .path("openRevocationCase.errors").entityList(Object.class).hasSize(0)
                .path("openRevocationCase.recognitionCase.caseId").entity(String.class).isEqualTo(REVOCATION)
                .path("openRevocationCase.recognitionCase.kind").entity(String.class).isEqualTo("REVOCATION")
                .path("openRevocationCase.recognitionCase.status").entity(String.class).isEqualTo("OPENED")
                .path("openRevocationCase.recognitionCase.recognitionCaseId").entity(String.class).isEqualTo(THANH_MY)
                .path("openRevocationCase.recognitionCase.triggerMet").entity(Boolean.class).isEqualTo(false)
                .path("openRevocationCase.recognitionCase.pendingStep").entity(String.class).isEqualTo("SELF_ASSESSMENT")
                .path("openRevocationCase.recognitionCase.unit.code").entity(String.class).isEqualTo("30073");
        assertThat(errors(office, "recordSelfAssessment", "SelfAssessmentInput",
                Map.of("caseId", REVOCATION, "assessments", assessments("14")))).isEmpty();
        assertThat(errors(office, "recordSatisfactionSurvey", "SatisfactionSurveyInput", Map.of("caseId", REVOCATION,
                "organiser", "Ủy ban MTTQ xã", "date", "2025-03-01", "overallRate", 70))).isEmpty();
        awaitProjections();
        // a subscriber to the case sees the submission
        CompletableFuture<String> next = subscribe(REVOCATION);
        assertThat(errors(office, "submitDossier", "DossierInput", Map.of("caseId", REVOCATION))).isEmpty();
        assertThat(next.get(30, TimeUnit.SECONDS)).isEqualTo("SUBMITTED");
        awaitProjections();
        graphQl("thapmuoi.verifier").document("{ pendingActions { edges { node { caseId pendingStep } } } }").execute()
                .path("pendingActions.edges[*].node.caseId").entityList(String.class).contains(REVOCATION);
        assertThat(errors("thapmuoi.verifier", "recordVerification", "VerificationInput", Map.of("caseId", REVOCATION,
                "findings", assessments("14"), "forward", true))).isEmpty();
        assertThat(errors("dongthap.appraiser", "recordAppraisal", "AppraisalInput", Map.of("caseId", REVOCATION,
                "votesFor", 6, "votesAgainst", 3, "abstentions", 0, "propose", true))).isEmpty();
        // one criterion of 19 unmet: the rule does not call for revocation
        long before = eventCount();
        assertThat(errors("dongthap.chairperson", "decideRecognition", "DecisionInput", Map.of("caseId", REVOCATION,
                "grant", true, "authority", "Chủ tịch UBND tỉnh Đồng Tháp", "decisionDate", "2025-06-01")))
                .containsExactly("INVALID_INPUT");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(errors("dongthap.chairperson", "decideRecognition", "DecisionInput", Map.of("caseId", REVOCATION,
                "grant", true, "authority", "Chủ tịch UBND tỉnh Đồng Tháp", "decisionDate", "2025-06-01",
                "decisionNumber", "R-TEST/QĐ-UBND", "overrideJustification", "kết luận thanh tra"))).isEmpty();
        awaitProjections();
        graphQl().document("""
                        query($r: ID!, $c: ID!) {
                          r: recognitionCase(caseId: $r) { kind status overridden triggerMet recognitionCaseId pendingStep }
                          c: recognitionCase(caseId: $c) { status revokedBy timeline { type } } }""")
                .variable("r", REVOCATION).variable("c", THANH_MY).execute()
                .path("r.kind").entity(String.class).isEqualTo("REVOCATION")
                .path("r.status").entity(String.class).isEqualTo("REVOKED")
                .path("r.overridden").entity(Boolean.class).isEqualTo(true)
                .path("r.triggerMet").entity(Boolean.class).isEqualTo(false)
                .path("r.pendingStep").entity(String.class).isEqualTo("ANNOUNCEMENT")
                .path("c.status").entity(String.class).isEqualTo("REVOKED")
                .path("c.revokedBy").entity(String.class).isEqualTo(REVOCATION)
                .path("c.timeline[*].type").entityList(String.class)
                .contains("RECOGNITION_DECIDED", "REVOCATION_CASE_OPENED", "REVOCATION_DECIDED");
        graphQl().document("{ recognitionsAtRisk(districtCode: \"872\") { edges { node { recognition { caseId } } } } }")
                .execute()
                .path("recognitionsAtRisk.edges[*].node.recognition.caseId").entityList(String.class)
                .doesNotContain(THANH_MY);
        // stored as before recognition and revocation cases were two classes: one aggregate type for both streams
        assertThat(jdbc.queryForList("select distinct type from event_store.domain_event_entry "
                + "where aggregate_identifier in (?, ?)", String.class, "recognition:" + REVOCATION,
                "recognition:" + THANH_MY)).containsExactly("RecognitionCase");
        // a revoked title is not revoked again
        assertThat(errors(office, "openRevocationCase", "OpenRevocationCaseInput",
                Map.of("recognitionCaseId", THANH_MY, "year", 2026))).containsExactly("OUT_OF_ORDER");
    }

    /** The status of the next change of a case, through the GraphQL subscription. */
    private CompletableFuture<String> subscribe(String caseId) {
        return subscriptions.document("subscription($id: ID) { recognitionCaseChanged(caseId: $id) { status } }")
                .variable("id", caseId).executeSubscription()
                .toFlux("recognitionCaseChanged.status", String.class).next().toFuture();
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.graphql.ExecutionGraphQlService graphQlService;
    private org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester subscriptions;

    @org.junit.jupiter.api.BeforeEach
    void subscriptionTester() {
        subscriptions = org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester.create(graphQlService);
    }

    @Test
    void evidenceFilesAreKeptByHashAttachedAndCheckedOnTheWayOut() throws Exception {
        awaitProjections();
        byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        Map<?, ?> stored = http("thapmuoi.vpdp").post().uri("/evidence/files").contentType(MediaType.APPLICATION_PDF)
                .bodyValue(pdf).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody();
        String sha = (String) stored.get("sha256");
        assertThat(sha).matches("[0-9a-f]{64}");
        assertThat(stored.get("mediaType")).isEqualTo("application/pdf");
        // a text file, an oversized file, a reader's upload: refused
        http("thapmuoi.vpdp").post().uri("/evidence/files").bodyValue("just text".getBytes(StandardCharsets.UTF_8))
                .exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectBody().jsonPath("$.code").isEqualTo("FILE_REJECTED");
        byte[] big = new byte[65 * 1024 + 1];
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        http("thapmuoi.vpdp").post().uri("/evidence/files").bodyValue(big).exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectBody().returnResult();
        http("auditor").post().uri("/evidence/files").bodyValue(pdf).exchange().expectStatus().isForbidden()
                .expectBody().returnResult();

        Map<String, Object> attach = Map.of("targetKind", "INDICATOR", "unitCode", "30049",
                "setId", "dongthap-commune-ntm-2021-2025", "code", "17.7", "kind", "biên bản kiểm tra",
                "document", Map.of("number", "12/BB-UBND", "date", "2024-05-02", "issuer", "UBND xã Tân Kiều"),
                "fileSha256", sha, "fileName", "bien-ban.pdf");
        // attached, and read back in the payload as the dossier now holds it
        graphQl("thapmuoi.vpdp").documentName("attachEvidence").variable("input", attach).execute()
                .path("attachEvidence.errors").entityList(Object.class).hasSize(0)
                .path("attachEvidence.document.targetKind").entity(String.class).isEqualTo("INDICATOR")
                .path("attachEvidence.document.code").entity(String.class).isEqualTo("17.7")
                .path("attachEvidence.document.number").entity(String.class).isEqualTo("12/BB-UBND")
                .path("attachEvidence.document.fileSha256").entity(String.class).isEqualTo(sha)
                .path("attachEvidence.document.attachedBy").entity(String.class).isEqualTo("thapmuoi.vpdp")
                .path("attachEvidence.document.withdrawn").entity(Boolean.class).isEqualTo(false);
        Map<String, Object> unknownFile = new java.util.HashMap<>(attach);
        unknownFile.put("fileSha256", "0".repeat(64));
        assertThat(errors("thapmuoi.vpdp", "attachEvidence", "AttachEvidenceInput", unknownFile))
                .containsExactly("UNKNOWN_FILE");
        Map<String, Object> outside = new java.util.HashMap<>(attach);
        outside.put("unitCode", "30199");
        assertThat(errors("thapmuoi.vpdp", "attachEvidence", "AttachEvidenceInput", outside))
                .containsExactly("NOT_ALLOWED");
        awaitProjections();
        graphQl().document("{ evidenceDocuments(unitCode: \"30049\", code: \"17.7\") { edges { node { number fileSha256"
                        + " fileSize mediaType downloadPath attachedBy } } } }")
                .execute()
                .path("evidenceDocuments.edges[0].node.fileSha256").entity(String.class).isEqualTo(sha)
                .path("evidenceDocuments.edges[0].node.fileSize").entity(Long.class).isEqualTo((long) pdf.length)
                .path("evidenceDocuments.edges[0].node.attachedBy").entity(String.class).isEqualTo("thapmuoi.vpdp");
        byte[] read = http("auditor").get().uri("/evidence/files/" + sha).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-SHA256", sha).expectBody(byte[].class).returnResult()
                .getResponseBody();
        assertThat(read).isEqualTo(pdf);
        http("dashboard").get().uri("/evidence/files/" + sha).exchange().expectStatus().isForbidden()
                .expectBody().returnResult();
        // the file changed on disk: refused, not served
        Files.write(EVIDENCE.resolve(sha.substring(0, 2)).resolve(sha), "%PDF-1.4 forged".getBytes(StandardCharsets.US_ASCII));
        http("auditor").get().uri("/evidence/files/" + sha).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("INTEGRITY");
    }

    @Test
    void standardsAndTitlesLapseByDeadlineAndTheSetsEffectIsApplied() {
        awaitProjections();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        Map<String, Object> school = Map.of("unitCode", "872", "subject", "Trường THPT Tháp Mười",
                "standard", "chuẩn quốc gia mức độ 2", "validUntil", "2024-10-31",
                "setId", "dongthap-district-advanced-2021-2025", "indicatorCode", "5.4",
                "document", Map.of("number", "317/KH-UBND", "date", "2024-01-26", "issuer", "UBND huyện Tháp Mười"));
        // the payload holds the standard as expiringSoon lists it, with what its set says a lapse does
        graphQl("thapmuoi.vpdp").document("""
                        mutation($i: CertifyStandardInput!) { certifyStandard(input: $i) { certificationId errors { code }
                          certification { kind id unitCode subject validUntil lapsed setId indicatorCode lapseEffect } } }""")
                .variable("i", school).execute()
                .path("certifyStandard.errors").entityList(Object.class).hasSize(0)
                .path("certifyStandard.certification.kind").entity(String.class).isEqualTo("STANDARD")
                .path("certifyStandard.certification.subject").entity(String.class)
                .isEqualTo("Trường THPT Tháp Mười: chuẩn quốc gia mức độ 2")
                .path("certifyStandard.certification.validUntil").entity(String.class).isEqualTo("2024-10-31")
                .path("certifyStandard.certification.indicatorCode").entity(String.class).isEqualTo("5.4")
                .path("certifyStandard.certification.lapseEffect").entity(String.class).isEqualTo("RECHECK");
        Map<String, Object> soon = new java.util.HashMap<>(school);
        soon.put("subject", "Trường THPT Mỹ Quý");
        soon.put("standard", "chuẩn quốc gia mức độ 1");
        soon.put("validUntil", today.plusDays(30).toString());
        assertThat(errors("thapmuoi.vpdp", "certifyStandard", "CertifyStandardInput", soon)).isEmpty();
        Map<String, Object> bad = new java.util.HashMap<>(school);
        bad.put("indicatorCode", "99.9");
        assertThat(errors("thapmuoi.vpdp", "certifyStandard", "CertifyStandardInput", bad))
                .containsExactly("UNKNOWN_INDICATOR");
        assertThat(errors("tankieu.officer", "certifyStandard", "CertifyStandardInput", school))
                .containsExactly("NOT_ALLOWED");

        // the past validity falls due at once: lapsed, and indicator 5.4 marked for re-check by the system
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            awaitProjections();
            Integer marks = jdbc.queryForObject("""
                    select count(*) from read_model.indicator_entry where scorecard_id = '872@dongthap-district-advanced-2021-2025'
                    and indicator_code = '5.4' and entry_type = 'NOT_ASSESSED'""", Integer.class);
            assertThat(marks).isEqualTo(1);
        });
        graphQl().document("{ expiringSoon(withinDays: 60, districtCode: \"872\", includeLapsed: true) { totalCount edges {"
                        + " node { kind subject validUntil lapsed daysLeft lapseEffect } } } }")
                .execute()
                .path("expiringSoon.edges[*].node.subject").entityList(String.class).containsExactly(
                        "Trường THPT Tháp Mười: chuẩn quốc gia mức độ 2", "Trường THPT Mỹ Quý: chuẩn quốc gia mức độ 1")
                .path("expiringSoon.totalCount").entity(Integer.class).isEqualTo(2)
                .path("expiringSoon.edges[*].node.lapsed").entityList(Boolean.class).containsExactly(true, false)
                .path("expiringSoon.edges[1].node.daysLeft").entity(Integer.class).isEqualTo(30)
                .path("expiringSoon.edges[0].node.lapseEffect").entity(String.class).isEqualTo("RECHECK");
        graphQl().document("{ expiringSoon(districtCode: \"872\") { totalCount edges { node { subject } } } }").execute()
                .path("expiringSoon.edges[*].node.subject").entityList(String.class)
                .containsExactly("Trường THPT Mỹ Quý: chuẩn quốc gia mức độ 1")
                .path("expiringSoon.totalCount").entity(Integer.class).isEqualTo(1);
        graphQl().document("{ history(subject: {unitCode: \"872\", setId: \"dongthap-district-advanced-2021-2025\", "
                        + "indicatorCode: \"5.4\"}, filter: {types: [STANDARD_LAPSED, INDICATOR_MARKED_NOT_ASSESSED]}) "
                        + "{ edges { node { type actor } } } }")
                .execute().path("history.edges[*].node.actor").entityList(String.class)
                .satisfies(actors -> assertThat(actors).hasSize(2).containsOnly("system:expiry"));

        // a civilized-urban title, valid 2 years from its decision of 20/06/2024, lapsed on 20/06/2026
        String township = "30037@civilized-urban-2022@2024";
        String office = "thapmuoi.vpdp";
        assertThat(errors(office, "openRecognitionCase", "OpenRecognitionCaseInput",
                Map.of("unitCode", "30037", "setId", "civilized-urban-2022", "year", 2024))).isEmpty();
        List<Map<String, Object>> nine = IntStream.rangeClosed(1, 9).mapToObj(i -> Map.<String, Object>of(
                "criterionCode", String.valueOf(i), "assessed", "MET")).toList();
        assertThat(errors(office, "recordSelfAssessment", "SelfAssessmentInput",
                Map.of("caseId", township, "assessments", nine))).isEmpty();
        // below the configured commune-level threshold (90%): recorded, and a grant needs an override
        assertThat(errors(office, "recordSatisfactionSurvey", "SatisfactionSurveyInput", Map.of("caseId", township,
                "organiser", "Ủy ban MTTQ thị trấn", "date", "2024-05-01", "overallRate", 88))).isEmpty();
        assertThat(errors(office, "submitDossier", "DossierInput", Map.of("caseId", township))).isEmpty();
        assertThat(errors("thapmuoi.verifier", "recordVerification", "VerificationInput", Map.of("caseId", township,
                "findings", nine, "forward", true))).isEmpty();
        assertThat(errors("dongthap.appraiser", "recordAppraisal", "AppraisalInput", Map.of("caseId", township,
                "votesFor", 7, "votesAgainst", 0, "abstentions", 0, "propose", true))).isEmpty();
        assertThat(errors("dongthap.chairperson", "decideRecognition", "DecisionInput", Map.of("caseId", township,
                "grant", true, "authority", "Chủ tịch UBND tỉnh Đồng Tháp", "decisionDate", "2024-06-20")))
                .containsExactly("INVALID_INPUT");
        assertThat(errors("dongthap.chairperson", "decideRecognition", "DecisionInput", Map.of("caseId", township,
                "grant", true, "authority", "Chủ tịch UBND tỉnh Đồng Tháp", "decisionDate", "2024-06-20",
                "overrideJustification", "khảo sát bổ sung"))).isEmpty();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            awaitProjections();
            graphQl().document("query($id: ID!) { recognitionCase(caseId: $id) { status lapsed validUntil surveyShortfalls overridden } }")
                    .variable("id", township).execute()
                    .path("recognitionCase.status").entity(String.class).isEqualTo("LAPSED")
                    .path("recognitionCase.validUntil").entity(String.class).isEqualTo("2026-06-19")
                    .path("recognitionCase.surveyShortfalls[0]").entity(String.class).isEqualTo("overall 88% below 90%")
                    .path("recognitionCase.overridden").entity(Boolean.class).isEqualTo(true);
        });
    }
}
