package org.ntmrecords.infra.security;

import org.ntmrecords.command.access.Role;
import org.ntmrecords.command.account.Account;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.Inputs;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a validated bearer token into an {@link NtmPrincipal}. Role, unit and agency come from the claims
 * named in {@code ntm.security.jwt}; a token without a role claim must belong to an account registered here,
 * and that account's role and jurisdiction apply. The user name must be one (it is recorded as the actor of every
 * event), the other claims well-formed, and an account registered here under that name and disabled is refused
 * whatever the token says.
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
        if (!Account.isUsername(username)) {
            // the actor recorded with every event: never "system:…", a line break or anything else a user name is not
            throw new InvalidBearerTokenException("the token's user name is not a valid user name (3 to 64 lower-case"
                    + " letters, digits, '.', '_' or '-')");
        }
        java.util.Optional<AccountLookup.AccountState> registered = accounts.find(username);
        if (registered.isPresent() && !registered.get().enabled()) {
            throw new DisabledException("account " + username + " is disabled");
        }
        String roleClaim = jwt.getClaimAsString(claims.roleClaim());
        if (roleClaim == null) {
            AccountLookup.AccountState account = registered.orElseThrow(
                    () -> new InvalidBearerTokenException("the token names no role and its user has no account"));
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
        String agency = jwt.getClaimAsString(claims.agencyClaim());
        String name = jwt.getClaimAsString(claims.nameClaim());
        try {
            if (role.needsUnit()) {
                Inputs.requiredCode("unit claim", unit);
            }
            if (agency != null) {
                Inputs.requiredCode("agency claim", agency);
            }
            name = name == null ? username : Inputs.requiredLine("name claim", name, Inputs.NAME_MAX);
        } catch (CommandRejectedException e) {
            throw new InvalidBearerTokenException("the token's claims are not valid: " + e.getMessage());
        }
        return new NtmAuthentication(new NtmPrincipal(username, name, role, role.needsUnit() ? unit : null, agency));
    }
}
