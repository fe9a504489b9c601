package org.ntmrecords.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.events.EventMetadata;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Sign-in: local accounts over HTTP Basic, and bearer tokens from an OIDC provider (here tokens signed with a
 * test key whose public half is configured as {@code spring.security.oauth2.resourceserver.jwt.public-key-location}).
 */
class AuthenticationIT extends IntegrationTest {
    private static final KeyPair TRUSTED = keys();
    private static final KeyPair UNTRUSTED = keys();
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void trustTheTestKey(DynamicPropertyRegistry registry) throws IOException {
        Path pem = Files.createTempFile("ntm-test-jwt", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(TRUSTED.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(KeyPair keys, Map<String, Object> claims) {
        try {
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                    .issuer("https://idp.example.gov.vn").subject("subject-1")
                    .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))));
            claims.forEach(builder::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), builder.build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpGraphQlTester bearer(String token) {
        return HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .defaultHeaders(h -> h.setBearerAuth(token)).build());
    }

    private int status(WebTestClient.RequestHeadersSpec<?> request) {
        return request.exchange().returnResult(String.class).getStatus().value();
    }

    private WebTestClient.RequestHeadersSpec<?> meRequest(java.util.function.Consumer<org.springframework.http.HttpHeaders> auth) {
        return anonymous().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .headers(auth).bodyValue(Map.of("query", "{ me { username } }"));
    }

    @BeforeEach
    void demoLoaded() {
        awaitProjections();
    }

