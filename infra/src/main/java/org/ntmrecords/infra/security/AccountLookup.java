package org.ntmrecords.infra.security;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.command.account.Account;
import org.ntmrecords.events.account.AccountDisabledEvent;
import org.ntmrecords.events.account.AccountEnabledEvent;
import org.ntmrecords.events.account.AccountRegisteredEvent;
import org.ntmrecords.events.account.AccountRoleChangedEvent;
import org.springframework.stereotype.Component;

/**
 * An account as the event store says it is now: read from the account's own stream at sign-in, so a role
 * change or a disabled account takes effect on the next request, whatever the read tables are doing.
 */
@Component
public class AccountLookup {
    private final EventStore eventStore;

    public AccountLookup(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public record AccountState(NtmPrincipal principal, boolean enabled) {
    }

    public Optional<AccountState> find(String username) {
        if (!Account.isUsername(username)) {
            return Optional.empty();
        }
        DomainEventStream stream = eventStore.readEvents(Account.streamId(username));
        AccountState state = null;
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof AccountRegisteredEvent e) {
                state = new AccountState(new NtmPrincipal(e.username(), e.displayName(), Role.valueOf(e.role()),
                        e.unitCode(), e.agencyId()), true);
            } else if (state != null && payload instanceof AccountRoleChangedEvent e) {
                NtmPrincipal p = state.principal();
                state = new AccountState(new NtmPrincipal(p.username(), p.displayName(), Role.valueOf(e.role()),
                        e.unitCode(), e.agencyId()), state.enabled());
            } else if (state != null && payload instanceof AccountDisabledEvent) {
                state = new AccountState(state.principal(), false);
            } else if (state != null && payload instanceof AccountEnabledEvent) {
                state = new AccountState(state.principal(), true);
            }
        }
        return Optional.ofNullable(state);
    }
}
