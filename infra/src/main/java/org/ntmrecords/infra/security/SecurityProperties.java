package org.ntmrecords.infra.security;

import java.util.List;
import org.ntmrecords.command.access.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity settings.
 *
 * @param localAccounts sign-in with accounts of this service (HTTP Basic) — the embedded default
 * @param jwt           claim mapping for bearer tokens from an OIDC provider (on when
 *                      {@code spring.security.oauth2.resourceserver.jwt.*} is configured)
 * @param seedAccounts  accounts created (if missing) at start-up, with passwords from configuration
 * @param allowedOrigins pages elsewhere (e.g. {@code https://ntm.dongthap.gov.vn}) that may open a GraphQL WebSocket
 *                      with a browser session's cookie, besides this service's own address ({@link WebSocketOrigins})
 */
@ConfigurationProperties("ntm.security")
public record SecurityProperties(Boolean localAccounts, Jwt jwt, Seed seedAccounts, List<String> allowedOrigins) {
    public SecurityProperties {
        localAccounts = localAccounts == null || localAccounts;
        jwt = jwt == null ? new Jwt(null, null, null, null, null) : jwt;
        seedAccounts = seedAccounts == null ? new Seed(null, null, List.of()) : seedAccounts;
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }

    /**
     * Which token claims carry what. Without a role claim the token's user must have an account here, whose
     * role and jurisdiction apply.
     */
    public record Jwt(String usernameClaim, String nameClaim, String roleClaim, String unitClaim, String agencyClaim) {
        public Jwt {
            usernameClaim = usernameClaim == null ? "preferred_username" : usernameClaim;
            nameClaim = nameClaim == null ? "name" : nameClaim;
            roleClaim = roleClaim == null ? "ntm_role" : roleClaim;
            unitClaim = unitClaim == null ? "ntm_unit" : unitClaim;
            agencyClaim = agencyClaim == null ? "ntm_agency" : agencyClaim;
        }
    }

    /**
     * @param enabled  seed the accounts; unset means: when the demo is loaded
     * @param password the password of every seeded account that does not give its own
     */
    public record Seed(Boolean enabled, String password, List<SeedAccount> accounts) {
        public Seed {
            accounts = accounts == null ? List.of() : List.copyOf(accounts);
        }
    }

    public record SeedAccount(String username, String displayName, Role role, String unitCode, String agencyId,
                              String password) {
    }
}
