package org.ntmrecords.infra.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
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
 *
 * <p>Every request signs in again (HTTP Basic, a token, a session's refresh), and reading the stream — its events
 * read, their seals checked, their payloads deserialised — was 7.7 % of a mutation's request thread
 * (docs/benchmarks/README.md, finding 15). So the state folded from a stream is kept with the sequence number of
 * its last event, and used again only while the store's last sequence number of that stream is the same (one
 * index lookup, current across processes writing the store), as {@code EventStoreUnitDirectory} keeps a unit's
 * facts. Inside a unit of work (which may have staged events of the stream, not yet stored) the stream is read.
 */
@Component
public class AccountLookup {
    private static final int MAX_KEPT = 100_000;

    private final EventStore eventStore;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    private record Known(long lastSequence, AccountState state) {
    }

    public AccountLookup(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public record AccountState(NtmPrincipal principal, boolean enabled) {
    }

    public Optional<AccountState> find(String username) {
        if (!Account.isUsername(username)) {
            return Optional.empty();
        }
        String stream = Account.streamId(username);
        if (CurrentUnitOfWork.isStarted()) {
            return Optional.ofNullable(read(stream).state());
        }
        Optional<Long> last = eventStore.lastSequenceNumberFor(stream);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Known kept = known.get(stream);
        if (kept != null && kept.lastSequence() == last.get()) {
            return Optional.ofNullable(kept.state());
        }
        Known read = read(stream);
        if (read.lastSequence() == last.get()) {
            if (known.size() >= MAX_KEPT) {
                known.clear();
            }
            known.put(stream, read);
        }
        return Optional.ofNullable(read.state());
    }

    private Known read(String streamId) {
        DomainEventStream stream = eventStore.readEvents(streamId);
        AccountState state = null;
        long lastSequence = -1;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            lastSequence = event.getSequenceNumber();
            Object payload = event.getPayload();
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
        return new Known(lastSequence, state);
    }
}
