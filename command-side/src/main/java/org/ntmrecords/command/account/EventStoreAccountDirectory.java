package org.ntmrecords.command.account;

import org.axonframework.eventsourcing.eventstore.EventStore;

/** An account exists when its stream has an event. */
public class EventStoreAccountDirectory implements AccountDirectory {
    private final EventStore eventStore;

    public EventStoreAccountDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean exists(String username) {
        return Account.isUsername(username) && eventStore.readEvents(Account.streamId(username)).hasNext();
    }
}
