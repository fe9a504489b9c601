package org.ntmrecords.infra.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Signs in from the value of an {@code Authorization} header sent where HTTP's own sign-in does not reach: in the
 * {@code connection_init} message of a GraphQL WebSocket. The same accounts, throttling and token rules as over HTTP,
 * and every failure logged.
 */
public class CredentialsSignIn {
    private final LocalAccountAuthentication local;
    private final JwtDecoder decoder;
    private final JwtPrincipalConverter tokens;
    private final SignInFailures failures;

    /** {@code local} is null without local accounts, {@code decoder} and {@code tokens} without a token issuer. */
    public CredentialsSignIn(LocalAccountAuthentication local, JwtDecoder decoder, JwtPrincipalConverter tokens,
                             SignInFailures failures) {
        this.local = local;
        this.decoder = decoder;
        this.tokens = tokens;
        this.failures = failures;
    }

    /** The local accounts' provider, for HTTP Basic; null when local accounts are off. */
    public LocalAccountAuthentication localAccounts() {
        return local;
    }

    public Authentication signIn(String authorization) {
        try {
            return authenticate(authorization == null ? "" : authorization.strip());
        } catch (AuthenticationException e) {
            failures.failed(authorization, e);
            throw e;
        }
    }

    private Authentication authenticate(String header) {
        if (local != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new BadCredentialsException("malformed Basic credentials");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new BadCredentialsException("malformed Basic credentials");
            }
            return local.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(decoded.substring(0, colon),
                    decoded.substring(colon + 1)));
        }
        if (decoder != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            try {
                return tokens.convert(decoder.decode(header.substring(7).strip()));
            } catch (JwtException e) {
                // said without the exception's type (the security log is read through the API) nor its text (claims)
                throw new InvalidBearerTokenException(e instanceof org.springframework.security.oauth2.jwt.JwtValidationException
                        ? "the token did not validate (expired, not yet valid, or another issuer or audience)"
                        : e instanceof org.springframework.security.oauth2.jwt.BadJwtException
                        ? "the token is malformed or its signature does not verify"
                        : "the token could not be decoded");
            }
        }
        throw new BadCredentialsException("no credentials this service reads (HTTP Basic"
                + (decoder != null ? " or a bearer token" : "") + ")");
    }
}
