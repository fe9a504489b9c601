package org.ntmrecords.infra.security;

import java.util.Optional;
import org.ntmrecords.infra.axon.Actor;
import org.ntmrecords.infra.axon.ActorResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The actor of a request is its authenticated principal, and nothing the client sent. */
@Component
public class SecurityActorResolver implements ActorResolver {
    @Override
    public Optional<Actor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof NtmPrincipal p) {
            return Optional.of(new Actor(p.username(), p.role().name(), p.unitCode(), p.agencyId()));
        }
        return Optional.empty();
    }
}
