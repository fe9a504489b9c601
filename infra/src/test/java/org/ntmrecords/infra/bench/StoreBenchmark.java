package org.ntmrecords.infra.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.ntmrecords.infra.api.ProjectionCatchUp;
import org.ntmrecords.infra.integrity.StoreVerifier;
import org.ntmrecords.infra.projection.ReadModelRebuild;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Items 3 and 5 on the store as it stands: rebuilding every projection (events/s) against a plain sequential JDBC
 * read of the event table, and verifying seals, hash chain and checkpoints of every event (events/s).
 */
final class StoreBenchmark {
    private final Report report;

    StoreBenchmark(Report report) {
        this.report = report;
    }

    void run(ConfigurableApplicationContext service, String size) throws Exception {
        ProjectionCatchUp catchUp = service.getBean(ProjectionCatchUp.class);
        if (!catchUp.awaitEventsAfter(0, Duration.ofMinutes(30))) {
            throw new IllegalStateException("projections did not catch up");
        }
        long events = catchUp.storeSize();
        double plainRead = plainRead(service.getBean(DataSource.class));
        DataSource database = service.getBean(DataSource.class);
        Profiler.prepare(database);
        String step = "store-" + events;
        ReadModelRebuild.Result rebuild = Profiler.around("rebuild-" + step, database,
                () -> service.getBean(ReadModelRebuild.class).rebuild(line -> { }));
        if (!rebuild.completed()) {
            throw new IllegalStateException("rebuild did not complete: " + rebuild.summary());
        }
        double rebuildRate = rebuild.events() / Math.max(rebuild.elapsed().toNanos() / 1e9, 1e-9);
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("events", events);
        raw.put("rebuildSeconds", rebuild.elapsed().toMillis() / 1000.0);
        report.add(new Report.Figure("Rebuild", "all projections from " + size + " (" + events + " events)",
                rebuildRate, "events/s", "sequential JDBC read of the event table", plainRead, "≥ 20,000 events/s",
                rebuildRate >= 20_000, raw));

        long t0 = System.nanoTime();
        StoreVerifier.Report verification = Profiler.around("verify-" + step, database,
                () -> service.getBean(StoreVerifier.class).verify(p -> { }));
        double seconds = (System.nanoTime() - t0) / 1e9;
        double verifyRate = verification.eventsChecked() / seconds;
        Map<String, Object> verifyRaw = new LinkedHashMap<>();
        verifyRaw.put("events", verification.eventsChecked());
        verifyRaw.put("intact", verification.intact());
        verifyRaw.put("seconds", seconds);
        report.add(new Report.Figure("Hash-chain verification", "seals, chain and checkpoints of " + size + " ("
                + verification.eventsChecked() + " events, intact: " + verification.intact() + ")", verifyRate,
                "events/s", "sequential JDBC read of the event table", plainRead, "≥ 100,000 events/s",
                verifyRate >= 100_000, verifyRaw));
    }

    /** Reads every row of the event table in store order, payloads included, as fast as JDBC streams them. */
    private static double plainRead(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            long rows = 0;
            try (PreparedStatement s = c.prepareStatement("select global_index, event_identifier, aggregate_identifier, "
                    + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data "
                    + "from event_store.domain_event_entry order by global_index")) {
                s.setFetchSize(1000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        rs.getBytes(9);
                        rs.getBytes(10);
                    }
                }
            }
            c.commit();
            return rows / ((System.nanoTime() - t0) / 1e9);
        }
    }
}
