package org.ntmrecords.infra.security;

import org.ntmrecords.command.access.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a validated bearer token into an {@link NtmPrincipal}. Role, unit and agency come from the claims
 * named in {@code ntm.security.jwt}; a token without a role claim must belong to an account registered here,
 * and that account's role and jurisdiction apply.
 */
public class JwtPrincipalConverter implements Converter<Jwt, AbstractAuthenticationToken> {
    private final SecurityProperties.Jwt claims;
    private final AccountLookup accounts;

    public JwtPrincipalConverter(SecurityProperties.Jwt claims, AccountLookup accounts) {
        this.claims = claims;
        this.accounts = accounts;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String username = jwt.getClaimAsString(claims.usernameClaim());
        if (username == null || username.isBlank()) {
            username = jwt.getSubject();
        }
        String roleClaim = jwt.getClaimAsString(claims.roleClaim());
        if (roleClaim == null) {
            AccountLookup.AccountState account = accounts.find(username).orElseThrow(
                    () -> new InvalidBearerTokenException("the token names no role and its user has no account"));
            if (!account.enabled()) {
                throw new DisabledException("account is disabled");
            }
            return new NtmAuthentication(account.principal());
        }
        Role role;
        try {
            role = Role.valueOf(roleClaim.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("unknown role in token");
        }
        if (role == Role.SYSTEM) {
            throw new InvalidBearerTokenException("SYSTEM is not a user role");
        }
        String unit = jwt.getClaimAsString(claims.unitClaim());
        if (role.needsUnit() && (unit == null || unit.isBlank())) {
            throw new InvalidBearerTokenException(role + " tokens name a unit");
        }
        String name = jwt.getClaimAsString(claims.nameClaim());
        return new NtmAuthentication(new NtmPrincipal(username, name == null ? username : name, role,
                role.needsUnit() ? unit : null, jwt.getClaimAsString(claims.agencyClaim())));
    }
}
