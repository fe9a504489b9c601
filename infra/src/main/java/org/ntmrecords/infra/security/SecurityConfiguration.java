package org.ntmrecords.infra.security;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ntmrecords.command.access.AccessPolicy;
import org.ntmrecords.command.access.CommandAuthorization;
import org.ntmrecords.command.access.SecurityLog;
import org.ntmrecords.command.account.AccountDirectory;
import org.ntmrecords.command.account.EventStoreAccountDirectory;
import org.ntmrecords.command.agency.AgencyDirectory;
import org.ntmrecords.command.agency.EventStoreAgencyDirectory;
import org.ntmrecords.command.criteria.CriteriaCatalog;
import org.ntmrecords.command.unit.UnitDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Who is calling, and may they. Every API request is authenticated: with a local account (HTTP Basic, the
 * embedded default), an OIDC bearer token (when a JWT issuer or key is configured), or the session cookie of the web
 * application's sign-in form. The GraphiQL page, the web application and their scripts are public; the API behind
 * them is not. Every command is then checked by {@link CommandAuthorization} before any event is stored.
 *
 * <p>Sessions exist only for the browser: {@code GET /web/session} gives a CSRF token (and so a session),
 * {@code POST /web/sign-in} (a form: {@code username}, {@code password}) signs the session in with a local account,
 * replacing its id and its token, and {@code POST /web/sign-out} ends it. A request that signs in by itself (an
 * {@code Authorization} header, Basic or Bearer) is not given a session by it, and its sign-in is never stored in one.
 * A session's account is read again on each of its requests ({@link SessionAccountRefresh}), as Basic's is. Sessions
 * are kept in the memory of this one instance (a restart signs every browser out; several instances would need a
 * shared session store or sticky routing).
 *
 * <p>CSRF: the token (header {@code X-CSRF-TOKEN}, kept in the session) is required of every request that changes
 * something and rides on a live session cookie — the ones a cross-site page can make the browser send — and of
 * every {@code POST /web/**} (the sign-in form too: no signing a browser into someone else's account). A request with an
 * {@code Authorization} header needs none: a cross-site page cannot set that header without a CORS preflight, which
 * is not granted; nor does a request without a live session, which has nobody to act for. A WebSocket upgrade cannot
 * carry a token: one that carries a session cookie must come from a page of this service ({@link WebSocketOrigins}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public SecurityFilterChain api(HttpSecurity http, SecurityProperties properties,
                                   ObjectProvider<JwtDecoder> jwtDecoder, CredentialsSignIn signIn,
                                   JwtPrincipalConverter tokens, SignInFailures failures,
                                   AccountLookup accountLookup) throws Exception {
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        SignInEntryPoint entryPoint = new SignInEntryPoint(failures, properties.localAccounts(), decoder != null);
        WebSessionSignIn session = new WebSessionSignIn(failures);
        http.csrf(csrf -> csrf.csrfTokenRepository(new HttpSessionCsrfTokenRepository())
                        .requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken))
                // Sessions: SessionCreationPolicy.IF_REQUIRED, Spring's default, so that the sign-in form can store
                // its sign-in (or the web application its CSRF token). Not set here on purpose: setting any policy
                // also adds Spring's SessionManagementFilter, which would store every HTTP Basic sign-in in a new
                // session. Basic and Bearer keep theirs in the request alone (see httpBasic below).
                // nothing is remembered for after a sign-in: there is no login page to send anyone to
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .headers(headers -> headers.addHeaderWriter(org.ntmrecords.infra.web.WebAppContentPolicy.headerWriter()))
                .addFilterAfter(new SessionAccountRefresh(accountLookup), SecurityContextHolderFilter.class)
                .addFilterAfter(org.ntmrecords.infra.operations.RequestLogContext.actorFilter(),
                        org.springframework.security.web.authentication.AnonymousAuthenticationFilter.class)
                .addFilterBefore(new WebSocketOrigins(properties.allowedOrigins()), CsrfFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/index.html", "/graphiql", "/graphiql/", "/web/**", "/app/**", "/webjars/**",
                                "/actuator/health", "/actuator/health/**", "/favicon.ico", "/error").permitAll()
                        // a script cannot send credentials with a WebSocket upgrade: a GraphQL WebSocket signs in
                        // with its connection_init message instead, or with the browser session's cookie
                        // (WebSocketSignIn)
                        .requestMatchers(SecurityConfiguration::isWebSocketUpgrade).permitAll()
                        // metrics and the rest of the actuator (docs/operations.md): administrators only; the health
                        // probes above are public and show details to signed-in users only
                        .requestMatchers("/actuator/**").hasRole("ADMINISTRATOR")
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(new CsrfRefusal()))
                .logout(out -> out.logoutUrl("/web/sign-out").logoutSuccessHandler(session));
        LocalAccountAuthentication accounts = signIn.localAccounts();
        if (accounts != null) {
            http.authenticationProvider(accounts)
                    .httpBasic(basic -> basic.realmName("NTM Records").authenticationEntryPoint(entryPoint)
                            .securityContextRepository(new RequestAttributeSecurityContextRepository()))
                    // no login page of its own (the explicit entry point keeps Spring's generated one away), no
                    // redirects: JSON answers for the web application's script
                    .formLogin(form -> form.loginProcessingUrl("/web/sign-in")
                            .successHandler(session).failureHandler(session));
        }
        if (decoder != null) {
            http.oauth2ResourceServer(o -> o.authenticationEntryPoint(entryPoint).jwt(jwt -> jwt.decoder(decoder)
                    .jwtAuthenticationConverter(tokens)));
        }
        return http.build();
    }

    /**
     * Spring Boot's GraphQL WebSocket handler, with the pages it takes upgrades from widened by
     * {@code ntm.security.allowed-origins}: Spring GraphQL refuses (403, empty) an upgrade from any page but this
     * service's own and those of {@code spring.graphql.cors.*}; {@link WebSocketOrigins} answers a refused upgrade that
     * carries a session cookie itself, with a typed error, whatever the CORS settings say.
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(prefix = "spring.graphql.websocket", name = "path")
    public org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler graphQlWebSocketHandler(
            org.springframework.graphql.server.WebGraphQlHandler handler,
            org.springframework.boot.autoconfigure.graphql.GraphQlProperties graphQl,
            org.springframework.boot.autoconfigure.graphql.GraphQlCorsProperties cors,
            org.springframework.boot.autoconfigure.http.HttpMessageConverters converters, SecurityProperties properties) {
        org.springframework.web.cors.CorsConfiguration origins = cors.toCorsConfiguration();
        if (origins == null) {
            origins = new org.springframework.web.cors.CorsConfiguration();
        }
        properties.allowedOrigins().forEach(origins::addAllowedOrigin);
        org.springframework.http.converter.HttpMessageConverter<?> json = converters.getConverters().stream()
                .filter(c -> c.canRead(java.util.Map.class, org.springframework.http.MediaType.APPLICATION_JSON))
                .findFirst().orElseThrow(() -> new IllegalStateException("no JSON message converter"));
        return new org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler(handler, json,
                graphQl.getWebsocket().getConnectionInitTimeout(), graphQl.getWebsocket().getKeepAlive(), origins);
    }

    /** See the class comment: which requests must show the session's CSRF token. */
    static boolean needsCsrfToken(jakarta.servlet.http.HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/web/")) {
            return true;
        }
        String authorization = request.getHeader(org.springframework.http.HttpHeaders.AUTHORIZATION);
        if (authorization != null && !authorization.isBlank()) {
            return false;
        }
        return request.getRequestedSessionId() != null && request.isRequestedSessionIdValid();
    }

    static boolean isWebSocketUpgrade(jakarta.servlet.http.HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    }

    @Bean
    public JwtPrincipalConverter jwtPrincipalConverter(SecurityProperties properties, AccountLookup accounts) {
        return new JwtPrincipalConverter(properties.jwt(), accounts);
    }

    /**
     * Local accounts' sign-in is not a bean of its own: as an {@code AuthenticationProvider} bean Spring Boot would
     * also put it in the global authentication manager, and a wrong password would be checked (and throttled) twice.
     */
    @Bean
    public CredentialsSignIn credentialsSignIn(SecurityProperties properties, AccountLookup accounts,
                                               Credentials credentials, SignInThrottle throttle,
                                               ObjectProvider<JwtDecoder> jwtDecoder, JwtPrincipalConverter tokens,
                                               SignInFailures failures) {
        return new CredentialsSignIn(properties.localAccounts()
                ? new LocalAccountAuthentication(accounts, credentials, throttle) : null,
                jwtDecoder.getIfAvailable(), tokens, failures);
    }

    /**
     * New hashes are Argon2 (Spring Security's parameters of 5.8: 16 MiB, 2 passes), which takes a password of any
     * length; bcrypt hashes stored before are still checked, and replaced at the account's next sign-in.
     */
    @Bean
    public PasswordEncoder passwordEncoder() {
        String current = "argon2@SpringSecurity_v5_8";
        java.util.Map<String, PasswordEncoder> encoders = new java.util.HashMap<>();
        encoders.put(current, org.springframework.security.crypto.argon2.Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        encoders.put("bcrypt", new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder());
        return new org.springframework.security.crypto.password.DelegatingPasswordEncoder(current, encoders);
    }

    @Bean
    public AgencyDirectory agencyDirectory(EventStore eventStore) {
        return new EventStoreAgencyDirectory(eventStore);
    }

    @Bean
    public AccountDirectory accountDirectory(EventStore eventStore) {
        return new EventStoreAccountDirectory(eventStore);
    }

    @Bean
    public AccessPolicy accessPolicy(UnitDirectory units, AgencyDirectory agencies, CriteriaCatalog catalog) {
        return new AccessPolicy(units, agencies, catalog);
    }

    /** Registered on the command bus (Axon's auto-configuration picks up handler interceptor beans). */
    @Bean
    public CommandAuthorization commandAuthorization(AccessPolicy policy, SecurityLog log) {
        return new CommandAuthorization(policy, log);
    }
}
