package org.ntmrecords.infra.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Signs in local accounts (HTTP Basic): the account from the event store, the password checked against its
 * stored hash. An unknown name costs the same hash check as a known one.
 */
public class LocalAccountAuthentication implements AuthenticationProvider {
    private final AccountLookup accounts;
    private final Credentials credentials;
    private final String noSuchHash;

    public LocalAccountAuthentication(AccountLookup accounts, Credentials credentials) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.noSuchHash = credentials.hashOf(java.util.UUID.randomUUID() + "-never-a-password");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        Optional<AccountLookup.AccountState> account = accounts.find(username);
        Optional<String> hash = account.flatMap(a -> credentials.hash(username));
        boolean matches = credentials.matches(password, hash.orElse(noSuchHash));
        if (account.isEmpty() || hash.isEmpty() || !matches) {
            throw new BadCredentialsException("bad credentials");
        }
        if (!account.get().enabled()) {
            throw new DisabledException("account " + username + " is disabled");
        }
        return new NtmAuthentication(account.get().principal());
    }

    @Override
    public boolean supports(Class<?> type) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
    }
}
