package org.ntmrecords.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Messages for people in their language: Vietnamese by default, English when the request's Accept-Language prefers it
 * — typed errors of a mutation (the command side's refusals of every feature), query errors, fields a role may not
 * read, refused requests, refused sign-ins, the API's own refusals of scorecards, recognition cases, evidence (and its
 * files' JSON errors) and reappraisals, query arguments refused, what a store verification found; the codes the same
 * in both; the security log in English.
 */
class LanguageIT extends IntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUTURE_VALUE = """
            mutation { recordIndicatorValue(input: { unitCode: "30049", setId: "dongthap-commune-ntm-2021-2025",
                indicatorCode: "17.7", value: { kind: PERCENTAGE, percentage: 80 }, period: { start: "2099-06-15" } }) {
              entryId errors { code field message } } }""";

    @BeforeEach
    void demoLoaded() {
        awaitProjections();
    }

    private JsonNode post(String user, String language, Object body, String contentType) throws Exception {
        var exchange = anonymous().post().uri("/graphql").contentType(MediaType.parseMediaType(contentType))
                .headers(h -> {
                    if (user != null) {
                        h.setBasicAuth(user, PASSWORD);
                    }
                    if (language != null) {
                        h.set("Accept-Language", language);
                    }
                }).bodyValue(body).exchange().returnResult(String.class);
        return JSON.readTree(new String(exchange.getResponseBodyContent(), StandardCharsets.UTF_8));
    }

    @Test
    void anOperationThatDoesNotFitTheSchemaIsSaidInWordsWithoutTheParsersObjects() throws Exception {
        String unknownInputField = """
                mutation { submitReport(input: { unitCode: "872", dutyId: "317-dinh-ky", submissionId: "s",
                    body: { name: "x" }, submittedOn: "2024-04-09", noteId: "n" }) { errors { code } } }""";
        JsonNode vi = post("thapmuoi.vpdp", null, Map.of("query", unknownInputField), "application/json")
                .path("errors").get(0);
        assertThat(vi.path("message").asText()).isEqualTo("Trường 'noteId' không có trong kiểu SubmitReportInput");
        assertThat(vi.path("extensions").path("code").asText()).isEqualTo("INVALID_QUERY");
        JsonNode en = post("thapmuoi.vpdp", "en", Map.of("query", unknownInputField), "application/json")
                .path("errors").get(0);
        assertThat(en.path("message").asText()).isEqualTo("Field 'noteId' is not in type SubmitReportInput");
        JsonNode undefined = post("auditor", null, Map.of("query", "{ plan(planId: \"x\") { numero } }"),
                "application/json").path("errors").get(0);
        assertThat(undefined.path("message").asText()).isEqualTo("Kiểu Plan không có trường 'numero'");
        JsonNode wrongLiteral = post("auditor", null, Map.of("query",
                "{ planTasks(unitCode: \"30049\", asOf: 20240701) { totalCount } }"), "application/json")
                .path("errors").get(0);
        assertThat(wrongLiteral.path("message").asText()).startsWith("Thao tác không khớp với lược đồ: ")
                .doesNotContain("IntValue{").doesNotContain("ObjectValue{");
    }

    @Test
    void aHistoryIsToldInVietnameseByDefaultAndInEnglishOnRequest() throws Exception {
        // Tân Kiều's 17.7 in the demo: 71,32 % against 85 % (seed 000 line 193), judged not met
        String query = """
                { history(subject: { unitCode: "30049", setId: "dongthap-commune-ntm-2021-2025", indicatorCode: "17.7" },
                          filter: { types: [INDICATOR_VALUE_RECORDED, INDICATOR_JUDGED] }, first: 2) {
                    edges { node { type summary } } } }""";
        JsonNode vi = post("auditor", null, Map.of("query", query), "application/json").path("data").path("history")
                .path("edges");
        JsonNode en = post("auditor", "en", Map.of("query", query), "application/json").path("data").path("history")
                .path("edges");
        assertThat(vi.get(0).path("node").path("summary").asText()).isEqualTo(
                "17.7 = 71,32% cho ngày 26/01/2024 từ UBND huyện Tháp Mười [demo-30049-17.7]");
        assertThat(en.get(0).path("node").path("summary").asText()).isEqualTo(
                "17.7 = 71.32% for 2024-01-26 from UBND huyện Tháp Mười [demo-30049-17.7]");
        assertThat(vi.get(1).path("node").path("summary").asText()).startsWith(
                "17.7 được đánh giá chưa đạt (tính theo ngưỡng, đo được 71,32, ngưỡng 85, dongthap-commune-ntm-2021-2025 "
                        + "phiên bản 1; nguyên nhân ");
        assertThat(en.get(1).path("node").path("summary").asText()).startsWith(
                "17.7 judged NOT_MET (COMPUTED, measured 71.32, threshold 85, dongthap-commune-ntm-2021-2025 v1; cause ");
    }

    @Test
    void aTypedErrorIsInVietnameseByDefaultAndInEnglishOnRequest() throws Exception {
        JsonNode vi = post("tankieu.officer", null, Map.of("query", FUTURE_VALUE), "application/json")
                .path("data").path("recordIndicatorValue").path("errors").get(0);
        JsonNode en = post("tankieu.officer", "en-US,en;q=0.9", Map.of("query", FUTURE_VALUE), "application/json")
                .path("data").path("recordIndicatorValue").path("errors").get(0);
        assertThat(vi.path("code").asText()).isEqualTo("FUTURE_DATE").isEqualTo(en.path("code").asText());
        assertThat(vi.path("field").asText()).isEqualTo(en.path("field").asText());
        assertThat(vi.path("message").asText()).contains("là ngày trong tương lai").contains("15/06/2099");
        assertThat(en.path("message").asText()).contains("is in the future").contains("2099-06-15");
        JsonNode vietnamesePreferred = post("tankieu.officer", "vi-VN,vi;q=0.9,en;q=0.8", Map.of("query", FUTURE_VALUE),
                "application/json").path("data").path("recordIndicatorValue").path("errors").get(0);
        assertThat(vietnamesePreferred.path("message").asText()).contains("là ngày trong tương lai");
        JsonNode unknownLanguage = post("tankieu.officer", "fr-FR", Map.of("query", FUTURE_VALUE), "application/json")
                .path("data").path("recordIndicatorValue").path("errors").get(0);
        assertThat(unknownLanguage.path("message").asText()).as("a language not spoken: Vietnamese")
                .contains("là ngày trong tương lai");
    }

    /** The first typed error of a mutation, asked as {@code user} in {@code language} (null: no Accept-Language). */
    private JsonNode refusal(String user, String language, String mutation, String document) throws Exception {
        JsonNode answer = post(user, language, Map.of("query", document), "application/json");
        assertThat(answer.toString()).doesNotContain("java.", "Exception");
        return answer.path("data").path(mutation).path("errors").get(0);
    }

    /** One refusal in both languages: the same code and field, each message in its language. */
    private void refusedInBothLanguages(String user, String mutation, String document, String code, String vietnamese,
                                        String english) throws Exception {
        JsonNode vi = refusal(user, null, mutation, document);
        JsonNode en = refusal(user, "en", mutation, document);
        assertThat(vi.path("code").asText()).as(mutation).isEqualTo(code).isEqualTo(en.path("code").asText());
        assertThat(vi.path("field").asText()).isEqualTo(en.path("field").asText());
        assertThat(vi.path("message").asText()).contains(vietnamese);
        assertThat(en.path("message").asText()).contains(english);
    }

    @Test
    void theCommandSidesRefusalsOfEveryFeatureFollowTheRequestsLanguage() throws Exception {
        // a value: a share above 100%, the decimals as each language writes them
        refusedInBothLanguages("tankieu.officer", "recordIndicatorValue", """
                mutation { recordIndicatorValue(input: { unitCode: "30049", setId: "dongthap-commune-ntm-2021-2025",
                    indicatorCode: "17.7", value: { kind: RATIO, numerator: 15.2, denominator: 12.5 },
                    period: { start: "2024-06-15" } }) { entryId errors { code field message } } }""",
                "IMPOSSIBLE_RATIO", "Tử số 15,2 lớn hơn mẫu số 12,5: tỷ lệ không thể vượt quá 100%",
                "numerator 15.2 exceeds denominator 12.5: a share cannot be above 100%");
        // access: a commune officer and another commune
        refusedInBothLanguages("tankieu.officer", "recordIndicatorValue", """
                mutation { recordIndicatorValue(input: { unitCode: "30073", setId: "dongthap-commune-ntm-2021-2025",
                    indicatorCode: "17.7", value: { kind: PERCENTAGE, percentage: 80 }, period: { start: "2024-06-15" } }) {
                  entryId errors { code field message } } }""",
                "NOT_ALLOWED", "Đơn vị 30073 nằm ngoài phạm vi quản lý của tankieu.officer (đơn vị 30049)",
                "unit 30073 is outside the jurisdiction of tankieu.officer (unit 30049)");
        // the operators' log keeps the refusal in English, whatever the request's language
        assertThat(jdbc.queryForList("select reason from security.denied_attempt where actor = 'tankieu.officer'"
                + " and target_unit = '30073'", String.class)).isNotEmpty()
                .allSatisfy(reason -> assertThat(reason).isEqualTo(
                        "unit 30073 is outside the jurisdiction of tankieu.officer (unit 30049)"));
        // a role that does not take a step, named in each language
        refusedInBothLanguages("auditor", "trackUnit", """
                mutation { trackUnit(input: { unitCode: "30049", setId: "dongthap-commune-ntm-2021-2025" }) {
                  scorecardId errors { code field message } } }""",
                "NOT_ALLOWED", "Vai trò thanh tra, kiểm toán không được đưa đơn vị vào theo dõi", "AUDITOR may not track units");
        // a recognition case: a step out of its order (the demo's case of 30067 is verified, at the province)
        refusedInBothLanguages("thapmuoi.vpdp", "recordSelfAssessment", """
                mutation { recordSelfAssessment(input: { caseId: "30067@dongthap-commune-advanced-2021-2025@2023",
                    assessments: [{ criterionCode: "1", assessed: MET }] }) { caseId errors { code field message } } }""",
                "OUT_OF_ORDER", "Không thể ghi kết quả tự đánh giá lúc này: hồ sơ đang ở bước “đã thẩm tra”",
                "cannot self-assess now: the case is VERIFIED");
        // reference data: a unit the record does not hold
        refusedInBothLanguages("admin", "renameUnit", """
                mutation { renameUnit(input: { code: "99999", name: "X", fullName: "Xã X" }) {
                  code errors { code field message } } }""",
                "UNKNOWN_UNIT", "Đơn vị 99999 chưa được đăng ký", "unit 99999 is not registered");
    }

    @Test
    void aFieldTheRoleMayNotReadIsRefusedInTheRequestsLanguage() throws Exception {
        String query = "{ accounts(first: 1) { totalCount } }";
        JsonNode vi = post("dashboard", null, Map.of("query", query), "application/json").path("errors").get(0);
        JsonNode en = post("dashboard", "en", Map.of("query", query), "application/json").path("errors").get(0);
        assertThat(vi.path("extensions").path("classification").asText()).isEqualTo("FORBIDDEN")
                .isEqualTo(en.path("extensions").path("classification").asText());
        assertThat(vi.path("message").asText()).isEqualTo("Vai trò này không được đọc Query.accounts");
        assertThat(en.path("message").asText()).isEqualTo("Query.accounts is not readable in this role");
    }

    @Test
    void queryAndRequestErrorsFollowTheSameRule() throws Exception {
        String page = "{ units(first: 500) { totalCount } }";
        assertThat(post("auditor", null, Map.of("query", page), "application/json").path("errors").get(0).path("message").asText())
                .contains("Kích thước trang");
        assertThat(post("auditor", "en", Map.of("query", page), "application/json").path("errors").get(0).path("message").asText())
                .contains("Page size must be");
        String variables = "query($d: Date!) { standingAsOf(unitCode: \"30049\", setId: \"dongthap-commune-ntm-2021-2025\", date: $d) { result } }";
        assertThat(post("auditor", null, Map.of("query", variables, "variables", Map.of("d", "2024-02-30")), "application/json")
                .path("errors").get(0).path("message").asText()).contains("không phải ngày có thật");
        assertThat(post("auditor", "en", "{\"query\": \"{ apiVersion }\"}", "text/plain").path("errors").get(0)
                .path("message").asText()).startsWith("Send the request as Content-Type");
        assertThat(post("auditor", null, "{\"query\": \"{ apiVersion }\"}", "text/plain").path("errors").get(0)
                .path("message").asText()).startsWith("Hãy gửi yêu cầu");
        JsonNode signIn = post(null, null, Map.of("query", "{ apiVersion }"), "application/json");
        assertThat(signIn.path("errors").get(0).path("message").asText()).startsWith("Hãy đăng nhập trước");
        assertThat(signIn.toString()).doesNotContain("java.", "Exception");
    }

    @Test
    void theApisOwnRefusalsOfEveryFeatureFollowTheRequestsLanguage() throws Exception {
        // a recognition step refused by the API's own check, before any case is read: a case id of another form
        refusedInBothLanguages("thapmuoi.vpdp", "submitDossier", """
                mutation { submitDossier(input: { caseId: "30067" }) { caseId errors { code field message } } }""",
                "INVALID_INPUT", "Mã hồ sơ có dạng <mã đơn vị>@<mã bộ tiêu chí>@<năm>",
                "a case id is <unit code>@<set id>@<year>, and a revocation case's <that>@R<year>");
        // a period of a value that ends before it starts (GraphQlInputs), the dates as each language writes them
        refusedInBothLanguages("tankieu.officer", "recordIndicatorValue", """
                mutation { recordIndicatorValue(input: { unitCode: "30049", setId: "dongthap-commune-ntm-2021-2025",
                    indicatorCode: "17.7", value: { kind: PERCENTAGE, percentage: 80 },
                    period: { start: "2024-06-15", end: "2024-01-01" } }) { entryId errors { code field message } } }""",
                "INVALID_PERIOD", "Kỳ kết thúc (01/01/2024) trước khi bắt đầu (15/06/2024)",
                "the period ends (2024-01-01) before it starts (2024-06-15)");
        // a value whose fields are those of another kind (ScorecardMutations)
        refusedInBothLanguages("tankieu.officer", "recordIndicatorValue", """
                mutation { recordIndicatorValue(input: { unitCode: "30049", setId: "dongthap-commune-ntm-2021-2025",
                    indicatorCode: "17.7", value: { kind: PERCENTAGE, count: 80 }, period: { start: "2024-06-15" } }) {
                  entryId errors { code field message } } }""",
                "INVALID_INPUT", "Giá trị loại PERCENTAGE nêu đúng các trường percentage; giá trị này nêu count",
                "a PERCENTAGE value gives exactly percentage; this one gives count");
        // a reappraisal asked of a unit and a district at once: the what-if's refusal, said in the payload
        refusedInBothLanguages("dongthap.appraiser", "orderReappraisal", """
                mutation { orderReappraisal(input: { unitCode: "30049", districtCode: "872",
                    setId: "dongthap-commune-ntm-2021-2025", reason: "rà soát",
                    basis: { number: "IT-1/KH-UBND", date: "2024-12-01", issuer: "UBND tỉnh" } }) {
                  reappraisalId errors { code field message } } }""",
                "INVALID_INPUT", "Hãy nêu unitCode hoặc districtCode, chỉ một trong hai",
                "give either unitCode or districtCode");
        // evidence: a file named that was never uploaded
        refusedInBothLanguages("thapmuoi.vpdp", "attachEvidence", """
                mutation { attachEvidence(input: { target: { unitCode: "30067" }, kind: "biên bản",
                    document: { number: "1/BB", date: "2024-05-02", issuer: "UBND xã" }, fileSha256: "%s" }) {
                  documentId errors { code field message } } }""".formatted("0".repeat(64)),
                "UNKNOWN_FILE", "Chưa có tệp nào được lưu với mã SHA-256 " + "0".repeat(64),
                "no stored file has SHA-256 " + "0".repeat(64) + "; upload it first");
    }

    /** A request to the evidence files' HTTP endpoint as {@code user} in {@code language}: status and JSON body. */
    private JsonNode evidenceFile(String user, String language, boolean upload, HttpStatus status) throws Exception {
        var request = upload
                ? anonymous().post().uri("/evidence/files").contentType(MediaType.TEXT_PLAIN)
                .bodyValue("just text".getBytes(StandardCharsets.UTF_8))
                : anonymous().get().uri("/evidence/files/" + "0".repeat(64));
        var exchange = request.headers(h -> {
            h.setBasicAuth(user, PASSWORD);
            if (language != null) {
                h.set("Accept-Language", language);
            }
        }).exchange().expectStatus().isEqualTo(status).returnResult(String.class);
        String body = new String(exchange.getResponseBodyContent(), StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("java.", "Exception");
        return JSON.readTree(body);
    }

    @Test
    void anEvidenceFileRefusedIsSaidInTheRequestsLanguage() throws Exception {
        JsonNode vi = evidenceFile("thapmuoi.vpdp", null, true, HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode en = evidenceFile("thapmuoi.vpdp", "en", true, HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(vi.path("code").asText()).isEqualTo("FILE_REJECTED").isEqualTo(en.path("code").asText());
        assertThat(vi.path("field").asText()).isEqualTo("file").isEqualTo(en.path("field").asText());
        assertThat(vi.path("message").asText()).startsWith("Không nhận tệp loại text/plain; các loại được nhận:");
        assertThat(en.path("message").asText()).startsWith("files of type text/plain are not accepted; accepted:");
        // a role that does not read evidence files
        assertThat(evidenceFile("dashboard", null, false, HttpStatus.FORBIDDEN).path("message").asText())
                .isEqualTo("Vai trò này không được đọc tệp minh chứng");
        assertThat(evidenceFile("dashboard", "en", false, HttpStatus.FORBIDDEN).path("message").asText())
                .isEqualTo("this role does not read evidence files");
        // a role that does not attach evidence
        assertThat(evidenceFile("auditor", "en", true, HttpStatus.FORBIDDEN).path("code").asText())
                .isEqualTo("NOT_ALLOWED");
    }

    @Test
    void aQueryArgumentRefusedIsSaidInTheRequestsLanguage() throws Exception {
        String future = Instant.now().plusSeconds(3600).toString();
        String query = "{ standingAsOf(unitCode: \"30049\", setId: \"dongthap-commune-ntm-2021-2025\", recordedAt: \""
                + future + "\") { result } }";
        JsonNode vi = post("auditor", null, Map.of("query", query), "application/json").path("errors").get(0);
        JsonNode en = post("auditor", "en", Map.of("query", query), "application/json").path("errors").get(0);
        assertThat(vi.path("extensions").path("classification").asText()).isEqualTo("BAD_REQUEST")
                .isEqualTo(en.path("extensions").path("classification").asText());
        assertThat(vi.path("message").asText()).isEqualTo("recordedAt " + future
                + " là thời điểm trong tương lai: hồ sơ chưa thể cho biết khi đó sẽ ghi nhận những gì");
        assertThat(en.path("message").asText()).isEqualTo("recordedAt " + future
                + " is in the future: the record cannot say yet what it will know then");
        // a list that needs a filter (the query side's own refusal)
        String cases = "{ recognitionCases(first: 5) { totalCount } }";
        assertThat(post("auditor", null, Map.of("query", cases), "application/json").path("errors").get(0)
                .path("message").asText()).isEqualTo("Hãy nêu unitCode, districtCode, status hoặc pendingUnitCode");
        assertThat(post("auditor", "en", Map.of("query", cases), "application/json").path("errors").get(0)
                .path("message").asText()).isEqualTo("give unitCode, districtCode, status or pendingUnitCode");
    }

    @Test
    void whatAStoreVerificationFoundIsSaidInTheRequestsLanguage() throws Exception {
        // a checkpoint as an auditor might keep one, but not signed by this service's key
        String forged = JSON.writeValueAsString(Map.of("format", "ntm-records-checkpoint/2", "checkpointFormat", 2,
                "seq", 1, "globalIndex", 1, "chainHash", "00".repeat(32), "signedAt", "2024-01-01T00:00:00Z",
                "keyId", "forged", "signature", java.util.Base64.getEncoder().encodeToString(new byte[64])));
        JsonNode started = post("auditor", null, Map.of("query",
                "mutation($c: [String!]) { startStoreVerification(input: {checkpoints: $c}) { id errors { message } } }",
                "variables", Map.of("c", List.of(forged))), "application/json");
        String id = started.path("data").path("startStoreVerification").path("id").asText();
        assertThat(id).as(started.toString()).isNotBlank();
        String report = "query($id: ID!) { storeVerification(id: $id) { status problems { kind detail } } }";
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(post("auditor", null, Map.of("query", report,
                "variables", Map.of("id", id)), "application/json").path("data").path("storeVerification")
                .path("status").asText()));
        JsonNode vi = post("auditor", null, Map.of("query", report, "variables", Map.of("id", id)), "application/json")
                .path("data").path("storeVerification").path("problems");
        JsonNode en = post("auditor", "en", Map.of("query", report, "variables", Map.of("id", id)), "application/json")
                .path("data").path("storeVerification").path("problems");
        assertThat(vi.toString()).contains("WITNESS_MISMATCH")
                .contains("Bên lưu đối chứng supplied giữ một điểm kiểm của mắt xích 1 không được ký bằng khoá");
        assertThat(en.toString()).contains("WITNESS_MISMATCH")
                .contains("witness supplied holds a checkpoint of link 1 not signed by this service's key");
        // a document that is not a checkpoint: refused, with the reason in the request's language
        String notOne = "mutation { startStoreVerification(input: {checkpoints: [\"{}\"]}) { id errors { field message } } }";
        assertThat(refusal("auditor", null, "startStoreVerification", notOne).path("message").asText())
                .isEqualTo("checkpoints[0]: không đọc được điểm kiểm (checkpoint): không phải văn bản "
                        + "ntm-records-checkpoint/2");
        assertThat(refusal("auditor", "en", "startStoreVerification", notOne).path("message").asText())
                .isEqualTo("checkpoints[0]: not an ntm-records-checkpoint/2 document");
    }
}
