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
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who is calling, and may they. Every API request is authenticated: with a local account (HTTP Basic, the
 * embedded default) and/or an OIDC bearer token (when a JWT issuer or key is configured). The GraphiQL page
 * and its scripts are public; the API behind it is not. Every command is then checked by
 * {@link CommandAuthorization} before any event is stored.
 *
 * <p>CSRF protection is off: the API accepts only JSON bodies (a cross-site form cannot send one without a
 * CORS preflight, which is not granted) and keeps no session.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public SecurityFilterChain api(HttpSecurity http, SecurityProperties properties,
                                   ObjectProvider<JwtDecoder> jwtDecoder, CredentialsSignIn signIn,
                                   JwtPrincipalConverter tokens, SignInFailures failures) throws Exception {
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        SignInEntryPoint entryPoint = new SignInEntryPoint(failures, properties.localAccounts(), decoder != null);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/index.html", "/graphiql", "/graphiql/", "/web/**", "/webjars/**",
                                "/actuator/health", "/actuator/health/**", "/favicon.ico", "/error").permitAll()
                        // a browser cannot send credentials with a WebSocket upgrade: a GraphQL WebSocket signs in
                        // with its connection_init message instead (WebSocketSignIn)
                        .requestMatchers(SecurityConfiguration::isWebSocketUpgrade).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint));
        LocalAccountAuthentication accounts = signIn.localAccounts();
        if (accounts != null) {
            http.authenticationProvider(accounts)
                    .httpBasic(basic -> basic.realmName("NTM Records").authenticationEntryPoint(entryPoint));
        }
        if (decoder != null) {
            http.oauth2ResourceServer(o -> o.authenticationEntryPoint(entryPoint).jwt(jwt -> jwt.decoder(decoder)
                    .jwtAuthenticationConverter(tokens)));
        }
        return http.build();
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
