package org.ntmrecords.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.http.MediaType;

/**
 * Messages for people in their language: Vietnamese by default, English when the request's Accept-Language prefers it
 * — typed errors of a mutation (the command side's refusals of every feature), query errors, fields a role may not
 * read, refused requests, refused sign-ins; the codes the same in both; the security log in English.
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
                mutation { recordSelfAssessment(input: { caseId: "30067@dongthap-commune-advanced-2021-2025@2024",
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
}
