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
 * — typed errors of a mutation, query errors, refused requests, refused sign-ins; the codes the same in both.
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
