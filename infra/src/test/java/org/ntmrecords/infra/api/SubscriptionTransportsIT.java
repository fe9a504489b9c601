package org.ntmrecords.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlTransportException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

/**
 * Subscriptions as standard clients make them: over graphql-ws (WebSocket; Spring's GraphQL client, signing in with
 * its connection_init message as browsers must, or with the upgrade's header) and over Server-Sent Events; each
 * receives the change a mutation causes. The same sign-in, limits and read policy hold on the WebSocket.
 */
class SubscriptionTransportsIT extends IntegrationTest {
    private static final String SET = "dongthap-commune-ntm-2021-2025";
    private static final String CHANGED = """
            subscription($unit: ID) { recognitionCaseChanged(unitCode: $unit) { caseId status } }""";

    @BeforeEach
    void demoLoaded() {
        awaitProjections();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private WebSocketGraphQlClient webSocket(String authorization) {
        return WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql", new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return authorization == null ? Mono.just(Map.of()) : Mono.just(Map.of("Authorization", authorization));
                    }
                }).build();
    }

    private void openCase(String unitCode, int year) {
        graphQl("thapmuoi.vpdp").document("""
                        mutation($i: OpenRecognitionCaseInput!) { openRecognitionCase(input: $i) { caseId errors { code message } } }""")
                .variable("i", Map.of("unitCode", unitCode, "setId", SET, "year", year)).execute()
                .path("openRecognitionCase.errors").entityList(Object.class).hasSize(0);
    }

    @Test
    void aGraphqlWsClientSigningInWithConnectionInitReceivesTheChangeAMutationCauses() throws Exception {
        WebSocketGraphQlClient client = webSocket(basic("auditor", PASSWORD));
        try {
            CompletableFuture<Map<String, Object>> received = client.document(CHANGED).variable("unit", "30064")
                    .retrieveSubscription("recognitionCaseChanged")
                    .toEntity(new ParameterizedTypeReference<Map<String, Object>>() { })
                    .next().toFuture();
            waitUntilSubscribed(client);
            // the subscription may still be registering on the server: the change is repeated until it is heard
            for (int year = 2026; !received.isDone() && year < 2036; year++) {
                openCase("30064", year);
                try {
                    received.get(2, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException notYet) {
                    // opened before the subscription was registered: open the next year's
                }
            }
            Map<String, Object> change = received.get(30, TimeUnit.SECONDS);
            assertThat((String) change.get("caseId")).startsWith("30064@" + SET + "@");
            assertThat(change).containsKey("status");
        } finally {
            client.stop().block(Duration.ofSeconds(10));
        }
    }

    /** A query on the same connection answers once the connection is acknowledged and signed in. */
    private static void waitUntilSubscribed(WebSocketGraphQlClient client) {
        ClientGraphQlResponse me = client.document("{ me { username } }").execute().block(Duration.ofSeconds(30));
        assertThat(me).isNotNull();
        assertThat(me.isValid()).as("signed in on the WebSocket: %s", me.getErrors()).isTrue();
    }

    @Test
    void anSseClientReceivesTheChangeAMutationCauses() throws Exception {
        CompletableFuture<List<ServerSentEvent<String>>> events = WebClient.create("http://localhost:" + port)
                .post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                .header("Authorization", basic("auditor", PASSWORD))
                .bodyValue(Map.of("query", CHANGED, "variables", Map.of("unit", "30061")))
                .retrieve().bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .filter(e -> e.data() != null && e.data().contains("recognitionCaseChanged"))
                .take(1).collectList().toFuture();
        // SSE has no acknowledgement: the change is repeated until the stream, registered by then, carries it
        for (int year = 2026; !events.isDone() && year < 2036; year++) {
            openCase("30061", year);
            try {
                events.get(2, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException notYet) {
                // the subscription was not registered when the case was opened: open the next one
            }
        }
        assertThat(events.get(30, TimeUnit.SECONDS).get(0).data()).contains("30061@" + SET + "@");
    }

    @Test
    void aWebSocketWithoutValidCredentialsIsRefusedAndTheAttemptLogged() {
        for (String authorization : new String[] {null, basic("auditor", "not-the-password"), "Bearer not-a-token"}) {
            WebSocketGraphQlClient client = webSocket(authorization);
            try {
                Throwable failure = client.document("{ me { username } }").execute()
                        .map(r -> (Throwable) null).onErrorResume(e -> Mono.just(e)).block(Duration.ofSeconds(30));
                assertThat(failure).as("refused for %s", authorization).isInstanceOf(GraphQlTransportException.class);
            } finally {
                client.stop().block(Duration.ofSeconds(10));
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from security.denied_attempt where actor = 'auditor'"
                + " and command = 'SIGN_IN'", Integer.class)).isPositive();
    }

    @Test
    void aClientSendingItsCredentialsWithTheUpgradeIsSignedInByThem() {
        WebSocketGraphQlClient client = WebSocketGraphQlClient.builder(URI.create("ws://localhost:" + port + "/graphql"),
                new ReactorNettyWebSocketClient()).header("Authorization", basic("tankieu.officer", PASSWORD)).build();
        try {
            ClientGraphQlResponse me = client.document("{ me { username role } }").execute().block(Duration.ofSeconds(30));
            assertThat(me.field("me.username").<Object>getValue()).isEqualTo("tankieu.officer");
        } finally {
            client.stop().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void theLimitsAndTheReadPolicyHoldOnTheWebSocket() {
        WebSocketGraphQlClient dashboard = webSocket(basic("dashboard", PASSWORD));
        try {
            ClientGraphQlResponse forbidden = dashboard.document("{ accounts { totalCount } }").execute()
                    .block(Duration.ofSeconds(30));
            assertThat(forbidden.getErrors()).anySatisfy(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN"));
            StringBuilder bomb = new StringBuilder("query { unit(code: \"87\") { ...F8 } }\nfragment F0 on Unit { code }\n");
            for (int i = 1; i <= 8; i++) {
                bomb.append("fragment F").append(i).append(" on Unit { a: children { ...F").append(i - 1)
                        .append(" } b: children { ...F").append(i - 1).append(" } }\n");
            }
            ClientGraphQlResponse refused = dashboard.document(bomb.toString()).execute().block(Duration.ofSeconds(30));
            assertThat(refused.getErrors()).anySatisfy(e -> assertThat(e.getExtensions()).containsEntry("code", "QUERY_TOO_COMPLEX"));
        } finally {
            dashboard.stop().block(Duration.ofSeconds(10));
        }
    }
}
