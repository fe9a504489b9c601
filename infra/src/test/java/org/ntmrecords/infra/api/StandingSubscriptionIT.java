package org.ntmrecords.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.support.ResourceDocumentSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The {@code standingChanged} subscription over graphql-ws, as a page showing standings uses it: a value recorded
 * over HTTP reaches the subscribers of its unit and district with the unit's new standing, readable by a query as
 * soon as it arrives; a subscription narrowed to another unit hears nothing of it; each subscriber reads of it what
 * the {@code standing} query lets it read. Two sandbox communes of Lấp Vò (875) of this class's own, tracked by
 * Lấp Vò's coordination office.
 *
 * <p>A subscription is registered on the server a moment after it is sent: each test first records values until
 * every subscriber has heard one ({@link #untilLive}), then waits, bounded, for the message showing its own change.
 */
class StandingSubscriptionIT extends IntegrationTest {
    private static final String SET = "dongthap-commune-ntm-2021-2025";
    private static final String OFFICE = "lapvo.vpdp";
    private static final String LAP_VO = "875";
    private static final String WATCHED = "99214";
    private static final String OTHER = "99217";
    private static final String INDICATOR = "17.7";
    private static final Map<String, Object> MET = Map.of("kind", "PERCENTAGE", "percentage", 87.5);
    private static final Map<String, Object> NOT_MET = Map.of("kind", "PERCENTAGE", "percentage", 71.32);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<Subscriber> subscribers = new ArrayList<>();

    @BeforeEach
    void sandboxTracked() {
        for (String unit : List.of(WATCHED, OTHER)) {
            sandboxCommune(unit);
            Integer tracked = jdbc.queryForObject("select count(*) from read_model.scorecard where scorecard_id = ?",
                    Integer.class, unit + "@" + SET);
            if (tracked == null || tracked == 0) {
                graphQl(OFFICE).documentName("trackUnit")
                        .variable("input", Map.of("unitCode", unit, "setId", SET, "region", "dbscl"))
                        .execute().path("trackUnit.errors").entityList(Object.class).hasSize(0);
            }
        }
        awaitProjections();
    }

    @AfterEach
    void closeSubscriptions() {
        subscribers.forEach(Subscriber::close);
        subscribers.clear();
    }

    @Test
    void aDistrictsSubscriberReceivesTheUnitsNewStandingReadableAtOnce() {
        Subscriber district = subscribe(OFFICE, Map.of("area", LAP_VO, "set", SET));
        untilLive(WATCHED, district);

        String unmet = record(WATCHED, NOT_MET);
        // the read tables may take a change's events in two batches (the embedded store hands the processor what it
        // has fetched so far), and each batch's commit is published: wait for the message of the change complete
        ClientGraphQlResponse first = district.next(showing(WATCHED, unmet).and(resulting("NOT_MET")));
        assertThat(first.getErrors()).isEmpty();
        assertThat((String) first.field("standingChanged.unit.parent.code").getValue()).isEqualTo(LAP_VO);
        assertThat((String) first.field("standingChanged.standing.scorecardId").getValue()).isEqualTo(WATCHED + "@" + SET);
        assertThat((String) first.field("standingChanged.standing.result").getValue()).isEqualTo("NOT_MET");
        assertThat((Integer) first.field("standingChanged.standing.criteriaMet").getValue()).isZero();
        assertThat(codes(first, "unmetCriteria")).containsExactly("17");
        assertThat(codes(first, "notAssessedCriteria")).hasSize(18).doesNotContain("17");
        // a subscriber querying on receipt reads what it was sent: the change was committed before it was published
        queriedStandingIs(WATCHED, "NOT_MET", 0, 1);
        districtOverviewShows(WATCHED, "NOT_MET");

        String met = record(WATCHED, MET);
        ClientGraphQlResponse second = district.next(showing(WATCHED, met).and(resulting("NOT_ASSESSED")));
        // 17.7 is criterion 17's only indicator in this set: the criterion is met now
        assertThat((Integer) second.field("standingChanged.standing.criteriaMet").getValue()).isEqualTo(1);
        assertThat(codes(second, "unmetCriteria")).isEmpty();
        assertThat(codes(second, "notAssessedCriteria")).hasSize(18).doesNotContain("17");
        assertThat((String) second.field("standingChanged.standing.result").getValue()).isEqualTo("NOT_ASSESSED");
        queriedStandingIs(WATCHED, "NOT_ASSESSED", 1, 0);
        districtOverviewShows(WATCHED, "NOT_ASSESSED");
    }

    @Test
    void aSubscriptionToOneUnitHearsNothingOfAnother() {
        Subscriber other = subscribe(OFFICE, Map.of("unit", OTHER));
        untilLive(OTHER, other);

        record(WATCHED, NOT_MET);
        // the next change of the subscribed unit comes after the first in the feed: whatever was to be sent of the
        // first has been sent by the time the second arrives
        String second = record(OTHER, NOT_MET);
        List<ClientGraphQlResponse> before = new ArrayList<>();
        other.next(showing(OTHER, second), before);
        assertThat(before).as("messages before the subscribed unit's change")
                .allSatisfy(m -> assertThat(unitOf(m)).isEqualTo(OTHER));
    }

    /**
     * The subscription holds the same read rule as the {@code standing} query: every signed-in account reads every
     * unit's standing (jurisdiction limits what an account records, not what it reads), and a dashboard reads the
     * standing but not the values and figures behind it.
     */
    @Test
    void eachSubscriberReadsWhatTheStandingQueryLetsItRead() {
        Subscriber own = subscribe(OFFICE, Map.of("area", LAP_VO));
        Subscriber anotherDistrict = subscribe("thapmuoi.vpdp", Map.of("area", LAP_VO));
        Subscriber dashboard = subscribe("dashboard", Map.of("area", LAP_VO, "unit", WATCHED));
        untilLive(WATCHED, own, anotherDistrict, dashboard);

        String entry = record(WATCHED, NOT_MET);
        ClientGraphQlResponse ownChange = own.next(showing(WATCHED, entry));
        ClientGraphQlResponse theirs = anotherDistrict.next(showing(WATCHED, entry));
        assertThat(theirs.getErrors()).isEmpty();
        assertThat(codes(theirs, "unmetCriteria")).isEqualTo(codes(ownChange, "unmetCriteria")).containsExactly("17");
        graphQl("thapmuoi.vpdp").documentName("standing").variable("unit", WATCHED).variable("set", SET).execute()
                .path("standing.unmetCriteria[0].indicators[0].latestValue.id").entity(String.class).isEqualTo(entry);

        Object changedAt = ownChange.field("standingChanged.standing.lastChangedAt").getValue();
        ClientGraphQlResponse dashboards = dashboard.next(m -> WATCHED.equals(unitOf(m))
                && Objects.equals(changedAt, m.field("standingChanged.standing.lastChangedAt").getValue()));
        assertThat(codes(dashboards, "unmetCriteria")).containsExactly("17");
        assertThat((Integer) dashboards.field("standingChanged.standing.criteriaTotal").getValue()).isEqualTo(19);
        // the values and the figures measured from them are refused, field by field, as in the query
        assertThat(dashboards.getErrors()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN");
            assertThat(e.getPath()).matches(".*\\.(measured|latestValue)$");
        });
        assertThat(dashboards.getErrors()).anySatisfy(e -> assertThat(e.getPath()).endsWith(".latestValue"))
                .anySatisfy(e -> assertThat(e.getPath()).endsWith(".measured"));
        graphQl("dashboard").documentName("standing").variable("unit", WATCHED).variable("set", SET).execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** Records a value of 17.7 for the unit over HTTP, as Lấp Vò's office; answers the entry's id. */
    private String record(String unit, Map<String, Object> value) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("unitCode", unit);
        input.put("setId", SET);
        input.put("indicatorCode", INDICATOR);
        input.put("value", value);
        input.put("period", Map.of("start", "2024-01-01", "end", "2024-03-31"));
        input.put("evidence", List.of(Map.of("number", "12/BC-UBND", "date", "2024-04-02", "issuer", "UBND xã")));
        GraphQlTester.Response response = graphQl(OFFICE).documentName("recordIndicatorValue").variable("input", input)
                .execute();
        response.path("recordIndicatorValue.errors").entityList(Object.class).hasSize(0);
        return response.path("recordIndicatorValue.entryId").entity(String.class).get();
    }

    /** Records values of the unit until every subscriber has heard one: their subscriptions are registered. */
    private void untilLive(String unit, Subscriber... waiting) {
        Set<Subscriber> deaf = new LinkedHashSet<>(List.of(waiting));
        for (int attempt = 0; attempt < 15 && !deaf.isEmpty(); attempt++) {
            record(unit, attempt % 2 == 0 ? MET : NOT_MET);
            deaf.removeIf(s -> s.heard(unit, Duration.ofSeconds(2)));
        }
        assertThat(deaf).as("subscriptions that never heard a change of %s", unit).isEmpty();
    }

    private void queriedStandingIs(String unit, String result, int met, int unmet) {
        graphQl().documentName("standing").variable("unit", unit).variable("set", SET).execute()
                .path("standing.result").entity(String.class).isEqualTo(result)
                .path("standing.criteriaMet").entity(Integer.class).isEqualTo(met)
                .path("standing.unmetCriteria").entityList(Object.class).hasSize(unmet);
    }

    private void districtOverviewShows(String unit, String result) {
        graphQl().documentName("districtOverview").variable("district", LAP_VO).variable("set", SET).execute()
                .path("districtOverview.units[?(@.unit.code == '" + unit + "')].standing.result")
                .entityList(String.class).containsExactly(result);
    }

    /** A message of the unit whose indicator 17.7 rests on the entry. */
    private static Predicate<ClientGraphQlResponse> resulting(String result) {
        return m -> result.equals(m.field("standingChanged.standing.result").getValue());
    }

    private static Predicate<ClientGraphQlResponse> showing(String unit, String entryId) {
        return m -> unit.equals(unitOf(m)) && entryId.equals(latestEntryOf(m));
    }

    private static String unitOf(ClientGraphQlResponse message) {
        return message.field("standingChanged.unit.code").getValue();
    }

    private static String latestEntryOf(ClientGraphQlResponse message) {
        List<Map<String, Object>> criteria = message.field("standingChanged.standing.criteria").getValue();
        if (criteria == null) {
            return null;
        }
        for (Map<String, Object> criterion : criteria) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> indicators = (List<Map<String, Object>>) criterion.get("indicators");
            for (Map<String, Object> indicator : indicators) {
                if (INDICATOR.equals(indicator.get("code")) && indicator.get("latestValue") instanceof Map<?, ?> latest) {
                    return (String) latest.get("id");
                }
            }
        }
        return null;
    }

    private static List<String> codes(ClientGraphQlResponse message, String list) {
        List<Map<String, Object>> criteria = message.field("standingChanged.standing." + list).getValue();
        return criteria.stream().map(c -> (String) c.get("code")).toList();
    }

    private Subscriber subscribe(String username, Map<String, Object> variables) {
        Subscriber subscriber = new Subscriber(username, variables);
        subscribers.add(subscriber);
        return subscriber;
    }

    /** One account's graphql-ws connection, signed in with connection_init, and the messages of its subscription. */
    private final class Subscriber {
        private final String username;
        private final WebSocketGraphQlClient client;
        private final BlockingQueue<ClientGraphQlResponse> received = new LinkedBlockingQueue<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final Disposable subscription;

        Subscriber(String username, Map<String, Object> variables) {
            this.username = username;
            String authorization = "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            client = WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql", new ReactorNettyWebSocketClient())
                    .documentSource(new ResourceDocumentSource(List.of(new ClassPathResource("graphql-test/")),
                            List.of(".graphql")))
                    .interceptor(new WebSocketGraphQlClientInterceptor() {
                        @Override
                        public Mono<Object> connectionInitPayload() {
                            return Mono.just(Map.of("Authorization", authorization));
                        }
                    }).build();
            subscription = client.documentName("standingChanged").variables(variables).executeSubscription()
                    .subscribe(received::add, failure::set);
        }

        /** Whether a message of the unit arrives within the wait (the messages before it are dropped). */
        boolean heard(String unit, Duration wait) {
            long deadline = System.nanoTime() + wait.toNanos();
            try {
                for (ClientGraphQlResponse m; (m = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null; ) {
                    if (unit.equals(unitOf(m))) {
                        return true;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            failed();
            return false;
        }

        ClientGraphQlResponse next(Predicate<ClientGraphQlResponse> wanted) {
            return next(wanted, new ArrayList<>());
        }

        /** The first message that is wanted, within the wait; the ones before it go to {@code skipped}. */
        ClientGraphQlResponse next(Predicate<ClientGraphQlResponse> wanted, List<ClientGraphQlResponse> skipped) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            try {
                for (ClientGraphQlResponse m; (m = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null; ) {
                    if (wanted.test(m)) {
                        return m;
                    }
                    skipped.add(m);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            failed();
            return fail("%s: no wanted message within %s; received instead: %s", username, WAIT,
                    skipped.stream().map(m -> String.valueOf(m.toMap())).toList());
        }

        private void failed() {
            if (failure.get() != null) {
                throw new AssertionError(username + "'s subscription failed", failure.get());
            }
        }

        void close() {
            subscription.dispose();
            client.stop().block(Duration.ofSeconds(10));
        }
    }
}
