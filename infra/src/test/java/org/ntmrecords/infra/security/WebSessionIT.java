package org.ntmrecords.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.support.IntegrationTest;

/**
 * The web application's browser session, driven as a browser drives it: raw HTTP with a cookie jar. The session
 * gives a CSRF token, the sign-in form signs it in (a new session id and a new token), GraphQL over HTTP and over
 * graphql-ws then runs as the account, and sign-out ends it. Without the token nothing is executed; a refused sign-in is
 * logged and throttled as a refused HTTP Basic one; HTTP Basic clients get no session and need no token; a WebSocket
 * opened by a page elsewhere with the session's cookie is refused.
 */
class WebSessionIT extends IntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ME = "{ me { username role } }";
    private static final String REGISTER = """
            mutation($i: RegisterAccountInput!) { registerAccount(input: $i) { errors { code } } }""";

    @BeforeEach
    void demoLoaded() {
        awaitProjections();
    }

    /** A browser tab of the web application: one cookie jar, the CSRF token it was last given. */
    private final class Tab {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
        String token;

        HttpResponse<String> session() throws IOException, InterruptedException {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/web/session")).GET());
            token = json(answer).path("csrf").path("token").asText(null);
            return answer;
        }

        HttpResponse<String> signIn(String username, String password, String language)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri("/web/sign-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + form(username) + "&password=" + form(password)));
            if (token != null) {
                request.header("X-CSRF-TOKEN", token);
            }
            if (language != null) {
                request.header("Accept-Language", language);
            }
            HttpResponse<String> answer = send(request);
            if (answer.statusCode() == 200) {
                token = json(answer).path("csrf").path("token").asText(null);
            }
            return answer;
        }

        HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
            return signIn(username, password, null);
        }

        HttpResponse<String> graphQl(String document, Map<String, Object> variables, String csrfToken)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri("/graphql"))
                    .header("Content-Type", "application/json").header("X-Requested-With", "XMLHttpRequest")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            variables == null ? Map.of("query", document) : Map.of("query", document, "variables", variables))));
            if (csrfToken != null) {
                request.header("X-CSRF-TOKEN", csrfToken);
            }
            return send(request);
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        String sessionId() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        /** A tab signed in as this account, with the token for after sign-in. */
        Tab signedInAs(String username, String password) throws IOException, InterruptedException {
            assertThat(session().statusCode()).isEqualTo(200);
            HttpResponse<String> signedIn = signIn(username, password);
            assertThat(signedIn.statusCode()).as("sign-in: %s", signedIn.body()).isEqualTo(200);
            return this;
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
    }

    private static JsonNode error(HttpResponse<String> answer) {
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return json(answer).path("errors").path(0);
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private void register(String username, String password, String role) {
        graphQl("admin").document(REGISTER).variable("i", Map.of("username", username, "displayName", username,
                "role", role, "password", password)).execute().path("registerAccount.errors").entityList(Object.class).hasSize(0);
    }

    private int deniedSignIns(String actor, String command) {
        Integer count = jdbc.queryForObject("select count(*) from security.denied_attempt where actor = ? and command = ?",
                Integer.class, actor, command);
        return count == null ? 0 : count;
    }

    @Test
    void aSignedInSessionRunsGraphQlAsItsAccountWithItsToken() throws Exception {
        Tab tab = new Tab();
        HttpResponse<String> session = tab.session();
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(json(session).path("signedIn").asBoolean(true)).isFalse();
        assertThat(json(session).path("csrf").path("header").asText()).isEqualTo("X-CSRF-TOKEN");
        assertThat(tab.token).isNotBlank();
        String cookie = session.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        String before = tab.sessionId();
        String tokenBefore = tab.token;

        HttpResponse<String> signedIn = tab.signIn("thapmuoi.vpdp", PASSWORD);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(json(signedIn).path("signedIn").asBoolean()).isTrue();
        assertThat(json(signedIn).path("csrf").path("header").asText()).isEqualTo("X-CSRF-TOKEN");
        assertThat(tab.token).isNotBlank().isNotEqualTo(tokenBefore);
        assertThat(tab.sessionId()).as("a new session id at sign-in").isNotNull().isNotEqualTo(before);

        HttpResponse<String> me = tab.graphQl(ME, null, tab.token);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(json(me).path("data").path("me").path("username").asText()).isEqualTo("thapmuoi.vpdp");
        assertThat(json(me).path("data").path("me").path("role").asText()).isEqualTo("DISTRICT_COORDINATION_OFFICE");
        // the token of before the sign-in is no longer the session's
        assertThat(error(tab.graphQl(ME, null, tokenBefore)).path("extensions").path("code").asText())
                .isEqualTo("CSRF_REFUSED");
        // a later look at the session says it is signed in, and its tokens keep working
        HttpResponse<String> again = tab.session();
        assertThat(json(again).path("signedIn").asBoolean()).isTrue();
        assertThat(tab.graphQl(ME, null, tab.token).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutItsTokenASessionsRequestIsRefusedAndNothingIsExecuted() throws Exception {
        Tab tab = new Tab().signedInAs("admin", PASSWORD);
        Map<String, Object> input = Map.of("i", Map.of("username", "websession.forged", "displayName", "Forged",
                "role", "AUDITOR", "password", "forged-password-1"));
        long events = eventCount();
        HttpResponse<String> without = tab.graphQl(REGISTER, input, null);
        assertThat(without.statusCode()).as(without.body()).isEqualTo(403);
        assertThat(error(without).path("extensions").path("code").asText()).isEqualTo("CSRF_REFUSED");
        assertThat(error(without).path("extensions").path("classification").asText()).isEqualTo("FORBIDDEN");
        assertThat(error(without).path("message").asText()).isEqualTo(ApiText.say(Message.VIETNAMESE, "webSession.csrfRefused"));
        HttpResponse<String> wrong = tab.graphQl(REGISTER, input, "not-the-token");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(error(wrong).path("extensions").path("code").asText()).isEqualTo("CSRF_REFUSED");
        assertThat(eventCount()).as("nothing stored").isEqualTo(events);
        // the same request with the token is carried out: the refusal was the token's alone
        HttpResponse<String> with = tab.graphQl(REGISTER, input, tab.token);
        assertThat(with.statusCode()).as(with.body()).isEqualTo(200);
        assertThat(json(with).path("data").path("registerAccount").path("errors").size()).isZero();
        assertThat(eventCount()).isGreaterThan(events);
    }

    @Test
    void theSignInFormNeedsTheToken() throws Exception {
        Tab tab = new Tab();
        tab.session();
        tab.token = null;
        HttpResponse<String> refused = tab.signIn("thapmuoi.vpdp", PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(error(refused).path("extensions").path("code").asText()).isEqualTo("CSRF_REFUSED");
        // nor without any session at all (no signing a browser into an account of someone else's choosing)
        Tab fresh = new Tab();
        assertThat(fresh.signIn("thapmuoi.vpdp", PASSWORD).statusCode()).isEqualTo(403);
        assertThat(fresh.graphQl(ME, null, fresh.token).statusCode()).isEqualTo(403);
        fresh.session();
        assertThat(json(fresh.session()).path("signedIn").asBoolean()).isFalse();
        assertThat(fresh.graphQl(ME, null, fresh.token).statusCode()).isEqualTo(401);
    }

    @Test
    void aRefusedSignInIsAnsweredLoggedAndThrottledAsABasicOneIs() throws Exception {
        register("websession.clerk", "clerk-password-1", "AUDITOR");
        Tab tab = new Tab();
        tab.session();
        int logged = deniedSignIns("websession.clerk", "SIGN_IN");
        HttpResponse<String> wrong = tab.signIn("websession.clerk", "not-the-password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(error(wrong).path("message").asText()).isEqualTo(ApiText.say(Message.VIETNAMESE, "signIn.failed"))
                .startsWith("Đăng nhập không thành công");
        assertThat(error(wrong).path("extensions").path("classification").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(error(wrong).path("extensions").path("code").asText()).isEqualTo("SIGN_IN_FAILED");
        assertThat(deniedSignIns("websession.clerk", "SIGN_IN")).as("logged").isEqualTo(logged + 1);
        assertThat(jdbc.queryForList("select reason from security.denied_attempt where actor = 'websession.clerk'",
                String.class)).allSatisfy(reason -> assertThat(reason).doesNotContain("not-the-password"))
                .anySatisfy(reason -> assertThat(reason).startsWith("bad credentials"));
        HttpResponse<String> english = tab.signIn("websession.clerk", "not-the-password", "en");
        assertThat(english.statusCode()).isEqualTo(401);
        assertThat(error(english).path("message").asText()).isEqualTo(ApiText.say(Locale.ENGLISH, "signIn.failed"));
        HttpResponse<String> unknown = tab.signIn("websession.nobody", PASSWORD);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(error(unknown).path("extensions").path("code").asText()).isEqualTo("SIGN_IN_FAILED");
        assertThat(deniedSignIns("websession.nobody", "SIGN_IN")).isEqualTo(1);
        // the session is still not signed in, and its token still the one it was given
        assertThat(tab.graphQl(ME, null, tab.token).statusCode()).isEqualTo(401);
        // five failures of the account from this address: then even the right password waits
        for (int i = 0; i < 3; i++) {
            assertThat(tab.signIn("websession.clerk", "not-the-password-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = tab.signIn("websession.clerk", "clerk-password-1");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
        assertThat(error(throttled).path("extensions").path("code").asText()).isEqualTo("SIGN_IN_THROTTLED");
        assertThat(deniedSignIns("websession.clerk", "SIGN_IN_THROTTLED")).isEqualTo(1);
    }

    @Test
    void aDisabledAccountCannotSignInAndItsOpenSessionEnds() throws Exception {
        register("websession.leaver", "leaver-password-1", "AUDITOR");
        Tab open = new Tab().signedInAs("websession.leaver", "leaver-password-1");
        assertThat(open.graphQl(ME, null, open.token).statusCode()).isEqualTo(200);
        graphQl("admin").document("mutation($i: AccountStateInput!) { disableAccount(input: $i) { errors { code } } }")
                .variable("i", Map.of("username", "websession.leaver", "reason", "chuyển công tác")).execute()
                .path("disableAccount.errors").entityList(Object.class).hasSize(0);
        HttpResponse<String> after = open.graphQl(ME, null, open.token);
        assertThat(after.statusCode()).as(after.body()).isEqualTo(401);
        Tab tab = new Tab();
        tab.session();
        HttpResponse<String> refused = tab.signIn("websession.leaver", "leaver-password-1");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(error(refused).path("extensions").path("code").asText()).isEqualTo("SIGN_IN_FAILED");
        assertThat(jdbc.queryForList("select reason from security.denied_attempt where actor = 'websession.leaver'",
                String.class)).anySatisfy(reason -> assertThat(reason).startsWith("account disabled"));
    }

    @Test
    void theSessionIdOfBeforeTheSignInSignsNothingIn() throws Exception {
        Tab tab = new Tab();
        tab.session();
        String before = tab.sessionId();
        String tokenBefore = tab.token;
        assertThat(tab.signIn("thapmuoi.vpdp", PASSWORD).statusCode()).isEqualTo(200);
        // an attacker who had planted (or read) the id of before: it is not the signed-in session
        HttpClient attacker = HttpClient.newHttpClient();
        for (String token : List.of(tokenBefore, tab.token)) {
            HttpResponse<String> answer = attacker.send(HttpRequest.newBuilder(uri("/graphql"))
                    .header("Content-Type", "application/json").header("X-Requested-With", "XMLHttpRequest")
                    .header("Cookie", "JSESSIONID=" + before).header("X-CSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", ME)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
            assertThat(error(answer).path("extensions").path("code").asText()).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        Tab tab = new Tab().signedInAs("tankieu.officer", PASSWORD);
        String id = tab.sessionId();
        HttpResponse<String> withoutToken = tab.send(HttpRequest.newBuilder(uri("/web/sign-out"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(tab.graphQl(ME, null, tab.token).statusCode()).as("still signed in").isEqualTo(200);
        HttpResponse<String> out = tab.send(HttpRequest.newBuilder(uri("/web/sign-out")).header("X-CSRF-TOKEN", tab.token)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().firstValue("Location")).isEmpty();
        assertThat(out.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=;")
                .contains("Max-Age=0"));
        assertThat(tab.sessionId()).as("the cookie is cleared").isNull();
        HttpResponse<String> after = tab.graphQl(ME, null, tab.token);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(error(after).path("extensions").path("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(after.headers().firstValue("WWW-Authenticate")).as("no Basic dialog for the script").isEmpty();
        // and the old cookie, sent again, is no session either
        HttpResponse<String> replayed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", "application/json").header("Cookie", "JSESSIONID=" + id)
                .header("X-CSRF-TOKEN", tab.token).header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", ME)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(replayed.statusCode()).isEqualTo(401);
    }

    @Test
    void basicAndAnonymousRequestsGetNoSessionAndBasicNeedsNoToken() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> basic = http.send(HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", "application/json").header("Authorization", basic("tankieu.officer", PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", ME)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).as(basic.body()).isEqualTo(200);
        assertThat(json(basic).path("data").path("me").path("username").asText()).isEqualTo("tankieu.officer");
        assertThat(basic.headers().allValues("Set-Cookie")).isEmpty();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", ME)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/actuator/info")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().allValues("Set-Cookie")).as("no request remembered for after a sign-in").isEmpty();
        // Basic alongside a live session's cookie: the header signs in, and needs no token
        Tab tab = new Tab().signedInAs("thapmuoi.vpdp", PASSWORD);
        HttpResponse<String> both = tab.send(HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", "application/json").header("Authorization", basic("tankieu.officer", PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", ME)))));
        assertThat(both.statusCode()).as(both.body()).isEqualTo(200);
        assertThat(json(both).path("data").path("me").path("username").asText()).isEqualTo("tankieu.officer");
        // no login page of Spring's own
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isNotEqualTo(200);
        assertThat(login.body()).doesNotContain("<form");
    }

    /** A graphql-ws connection's messages, as they arrive. */
    private static final class Messages implements WebSocket.Listener {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final StringBuilder partial = new StringBuilder();
        volatile Integer closed;

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
            closed = status;
            received.add("{\"closed\":" + status + "}");
            return null;
        }

        JsonNode next() throws InterruptedException, IOException {
            String message = received.poll(30, TimeUnit.SECONDS);
            assertThat(message).as("a message within 30 s").isNotNull();
            return JSON.readTree(message);
        }
    }

    private WebSocket.Builder webSocket(Tab tab, String origin) {
        WebSocket.Builder builder = tab.http.newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .connectTimeout(Duration.ofSeconds(10));
        return origin == null ? builder : builder.header("Origin", origin);
    }

    @Test
    void aGraphqlWsConnectionRunsAsTheSessionsAccount() throws Exception {
        Tab tab = new Tab().signedInAs("tankieu.officer", PASSWORD);
        Messages messages = new Messages();
        WebSocket socket = webSocket(tab, "http://localhost:" + port)
                .buildAsync(URI.create("ws://localhost:" + port + "/graphql"), messages).get(30, TimeUnit.SECONDS);
        try {
            socket.sendText("{\"type\":\"connection_init\",\"payload\":{}}", true).get(10, TimeUnit.SECONDS);
            assertThat(messages.next().path("type").asText()).isEqualTo("connection_ack");
            socket.sendText("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ me { username role } }\"}}", true)
                    .get(10, TimeUnit.SECONDS);
            JsonNode next = messages.next();
            assertThat(next.path("type").asText()).as(next.toString()).isEqualTo("next");
            assertThat(next.path("payload").path("data").path("me").path("username").asText()).isEqualTo("tankieu.officer");
            assertThat(next.path("payload").path("data").path("me").path("role").asText()).isEqualTo("COMMUNE_OFFICER");
            assertThat(messages.next().path("type").asText()).isEqualTo("complete");
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
        }
        // without a signed-in session (nor credentials in connection_init) the connection is refused as before
        Tab anonymous = new Tab();
        anonymous.session();
        Messages refused = new Messages();
        WebSocket other = webSocket(anonymous, "http://localhost:" + port)
                .buildAsync(URI.create("ws://localhost:" + port + "/graphql"), refused).get(30, TimeUnit.SECONDS);
        other.sendText("{\"type\":\"connection_init\",\"payload\":{}}", true).get(10, TimeUnit.SECONDS);
        assertThat(refused.next().path("closed").asInt()).isEqualTo(4401);
    }

    @Test
    void aWebSocketOpenedWithTheSessionsCookieByAPageElsewhereIsRefused() throws Exception {
        Tab tab = new Tab().signedInAs("tankieu.officer", PASSWORD);
        for (String origin : List.of("http://evil.example", "http://localhost:" + (port + 1), "null")) {
            Throwable refused = catchThrowable(() -> webSocket(tab, origin)
                    .buildAsync(URI.create("ws://localhost:" + port + "/graphql"), new Messages()).join());
            assertThat(refused).as("Origin %s", origin).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(WebSocketHandshakeException.class);
            HttpResponse<?> answer = ((WebSocketHandshakeException) refused.getCause()).getResponse();
            assertThat(answer.statusCode()).isEqualTo(403);
            // refused by the session's own check (a typed JSON error), not only by Spring's same-origin default
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        }
    }
}
