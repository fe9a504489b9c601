package org.ntmrecords.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The browser session where local accounts are off ({@code ntm.security.local-accounts=false}): there is no sign-in
 * form, and asking for it says so; and the pages elsewhere that {@code ntm.security.allowed-origins} names may open a
 * WebSocket with the session's cookie, others not.
 */
@TestPropertySource(properties = {"ntm.security.local-accounts=false",
        "ntm.security.allowed-origins=https://app.example.gov.vn/"})
class WebSessionWithoutLocalAccountsIT extends IntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSignInFormIsNotThereAndSaysSo() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/web/session"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(session.statusCode()).isEqualTo(200);
        String token = JSON.readTree(session.body()).path("csrf").path("token").asText();
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/web/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(404);
        JsonNode error = JSON.readTree(signIn.body()).path("errors").path(0);
        assertThat(error.path("extensions").path("code").asText()).isEqualTo("SIGN_IN_UNAVAILABLE");
        assertThat(error.path("message").asText()).isEqualTo(ApiText.say(Message.VIETNAMESE, "webSession.signInUnavailable"));
        // nor does HTTP Basic sign anyone in
        HttpResponse<String> basic = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Basic YWRtaW46eA==")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { username } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(401);
    }

    @Test
    void aConfiguredPageElsewhereMayOpenAWebSocketWithTheSessionsCookie() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/web/session")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        URI graphQl = URI.create("ws://localhost:" + port + "/graphql");
        WebSocket allowed = http.newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .header("Origin", "https://APP.example.gov.vn").buildAsync(graphQl, new WebSocket.Listener() { })
                .get(30, TimeUnit.SECONDS);
        allowed.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
        Throwable refused = catchThrowable(() -> http.newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .header("Origin", "https://app.example.gov.vn.evil.example")
                .buildAsync(graphQl, new WebSocket.Listener() { }).join());
        assertThat(refused).isInstanceOf(CompletionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode()).isEqualTo(403);
    }
}
