package org.ntmrecords.infra.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ntmrecords.command.scorecard.RecordIndicatorValueCommand;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.Period;
import org.ntmrecords.infra.axon.ActingAs;
import org.ntmrecords.infra.axon.Actor;
import org.ntmrecords.infra.support.TestDatabases;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Item 1: recording an indicator value (Tháp Mười communes' scorecards under the Đồng Tháp commune set, its
 * indicators judged as achieved or not, reporting years 2021–2025, as the district's coordination office) from 1, 4
 * and 16 clients, through the command gateway and through GraphQL over
 * HTTP, against (a) one audited row inserted per transaction with plain JDBC and (b) the CRUD alternative, Spring
 * Data JPA with Hibernate Envers, recording the same change. Everything on the same PostgreSQL.
 */
public final class WritePathBenchmark {
    static final String SET = "dongthap-commune-ntm-2021-2025";
    static final Actor OFFICE = new Actor("thapmuoi.vpdp", "DISTRICT_COORDINATION_OFFICE", "872", null);

    /** The CRUD baseline (b), built only with the bench profile (infra/src/bench). */
    public interface CrudBaseline extends AutoCloseable {
        void record(String scorecardId, String indicatorCode, boolean achieved, String actor, String correlationId);

        /** Throws nothing checked: AutoCloseable's close() may throw InterruptedException, which a resource should not. */
        @Override
        void close();
    }

    private final BenchConfig config;
    private final Report report;

    WritePathBenchmark(BenchConfig config, Report report) {
        this.config = config;
        this.report = report;
    }

    void run(ConfigurableApplicationContext service, BenchPostgres postgres) throws Exception {
        javax.sql.DataSource serviceDb = service.getBean(javax.sql.DataSource.class);
        Profiler.prepare(serviceDb);
        List<String> units = service.getBean(JdbcTemplate.class).queryForList("""
                select u.code from read_model.unit u where u.parent_code = '872' and exists (
                  select 1 from event_store.domain_event_entry e where e.aggregate_identifier = u.code || '@' || ?)
                order by u.code""", String.class, SET);
        if (units.isEmpty()) {
            throw new IllegalStateException("no tracked Tháp Mười commune in the demo");
        }
        List<String> indicators = service.getBean(JdbcTemplate.class).queryForList("""
                select distinct indicator_code from read_model.indicator_standing
                 where scorecard_id = ? and requirement ->> 'kind' = 'ACHIEVED' order by 1""", String.class,
                units.get(0) + "@" + SET);
        report.note("Write path: " + units.size() + " Tháp Mười communes' scorecards, client i writes to commune i mod "
                + units.size() + "; each operation the next of the set's " + indicators.size()
                + " ACHIEVED indicators and of the years 2021–2025, alternating values, as a year of reporting "
                + "spreads them.");
        java.util.function.BiFunction<Integer, Long, Change> change = (client, seq) -> new Change(
                units.get(client % units.size()), indicators.get((int) (seq % indicators.size())),
                2021 + (int) ((seq / indicators.size()) % 5), seq % 2 == 0);
        CommandGateway gateway = service.getBean(CommandGateway.class);
        Workload.Operation viaGateway = (client, seq) -> ActingAs.call(OFFICE, () -> gateway.sendAndWait(
                command(change.apply(client, seq))));
        // What the API adds to a command before it answers: the wait until this process's projections have its
        // events (read-your-writes, ProjectionCatchUp), measured on its own so the HTTP figure's cost splits in two.
        org.ntmrecords.infra.api.ProjectionCatchUp catchUp = service.getBean(org.ntmrecords.infra.api.ProjectionCatchUp.class);
        Workload.Operation viaGatewayAwaited = (client, seq) -> {
            long before = catchUp.storeHead();
            viaGateway.run(client, seq);
            if (!catchUp.awaitEventsAfter(before, java.time.Duration.ofSeconds(30))) {
                throw new IllegalStateException("projections did not catch up within 30 s");
            }
        };
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI graphql = URI.create("http://localhost:" + BenchService.port(service) + "/graphql");
        String auth = "Basic " + Base64.getEncoder().encodeToString(("thapmuoi.vpdp:" + BenchService.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        Workload.Operation viaHttp = (client, seq) -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(graphql)
                    .header("Content-Type", "application/json").header("Authorization", auth)
                    .POST(HttpRequest.BodyPublishers.ofString(mutation(change.apply(client, seq)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains("\"errors\":[]")) {
                throw new IllegalStateException("mutation failed: " + response.body());
            }
        };

        TestDatabases.Database baselineDb = postgres.database("bench_jdbc");
        try (HikariDataSource jdbc = pool(baselineDb, 16); CrudBaseline crud = crud(postgres)) {
            try (Connection c = jdbc.getConnection(); Statement s = c.createStatement()) {
                s.execute("""
                        create table audited_value (id uuid primary key, scorecard_id varchar(200) not null,
                          indicator_code varchar(20) not null, achieved boolean not null, period_start date not null,
                          period_end date not null, source_agency text, actor text not null,
                          correlation_id text not null, recorded_at timestamptz not null)""");
            }
            Workload.Operation viaJdbc = (client, seq) -> {
                Change c1 = change.apply(client, seq);
                try (Connection c = jdbc.getConnection(); PreparedStatement insert = c.prepareStatement(
                        "insert into audited_value values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, c1.unit() + "@" + SET);
                    insert.setString(3, c1.indicator());
                    insert.setBoolean(4, c1.achieved());
                    insert.setObject(5, c1.start());
                    insert.setObject(6, c1.end());
                    insert.setString(7, "Phòng Nông nghiệp");
                    insert.setString(8, OFFICE.name());
                    insert.setString(9, UUID.randomUUID().toString());
                    insert.setTimestamp(10, Timestamp.from(Instant.now()));
                    insert.executeUpdate();
                }
            };
            Workload.Operation viaCrud = crud == null ? null : (client, seq) -> {
                Change c1 = change.apply(client, seq);
                crud.record(c1.unit() + "@" + SET, c1.indicator(), c1.achieved(), OFFICE.name(),
                        UUID.randomUUID().toString());
            };

            for (int clients : config.clients()) {
                Workload.Result a = measure(viaJdbc, clients);
                Workload.Result b = viaCrud == null ? null : measure(viaCrud, clients);
                Workload.Result g = Profiler.around("gateway-" + clients, serviceDb,
                        () -> measure(viaGateway, clients));
                // the gateway's operations return before the projections have their events: let them catch up
                // before the next step, so that it does not pay for this one's
                Duration settled = settle(catchUp);
                Workload.Result w = Profiler.around("gateway-awaited-" + clients, serviceDb,
                        () -> measure(viaGatewayAwaited, clients));
                Workload.Result h = Profiler.around("http-" + clients, serviceDb, () -> measure(viaHttp, clients));
                String name = clients + (clients == 1 ? " client" : " clients");
                add("baseline (a) raw JDBC, one audited row per transaction, " + name, a, null, null, null, 0);
                if (b != null) {
                    add("baseline (b) JPA + Envers, " + name, b, null, null, null, 0);
                }
                boolean sixteen = clients == 16;
                add("command gateway, " + name, g, "(a) raw JDBC", a.throughput(),
                        sixteen ? "≥ 50% of (a)" : null, 0.5);
                if (b != null) {
                    add("command gateway, " + name + ", against (b)", g, "(b) JPA + Envers", b.throughput(),
                            sixteen ? "≥ 1.0× (b)" : clients == 1 ? "≥ 0.5× (b)" : null, sixteen ? 1.0 : 0.5);
                }
                report.note("Write path, " + name + ": the projections took " + String.format(java.util.Locale.ROOT,
                        "%.1f", settled.toMillis() / 1000.0) + " s after the gateway step to process its events.");
                add("command gateway waiting for the projections as the API does (read-your-writes), " + name, w,
                        "command gateway, " + name, g.throughput(), null, 0);
                add("GraphQL over HTTP, " + name, h, "(a) raw JDBC", a.throughput(), null, 0);
                if (b != null) {
                    add("GraphQL over HTTP, " + name + ", against (b)", h, "(b) JPA + Envers", b.throughput(), null, 0);
                }
                add("GraphQL over HTTP, " + name + ", against the gateway", h, "command gateway, " + name,
                        g.throughput(), sixteen ? "≥ 0.8× the gateway" : null, 0.8);
                add("GraphQL over HTTP, " + name + ", against the gateway waiting for the projections", h,
                        "command gateway waiting for the projections, " + name, w.throughput(), null, 0);
                settle(catchUp);
            }
        }
        growingIndicator(units.get(0), indicators.get(0), gateway, catchUp);
    }

    /**
     * A command's cost as one indicator's history grows: 1 client recording values of one indicator of one
     * scorecard, measured with the values it holds after the rounds above, then again after 10,000 more (quick: 1,000),
     * each time once the projections have caught up.
     */
    private void growingIndicator(String unit, String indicator, CommandGateway gateway,
                                  org.ntmrecords.infra.api.ProjectionCatchUp catchUp) throws Exception {
        int added = config.name().equals("full") ? 10_000 : 1_000;
        Workload.Operation value = (client, seq) -> ActingAs.call(OFFICE, () -> gateway.sendAndWait(command(
                new Change(unit, indicator, 2025, seq % 2 == 0))));
        settle(catchUp);
        Workload.Result before = measure(value, 1);
        for (int i = 0; i < added; i++) {
            value.run(0, i);
        }
        // measured with the projections idle, as before: not while they catch up on the values just added
        settle(catchUp);
        Workload.Result after = measure(value, 1);
        add("command cost as an indicator's values grow: one indicator's values, 1 client, with those the rounds "
                + "above recorded", before, null, null, null, 0);
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("added", added);
        raw.put("p50MsBefore", before.p50Ms());
        raw.put("p50MsAfter", after.p50Ms());
        raw.put("p99MsAfter", after.p99Ms());
        raw.put("roundThroughputs", after.roundThroughputs());
        report.add(new Report.Figure("Write path", String.format(java.util.Locale.ROOT,
                "command cost as an indicator's values grow: the same after %,d more values of it (p50 %.1f ms, "
                        + "p99 %.1f ms; p50 %.2f× before)", added, after.p50Ms(), after.p99Ms(),
                after.p50Ms() / before.p50Ms()), after.throughput(), "ops/s", "the same before them",
                before.throughput(), "p50 ≤ 1.5× before", after.p50Ms() <= 1.5 * before.p50Ms(), raw));
    }

    /** Waits until the projections have every stored event; how long that took. */
    private static Duration settle(org.ntmrecords.infra.api.ProjectionCatchUp catchUp) {
        long started = System.nanoTime();
        if (!catchUp.awaitEventsAfter(0, Duration.ofMinutes(10))) {
            throw new IllegalStateException("projections did not catch up within 10 minutes");
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private Workload.Result measure(Workload.Operation operation, int clients) throws Exception {
        return Workload.run(clients, config.warmupPerClient(), config.writeWarmup(), config.rounds(),
                config.perClientPerRound(clients), operation);
    }

    /** @param factor the share of the baseline the target asks for (when there is a target) */
    private void add(String name, Workload.Result result, String baseline, Double baselineValue, String target,
                     double factor) {
        Boolean met = null;
        if (target != null && baselineValue != null) {
            met = result.throughput() >= factor * baselineValue;
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("clients", result.clients());
        raw.put("operations", result.operations());
        raw.put("p50Ms", result.p50Ms());
        raw.put("p99Ms", result.p99Ms());
        raw.put("roundThroughputs", result.roundThroughputs());
        report.add(new Report.Figure("Write path", name + String.format(java.util.Locale.ROOT,
                " (p50 %.1f ms, p99 %.1f ms)", result.p50Ms(), result.p99Ms()), result.throughput(), "ops/s",
                baseline, baselineValue, target, met, raw));
    }

    /** One value: which commune, which indicator, which reporting year, achieved or not. */
    private record Change(String unit, String indicator, int year, boolean achieved) {
        LocalDate start() {
            return LocalDate.of(year, 1, 1);
        }

        LocalDate end() {
            return LocalDate.of(year, 12, 31);
        }
    }

    private static RecordIndicatorValueCommand command(Change change) {
        return new RecordIndicatorValueCommand(change.unit() + "@" + SET, "bench-" + UUID.randomUUID(),
                change.indicator(), IndicatorValue.achieved(change.achieved()), new Period(change.start(), change.end()),
                "Phòng Nông nghiệp", List.of(), null, List.of());
    }

    private static String mutation(Change change) {
        return "{\"query\":\"mutation($i: RecordIndicatorValueInput!) { recordIndicatorValue(input: $i) { entryId "
                + "errors { code } } }\",\"variables\":{\"i\":{\"unitCode\":\"" + change.unit() + "\",\"setId\":\""
                + SET + "\",\"indicatorCode\":\"" + change.indicator() + "\",\"value\":{\"kind\":\"ACHIEVED\","
                + "\"achieved\":" + change.achieved() + "},\"period\":{\"start\":\"" + change.start() + "\",\"end\":\""
                + change.end() + "\"},\"sourceAgency\":\"Phòng Nông nghiệp\"}}}";
    }

    static HikariDataSource pool(TestDatabases.Database database, int size) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(database.url());
        pool.setUsername(database.username());
        pool.setPassword(database.password());
        pool.setMaximumPoolSize(size);
        return pool;
    }

    private CrudBaseline crud(BenchPostgres postgres) {
        try {
            Class<?> type = Class.forName("org.ntmrecords.infra.bench.crud.JpaEnversBaseline");
            TestDatabases.Database database = postgres.database("bench_crud");
            return (CrudBaseline) type.getMethod("start", TestDatabases.Database.class).invoke(null, database);
        } catch (ClassNotFoundException e) {
            report.note("Baseline (b) not built: run with the bench profile (it adds infra/src/bench).");
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("baseline (b) did not start", e);
        }
    }
}
