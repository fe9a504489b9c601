package org.ntmrecords.infra.security;

import org.ntmrecords.command.access.Acting;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.command.access.SecurityLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;

/** Failed sign-ins go to the security log too (who tried, and why it failed), never the password. */
@Component
public class SignInFailures {
    private final SecurityLog log;

    public SignInFailures(SecurityLog log) {
        this.log = log;
    }

    @EventListener
    public void on(AbstractAuthenticationFailureEvent event) {
        String name = String.valueOf(event.getAuthentication().getName());
        String attempted = name.length() > 64 ? name.substring(0, 64) : name;
        log.denied(new Acting(attempted.replaceAll("\\p{Cntrl}", "?"), Role.DASHBOARD_VIEWER, null, null), "SIGN_IN", null,
                event.getException().getClass().getSimpleName() + ": " + event.getException().getMessage());
    }
}
