package org.ntmrecords.infra.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.scorecard.RecordIndicatorValueCommand;
import org.ntmrecords.command.scorecard.TrackUnitCommand;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.Period;
import org.ntmrecords.events.scorecard.ScorecardId;
import org.ntmrecords.infra.axon.ActingAs;
import org.ntmrecords.infra.axon.Actor;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Many writers at once make PostgreSQL commit events out of global-index order; the projections must still
 * see every one of them. Also: a long history is snapshotted, and the snapshot loads back into a working
 * aggregate.
 */
class ConcurrentWritesIT extends IntegrationTest {
    /** The sandbox communes of Lấp Vò this class records on (the demo tracks the real ones). */
    @BeforeEach
    void sandboxCommunes() {
        sandboxCommune("99172");
        sandboxCommune("99181");
        sandboxCommune("99187");
        sandboxCommune("99199");
        sandboxCommune("99205");
    }

    private static final String SET = "dongthap-commune-ntm-2021-2025";
    private static final Actor TESTER = Actor.system("concurrency-test");

    @Autowired
    CommandGateway commands;

    private void track(String unit, String set) throws Exception {
        ActingAs.call(TESTER, () -> commands.sendAndWait(new TrackUnitCommand(unit, set, "dbscl", null)));
    }

    private Object record(String unit, String set, String indicator, String id, int percentage, int day)
            throws Exception {
        return ActingAs.call(TESTER, () -> commands.sendAndWait(new RecordIndicatorValueCommand(
                ScorecardId.of(unit, set), id, indicator, IndicatorValue.percentage(BigDecimal.valueOf(percentage)),
                Period.on(LocalDate.of(2024, 1, 1).plusDays(day)), null, List.of(), null, List.of())));
    }

    @Test
    void everyEventWrittenConcurrentlyReachesTheReadModel() throws Exception {
        awaitProjections();
        List<String> communes = List.of("99172", "99205", "99181", "99187");
        for (String unit : communes) {
            track(unit, SET);
        }
        int perWriter = 60;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int writer = 0; writer < 8; writer++) {
                String unit = communes.get(writer % communes.size());
                int w = writer;
                writes.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        record(unit, SET, "17.7", "w" + w + "-" + i, i % 100, i);
                    }
                    return null;
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }
        awaitProjections();
        Integer stored = jdbc.queryForObject("select count(*) from event_store.domain_event_entry"
                + " where payload_type = 'org.ntmrecords.events.scorecard.IndicatorValueRecordedEvent'"
                + " and aggregate_identifier like '%@" + SET + "' and aggregate_identifier in (?, ?, ?, ?)",
                Integer.class, communes.stream().map(c -> ScorecardId.of(c, SET)).toArray());
        Integer projected = jdbc.queryForObject("select count(*) from read_model.indicator_entry"
                + " where entry_id like 'w%' and scorecard_id like ?", Integer.class, "%@" + SET);
        assertThat(stored).isEqualTo(8 * perWriter);
        assertThat(projected).isEqualTo(stored);
    }

    @Test
    void aLongHistoryIsSnapshottedAndTheSnapshotLoadsBack() throws Exception {
        awaitProjections();
        String unit = "99199";
        String set = "dongthap-commune-advanced-2021-2025";
        track(unit, set);
        // two to four events a value (the criterion's and the standing's judgments only when they change): values
        // until the stream is past the snapshot threshold (ntm.event-store.snapshot-threshold, 1,000)
        String id = ScorecardId.of(unit, set);
        int last = -1;
        while (eventStore.lastSequenceNumberFor(id).orElse(0L) < 1_050) {
            last++;
            record(unit, set, "14.1", "long-" + last, 50 + last % 50, last);
        }
        // snapshots are taken on a thread of their own once the command committed: wait for it to be idle
        awaitSnapshots();
        Integer snapshots = jdbc.queryForObject("select count(*) from event_store.snapshot_event_entry"
                + " where aggregate_identifier = ?", Integer.class, id);
        assertThat(snapshots).as("snapshots past 1,050 events").isPositive();
        // the aggregate loads from its snapshot and still knows every entry: a duplicate id is refused, and
        // the latest value (the latest period) still decides
        org.ntmrecords.command.scorecard.ScorecardOutcome outcome =
                (org.ntmrecords.command.scorecard.ScorecardOutcome) record(unit, set, "14.1", "long-final", 86, 0);
        assertThat(outcome.indicator().valueIdsUsed()).containsExactly("long-" + last);
        assertThat(outcome.indicator().measured()).isEqualByComparingTo(String.valueOf(50 + last % 50));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> record(unit, set, "14.1", "long-3", 1, 50)))
                .hasMessageContaining("already recorded");

        // a snapshot is sealed: changed in SQL (even by bytes a JSON reader ignores), it is passed over and the
        // aggregate is loaded from its events
        awaitSnapshots();
        Long snapshotAt = jdbc.queryForObject("select max(sequence_number) from event_store.snapshot_event_entry "
                + "where aggregate_identifier = ?", Long.class, id);
        assertThat(eventStore.readEvents(id).peek().getSequenceNumber()).isEqualTo(snapshotAt);
        asOwner(false, "update event_store.snapshot_event_entry set payload = payload || '\\x20'::bytea "
                + "where aggregate_identifier = ?", id);
        assertThat(eventStore.readEvents(id).peek().getSequenceNumber()).isZero();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.axonframework.eventsourcing.eventstore.EventStore eventStore;

    @org.springframework.beans.factory.annotation.Autowired
    java.util.concurrent.ExecutorService snapshotExecutor;

    /** Every snapshot asked for so far taken: a task queued behind them has run (the executor has one thread). */
    private void awaitSnapshots() throws Exception {
        snapshotExecutor.submit(() -> { }).get(60, java.util.concurrent.TimeUnit.SECONDS);
    }
}