    @Test
    void theApiNeedsCredentialsAndRefusesWrongOnes() {
        assertThat(status(meRequest(h -> { }))).isEqualTo(401);
        assertThat(status(meRequest(h -> h.setBasicAuth("admin", "not-the-password")))).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from security.denied_attempt where actor = 'admin'"
                + " and command = 'SIGN_IN'", Integer.class)).as("failed sign-in logged").isPositive();
        assertThat(status(meRequest(h -> h.setBasicAuth("nobody", PASSWORD)))).isEqualTo(401);
        assertThat(status(meRequest(h -> h.setBasicAuth("admin", PASSWORD)))).isEqualTo(200);
        // scripts (the GraphiQL page) get a plain 401: a Basic challenge would open the browser's own dialog
        var xhr = anonymous().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("X-Requested-With", "XMLHttpRequest").bodyValue(Map.of("query", "{ me { username } }"))
                .exchange().returnResult(String.class);
        assertThat(xhr.getStatus().value()).isEqualTo(401);
        assertThat(xhr.getResponseHeaders().containsKey("WWW-Authenticate")).isFalse();
        assertThat(meRequest(h -> { }).exchange().returnResult(String.class).getResponseHeaders()
                .getFirst("WWW-Authenticate")).startsWith("Basic");
        // the UI is public; the API behind it is not
        assertThat(anonymous().get().uri("/graphiql").exchange().returnResult(String.class).getStatus().value())
                .isEqualTo(200);
    }

    @Test
    void aDisabledAccountCannotSignIn() {
        graphQl("admin").document("mutation($i: RegisterAccountInput!) { registerAccount(input: $i) { errors { code } } }")
                .variable("i", Map.of("username", "auth.leaver", "displayName", "Leaver", "role", "AUDITOR",
                        "password", "leaver-password-1")).execute()
                .path("registerAccount.errors").entityList(Object.class).hasSize(0);
        assertThat(status(meRequest(h -> h.setBasicAuth("auth.leaver", "leaver-password-1")))).isEqualTo(200);
        graphQl("admin").document("mutation($i: AccountStateInput!) { disableAccount(input: $i) { errors { code } } }")
                .variable("i", Map.of("username", "auth.leaver", "reason", "chuyển công tác")).execute()
                .path("disableAccount.errors").entityList(Object.class).hasSize(0);
        assertThat(status(meRequest(h -> h.setBasicAuth("auth.leaver", "leaver-password-1")))).isEqualTo(401);
    }

    @Test
    void aChangedPasswordTakesEffectAtOnce() {
        graphQl("admin").document("mutation($i: RegisterAccountInput!) { registerAccount(input: $i) { errors { code } } }")
                .variable("i", Map.of("username", "auth.changer", "displayName", "Changer", "role", "AUDITOR",
                        "password", "first-password-1")).execute()
                .path("registerAccount.errors").entityList(Object.class).hasSize(0);
        assertThat(status(meRequest(h -> h.setBasicAuth("auth.changer", "first-password-1")))).isEqualTo(200);
        graphQl("auth.changer", "first-password-1")
                .document("mutation($i: SetAccountPasswordInput!) { setAccountPassword(input: $i) { errors { code } } }")
                .variable("i", Map.of("username", "auth.changer", "password", "second-password-2")).execute()
                .path("setAccountPassword.errors").entityList(Object.class).hasSize(0);
        assertThat(status(meRequest(h -> h.setBasicAuth("auth.changer", "first-password-1")))).isEqualTo(401);
        assertThat(status(meRequest(h -> h.setBasicAuth("auth.changer", "second-password-2")))).isEqualTo(200);
        graphQl("auth.changer", "second-password-2")
                .document("mutation($i: SetAccountPasswordInput!) { setAccountPassword(input: $i) { errors { code } } }")
                .variable("i", Map.of("username", "admin", "password", "taken-over-admin-1")).execute()
                .path("setAccountPassword.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED");
    }

    @Test
    void passwordsAreStoredOnlyAsHashes() {
        String hash = jdbc.queryForObject("select password_hash from security.credential where username = 'admin'",
                String.class);
        assertThat(hash).startsWith("{argon2@SpringSecurity_v5_8}").doesNotContain(PASSWORD);
        assertThat(jdbc.queryForObject("select count(*) from event_store.domain_event_entry"
                + " where convert_from(payload, 'UTF8') like ?", Integer.class, "%" + PASSWORD + "%")).isZero();
    }

    @Test
    void aBearerTokenWithRoleClaimsActsInThatRoleAndItsUserIsTheActor() throws Exception {
        String token = token(TRUSTED, Map.of("preferred_username", "can.bo.oidc", "name", "Cán bộ OIDC",
                "ntm_role", "COMMUNE_OFFICER", "ntm_unit", "30049"));
        bearer(token).document("{ me { username displayName role unitCode } }").execute()
                .path("me.username").entity(String.class).isEqualTo("can.bo.oidc")
                .path("me.role").entity(String.class).isEqualTo("COMMUNE_OFFICER")
                .path("me.unitCode").entity(String.class).isEqualTo("30049");
        String entry = bearer(token).documentName("recordIndicatorValue").variable("input", Map.of("unitCode", "30049",
                        "setId", "dongthap-commune-ntm-2021-2025", "indicatorCode", "13.3",
                        "value", Map.of("kind", "COUNT", "count", 1), "period", Map.of("start", "2024-06-30")))
                .execute().path("recordIndicatorValue.entryId").entity(String.class).get();
        byte[] metadata = jdbc.queryForObject("select meta_data from event_store.domain_event_entry"
                + " where convert_from(payload, 'UTF8') like ?", byte[].class, "%\"valueId\":\"" + entry + "\"%");
        assertThat(JSON.readTree(metadata).path(EventMetadata.ACTOR).asText()).isEqualTo("can.bo.oidc");
    }

    @Test
    void aBearerTokenWithoutRoleClaimsTakesItsUsersAccount() {
        bearer(token(TRUSTED, Map.of("preferred_username", "auditor"))).document("{ me { role } }").execute()
                .path("me.role").entity(String.class).isEqualTo("AUDITOR");
        assertThat(status(meRequest(h -> h.setBearerAuth(token(TRUSTED, Map.of("preferred_username", "stranger"))))))
                .isEqualTo(401);
    }

    @Test
    void forgedTokensAreRefused() {
        assertThat(status(meRequest(h -> h.setBearerAuth(token(UNTRUSTED, Map.of("preferred_username", "admin",
                "ntm_role", "ADMINISTRATOR"))))))
                .as("signed by an unknown key").isEqualTo(401);
        assertThat(status(meRequest(h -> h.setBearerAuth(token(TRUSTED, Map.of("preferred_username", "x",
                "ntm_role", "SYSTEM"))))))
                .as("the system role").isEqualTo(401);
        assertThat(status(meRequest(h -> h.setBearerAuth(token(TRUSTED, Map.of("preferred_username", "x",
                "ntm_role", "COMMUNE_OFFICER"))))))
                .as("an officer without a unit").isEqualTo(401);
    }

    private void register(String username, String password) {
        java.util.Map<String, Object> input = new java.util.HashMap<>(Map.of("username", username, "displayName", username,
                "role", "AUDITOR"));
        if (password != null) {
            input.put("password", password);
        }
        graphQl("admin").document("mutation($i: RegisterAccountInput!) { registerAccount(input: $i) { errors { code } } }")
                .variable("i", input).execute().path("registerAccount.errors").entityList(Object.class).hasSize(0);
    }

    @Test
    void aPasswordOfUpTo128CharactersOfAnyKindWorks() {
        // 128 Vietnamese letters: 384 bytes in UTF-8, far past bcrypt's 72
        String long128 = "Đồng Tháp Mười ữ".repeat(8);
        assertThat(long128).hasSize(128);
        register("auth.longpass", long128);
        assertThat(status(meRequest(h -> h.setBasicAuth("auth.longpass", long128, java.nio.charset.StandardCharsets.UTF_8))))
                .isEqualTo(200);
        String other = long128.substring(0, 127) + "x";
        assertThat(status(meRequest(h -> h.setBasicAuth("auth.longpass", other, java.nio.charset.StandardCharsets.UTF_8))))
                .as("a password differing only after byte 72").isEqualTo(401);
        graphQl("admin").document("mutation($i: SetAccountPasswordInput!) { setAccountPassword(input: $i) { errors { code field } } }")
                .variable("i", Map.of("username", "auth.longpass", "password", "a".repeat(129))).execute()
                .path("setAccountPassword.errors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
    }

    @Test
    void aHashOfTheOlderSchemeIsReplacedAtTheNextSignIn() {
        register("auth.oldhash", "old-scheme-password-1");
        jdbc.update("update security.credential set password_hash = ? where username = 'auth.oldhash'",
                "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode("old-scheme-password-1"));
        assertThat(status(meRequest(h -> h.setBasicAuth("auth.oldhash", "old-scheme-password-1")))).isEqualTo(200);
        assertThat(jdbc.queryForObject("select password_hash from security.credential where username = 'auth.oldhash'",
                String.class)).startsWith("{argon2@SpringSecurity_v5_8}");
        assertThat(status(meRequest(h -> h.setBasicAuth("auth.oldhash", "old-scheme-password-1")))).isEqualTo(200);
    }

    @Test
    void thirtyWrongPasswordsThenTheRightOneIsRefusedAndTheLockoutIsLogged() {
        register("auth.guessed", "the-right-password-1");
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            statuses.add(status(meRequest(h -> h.setBasicAuth("auth.guessed", "wrong-password-" + statuses.size()))));
        }
        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses.subList(5, 30)).containsOnly(429);
        var right = meRequest(h -> h.setBasicAuth("auth.guessed", "the-right-password-1")).exchange().returnResult(String.class);
        assertThat(right.getStatus().value()).as("the right password, refused while throttled").isEqualTo(429);
        assertThat(Long.parseLong(right.getResponseHeaders().getFirst("Retry-After"))).isBetween(1L, 60L);
        assertThat(new String(right.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8)).contains("SIGN_IN_THROTTLED");
        assertThat(jdbc.queryForObject("select count(*) from security.denied_attempt where actor = 'auth.guessed'"
                + " and command = 'SIGN_IN_THROTTLED'", Integer.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from security.denied_attempt where actor = 'auth.guessed'"
                + " and command = 'SIGN_IN'", Integer.class)).isEqualTo(5);
        // others are not locked out
        assertThat(status(meRequest(h -> h.setBasicAuth("auditor", PASSWORD)))).isEqualTo(200);
    }

    @Test
    void aTokenWhoseUserNameIsNotOneIsRefused() {
        for (String name : new String[] {"system:demo-loader", "admin\nforged", "Admin", "a", "x".repeat(65), "cán.bộ"}) {
            assertThat(status(meRequest(h -> h.setBearerAuth(token(TRUSTED, Map.of("preferred_username", name,
                    "ntm_role", "AUDITOR")))))).as(name).isEqualTo(401);
        }
        assertThat(status(meRequest(h -> h.setBearerAuth(token(TRUSTED, Map.of("preferred_username", "can.bo.ok",
                "name", "Cán bộ\u202e", "ntm_role", "AUDITOR")))))).as("a name claim with a direction override").isEqualTo(401);
        assertThat(status(meRequest(h -> h.setBearerAuth(token(TRUSTED, Map.of("preferred_username", "can.bo.ok",
                "ntm_role", "COMMUNE_OFFICER", "ntm_unit", "30049; drop")))))).as("a malformed unit claim").isEqualTo(401);
        String token = token(TRUSTED, Map.of("preferred_username", "can.bo.ok", "ntm_role", "AUDITOR"));
        assertThat(status(meRequest(h -> h.setBearerAuth(token)))).isEqualTo(200);
        assertThat(jdbc.queryForList("select actor || ' ' || reason from security.denied_attempt", String.class))
                .as("no token stored in the log").noneMatch(row -> row.contains(token.substring(0, 40)));
    }

    @Test
    void aDisabledAccountIsRefusedWhateverItsTokenSays() {
        register("auth.tokenleaver", null);
        String withRole = token(TRUSTED, Map.of("preferred_username", "auth.tokenleaver", "ntm_role", "ADMINISTRATOR"));
        String withoutRole = token(TRUSTED, Map.of("preferred_username", "auth.tokenleaver"));
        assertThat(status(meRequest(h -> h.setBearerAuth(withoutRole)))).isEqualTo(200);
        graphQl("admin").document("mutation($i: AccountStateInput!) { disableAccount(input: $i) { errors { code } } }")
                .variable("i", Map.of("username", "auth.tokenleaver", "reason", "nghỉ việc")).execute()
                .path("disableAccount.errors").entityList(Object.class).hasSize(0);
        assertThat(status(meRequest(h -> h.setBearerAuth(withoutRole)))).isEqualTo(401);
        assertThat(status(meRequest(h -> h.setBearerAuth(withRole)))).as("a role claim does not revive it").isEqualTo(401);
    }
}
