package org.ntmrecords.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.account.Account;
import org.ntmrecords.events.account.AccountDisabledEvent;
import org.ntmrecords.events.account.AccountRegisteredEvent;

/** An account's state is read from its stream again whenever the stream has changed, and kept while it has not. */
class AccountLookupTest {
    /** The event store, counting the streams read. */
    private static final class CountingStore extends EmbeddedEventStore {
        int reads;

        CountingStore() {
            super(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()));
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier) {
            reads++;
            return super.readEvents(aggregateIdentifier);
        }
    }

    private final CountingStore store = new CountingStore();
    private final AccountLookup accounts = new AccountLookup(store);

    @AfterEach
    void stop() {
        store.shutDown();
    }

    private void stored(long sequence, Object payload) {
        store.publish(new GenericDomainEventMessage<>("Account", Account.streamId("thapmuoi.vpdp"), sequence, payload));
    }

    @Test
    void aDisabledAccountIsSeenAtOnceAndAnUnchangedOneIsNotReadAgain() {
        assertThat(accounts.find("thapmuoi.vpdp")).isEmpty();
        assertThat(store.reads).isZero();

        stored(0, new AccountRegisteredEvent("thapmuoi.vpdp", "Văn phòng Điều phối huyện Tháp Mười",
                "DISTRICT_COORDINATION_OFFICE", "872", null));
        assertThat(accounts.find("thapmuoi.vpdp")).get().extracting(AccountLookup.AccountState::enabled)
                .isEqualTo(true);
        assertThat(accounts.find("thapmuoi.vpdp")).isPresent();
        assertThat(store.reads).isEqualTo(1);

        stored(1, new AccountDisabledEvent("thapmuoi.vpdp", "chuyển công tác"));
        assertThat(accounts.find("thapmuoi.vpdp")).get().extracting(AccountLookup.AccountState::enabled)
                .isEqualTo(false);
        assertThat(accounts.find("thapmuoi.vpdp")).get().extracting(AccountLookup.AccountState::enabled)
                .isEqualTo(false);
        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void insideAUnitOfWorkTheStreamIsAlwaysRead() {
        stored(0, new AccountRegisteredEvent("thapmuoi.vpdp", "Văn phòng Điều phối huyện Tháp Mười",
                "DISTRICT_COORDINATION_OFFICE", "872", null));
        accounts.find("thapmuoi.vpdp");
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            accounts.find("thapmuoi.vpdp");
            accounts.find("thapmuoi.vpdp");
        } finally {
            unitOfWork.rollback();
        }
        assertThat(store.reads).isEqualTo(3);
    }
}
