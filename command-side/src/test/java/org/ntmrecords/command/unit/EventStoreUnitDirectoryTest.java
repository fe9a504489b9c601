package org.ntmrecords.command.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.ntmrecords.events.unit.UnitKind;
import org.ntmrecords.events.unit.UnitRegisteredEvent;
import org.ntmrecords.events.unit.UnitRenamedEvent;

/** A unit's facts are read from its stream again whenever the stream has changed, and kept while it has not. */
class EventStoreUnitDirectoryTest {
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
    private final List<EventMessage<?>> staged = new ArrayList<>();
    private final EventStoreUnitDirectory units = new EventStoreUnitDirectory(store, () -> staged);

    private void stored(long sequence, Object payload) {
        store.publish(new GenericDomainEventMessage<>("AdministrativeUnit", "30061", sequence, payload));
    }

    @Test
    void factsAreKeptWhileTheStreamIsUnchangedAndReadAgainWhenItChanges() {
        stored(0, new UnitRegisteredEvent("30061", "Xã Mỹ An", "Xã Mỹ An", UnitKind.COMMUNE, "872", null));
        assertThat(units.find("30061")).get().extracting(UnitFacts::name).isEqualTo("Xã Mỹ An");
        assertThat(units.find("30061")).get().extracting(UnitFacts::name).isEqualTo("Xã Mỹ An");
        assertThat(store.reads).isEqualTo(1);

        stored(1, new UnitRenamedEvent("30061", "Xã Mỹ An", "Xã Mỹ An", "Thị trấn Mỹ An", "Thị trấn Mỹ An", null));
        assertThat(units.find("30061")).get().extracting(UnitFacts::name).isEqualTo("Thị trấn Mỹ An");
        assertThat(store.reads).isEqualTo(2);
        assertThat(units.find("30061")).get().extracting(UnitFacts::name).isEqualTo("Thị trấn Mỹ An");
        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void anUnknownUnitIsNeverKeptAndAStagedStreamIsAlwaysRead() {
        assertThat(units.find("99999")).isEmpty();
        assertThat(store.reads).isZero();

        stored(0, new UnitRegisteredEvent("30061", "Xã Mỹ An", "Xã Mỹ An", UnitKind.COMMUNE, "872", null));
        units.find("30061");
        staged.add(new GenericDomainEventMessage<>("AdministrativeUnit", "30061", 1, new UnitRenamedEvent("30061",
                "Xã Mỹ An", "Xã Mỹ An", "Thị trấn Mỹ An", "Thị trấn Mỹ An", null)));
        units.find("30061");
        units.find("30061");
        assertThat(store.reads).isEqualTo(3);
    }
}
