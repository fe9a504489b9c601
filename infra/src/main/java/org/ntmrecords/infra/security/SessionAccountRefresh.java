package org.ntmrecords.infra.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a browser session's account as the event store says it is now, as HTTP Basic does by signing in on every
 * request: a disabled (or vanished) account's session ends at its next request, which is then anonymous; a changed
 * role or jurisdiction applies from the next request on. Runs right after the session's sign-in is loaded.
 */
class SessionAccountRefresh extends OncePerRequestFilter {
    private static final String CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

    private final AccountLookup accounts;

    SessionAccountRefresh(AccountLookup accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CONTEXT) instanceof SecurityContext stored
                && stored.getAuthentication() instanceof NtmAuthentication signedIn) {
            Optional<AccountLookup.AccountState> now = accounts.find(signedIn.getPrincipal().username());
            boolean current = SecurityContextHolder.getContext().getAuthentication() == signedIn;
            if (now.isEmpty() || !now.get().enabled()) {
                session.invalidate();
                if (current) {
                    SecurityContextHolder.clearContext();
                }
            } else if (!now.get().principal().equals(signedIn.getPrincipal())) {
                SecurityContext fresh = new SecurityContextImpl(new NtmAuthentication(now.get().principal()));
                session.setAttribute(CONTEXT, fresh);
                if (current) {
                    SecurityContextHolder.setContext(fresh);
                }
            }
        }
        chain.doFilter(request, response);
    }
}
