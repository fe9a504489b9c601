package org.ntmrecords.infra.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated request: its {@link NtmPrincipal}, with the role as authority {@code ROLE_<role>}. */
public class NtmAuthentication extends AbstractAuthenticationToken {
    private final NtmPrincipal principal;

    public NtmAuthentication(NtmPrincipal principal) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + principal.role().name())));
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public NtmPrincipal getPrincipal() {
        return principal;
    }
}
