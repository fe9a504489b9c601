package org.ntmrecords.infra.security;

import java.io.Serializable;
import org.ntmrecords.command.access.Role;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in user as NTM Records sees it: the account name, its role and the jurisdiction it acts in.
 * Commands take their actor from here and nowhere else.
 */
public record NtmPrincipal(String username, String displayName, Role role, String unitCode, String agencyId)
        implements AuthenticatedPrincipal, Serializable {
    @Override
    public String getName() {
        return username;
    }
}
