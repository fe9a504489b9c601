package org.ntmrecords.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.spring.JqwikSpringSupport;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ntmrecords.events.criteria.CriteriaSetAmendedEvent;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.CriteriaSetPublishedEvent;
import org.ntmrecords.events.judging.Decision;
import org.ntmrecords.events.judging.Entry;
import org.ntmrecords.events.judging.Evaluation;
import org.ntmrecords.events.judging.Recency;
import org.ntmrecords.events.judging.Verdict;
import org.ntmrecords.events.scorecard.IndicatorDecisionRecordedEvent;
import org.ntmrecords.events.scorecard.IndicatorMarkedNotAssessedEvent;
import org.ntmrecords.events.scorecard.IndicatorValueCorrectedEvent;
import org.ntmrecords.events.scorecard.IndicatorValueRecordedEvent;
import org.ntmrecords.events.scorecard.Period;
import org.ntmrecords.events.scorecard.UnitTrackedEvent;
import org.ntmrecords.infra.api.audit.AsOfQueries;
import org.ntmrecords.infra.support.IntegrationTest;
import org.ntmrecords.infra.support.TestCriteriaSets;
import org.ntmrecords.query.audit.Appraisal;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * As-of answers from the read tables equal a from-scratch replay of the stored events: random sequences of
 * values, corrections, not-assessed marks, decisions and amendments are sent as commands; then, for the instant
 * after every step and several business dates, the standing the query gives is compared with one computed from
 * the set's and the record's events read back from the event store, keeping those recorded by the instant.
 */
@JqwikSpringSupport
class AsOfReplayPropertiesIT extends IntegrationTest {
    private static final String UNIT = "99193";
    private static final String OFFICE = "lapvo.vpdp";
    private static final List<String> PERCENT_INDICATORS = List.of("1.1", "1.2");
    private static final List<LocalDate> DATES = List.of(LocalDate.of(2021, 6, 30), LocalDate.of(2022, 12, 31),
            LocalDate.of(2023, 7, 1), LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31));
    private static final AtomicInteger SETS = new AtomicInteger();

    @Autowired
    AsOfQueries queries;
    @Autowired
    EventStore eventStore;

    /** One step of a generated history. */
    sealed interface Step permits Value, Correction, NotAssessed, HumanDecision, Amendment {
    }

    record Value(String indicator, int percent, int year) implements Step {
    }

    /** Corrects the {@code which}-th entry recorded so far (modulo their number), if any. */
    record Correction(int which, int percent) implements Step {
    }

    record NotAssessed(String indicator, int year) implements Step {
    }

    record HumanDecision(String indicator, boolean met, int year) implements Step {
    }

    record Amendment(String indicator, int threshold, int monthsLater) implements Step {
    }

    @Provide
    Arbitrary<Step> steps() {
        Arbitrary<String> indicator = Arbitraries.of("1.1", "1.2", "2.1");
        Arbitrary<Integer> year = Arbitraries.integers().between(2021, 2025);
        Arbitrary<Integer> percent = Arbitraries.integers().between(30, 100);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Combinators.combine(indicator, percent, year).as(Value::new)),
                net.jqwik.api.Tuple.of(3, Combinators.combine(Arbitraries.integers().between(0, 50), percent)
                        .as(Correction::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(indicator, year).as(NotAssessed::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(indicator, Arbitraries.of(true, false), year)
                        .as(HumanDecision::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(Arbitraries.of(PERCENT_INDICATORS),
                        Arbitraries.integers().between(40, 95), Arbitraries.integers().between(0, 18))
                        .as(Amendment::new)));
    }

    @Property(tries = 20)
    void asOfEqualsAReplayOfTheStore(@ForAll @Size(min = 3, max = 12) List<@net.jqwik.api.From("steps") Step> steps) {
        awaitProjections();
        String setId = "it-prop-asof-" + SETS.incrementAndGet();
        publishAndTrack(setId);
        List<Instant> instants = new ArrayList<>();
        instants.add(Instant.now());
        List<String> entries = new ArrayList<>();
        Map<String, String> indicatorOf = new HashMap<>();
        LocalDate lastEffective = LocalDate.of(2021, 1, 1);
        int version = 1;
        for (Step step : steps) {
            if (step instanceof Value v) {
                String id = send("recordIndicatorValue", Map.of("unitCode", UNIT, "setId", setId,
                        "indicatorCode", v.indicator(), "value", value(v.indicator(), v.percent()),
                        "period", year(v.year())));
                entries.add(id);
                indicatorOf.put(id, v.indicator());
            } else if (step instanceof Correction c) {
                if (entries.isEmpty()) {
                    continue;
                }
                String corrected = entries.get(c.which() % entries.size());
                String indicator = indicatorOf.get(corrected);
                String id = send("correctIndicatorValue", Map.of("unitCode", UNIT, "setId", setId,
                        "correctsValueId", corrected, "indicatorCode", indicator, "reason", "sửa",
                        "value", value(indicator, c.percent())));
                if (id != null) {
                    entries.add(id);
                    indicatorOf.put(id, indicator);
                }
            } else if (step instanceof NotAssessed n) {
                String id = send("markIndicatorNotAssessed", Map.of("unitCode", UNIT, "setId", setId,
                        "indicatorCode", n.indicator(), "period", year(n.year()), "reason", "chưa đánh giá"));
                entries.add(id);
                indicatorOf.put(id, n.indicator());
            } else if (step instanceof HumanDecision d) {
                send("recordIndicatorDecision", Map.of("unitCode", UNIT, "setId", setId,
                        "indicatorCode", d.indicator(), "result", d.met() ? "MET" : "NOT_MET",
                        "period", year(d.year()), "decidedBy", "UBND huyện", "basis", List.of(Map.of("number", "BC-1"))));
            } else if (step instanceof Amendment a) {
                lastEffective = lastEffective.plusMonths(a.monthsLater());
                version++;
                graphQl("admin").documentName("amendCriteriaSet").variable("input", Map.of("setId", setId,
                                "legalBasis", Map.of("decision", version + "/QĐ-IT", "date", "2021-01-01"),
                                "effectiveFrom", lastEffective.toString(), "reason", "điều chỉnh",
                                "changes", List.of(Map.of("indicatorCode", a.indicator(),
                                        "text", "≥ " + a.threshold() + "%", "threshold", a.threshold()))))
                        .execute().path("amendCriteriaSet.errors[*].code").entityList(String.class)
                        .satisfies(codes -> assertThat(codes).as("an amendment is refused only when it changes nothing")
                                .isSubsetOf("NO_CHANGE"));
            }
            instants.add(Instant.now());
        }
        awaitProjections();

        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(setId).asStream().forEach(events::add);
        eventStore.readEvents(UNIT + "@" + setId).asStream().forEach(events::add);
        for (Instant at : instants) {
            for (LocalDate date : DATES) {
                Appraisal fromReadModel = queries.standingAsOf(UNIT, setId, date, at);
                Replayed replayed = replay(events, date, at);
                assertThat(fromReadModel).as("tracked at %s", at).isNotNull();
                assertThat(fromReadModel.set().version()).as("version on %s at %s", date, at)
                        .isEqualTo(replayed.version());
                assertThat(fromReadModel.standing()).as("standing on %s at %s", date, at)
                        .isEqualTo(replayed.evaluation().standing());
                for (Appraisal.Criterion criterion : fromReadModel.criteria()) {
                    assertThat(criterion.tally()).isEqualTo(replayed.evaluation().criteria().get(criterion.code()));
                    for (Appraisal.Indicator indicator : criterion.indicators()) {
                        Verdict expected = replayed.evaluation().indicators().get(indicator.code());
                        assertThat(indicator.verdict()).as("%s on %s at %s", indicator.code(), date, at)
                                .usingRecursiveComparison().withComparatorForType(java.math.BigDecimal::compareTo,
                                        java.math.BigDecimal.class).isEqualTo(expected);
                    }
                }
            }
        }
    }

    private record Replayed(int version, Evaluation evaluation) {
    }

    /** The standing computed from the stored events alone, keeping those recorded by {@code at}. */
    private static Replayed replay(List<DomainEventMessage<?>> events, LocalDate date, Instant at) {
        Instant until = at.truncatedTo(ChronoUnit.MICROS);
        List<CriteriaSetDefinition> versions = new ArrayList<>();
        String region = null;
        List<Entry> entries = new ArrayList<>();
        Map<String, String> indicatorOfEntry = new HashMap<>();
        Set<String> corrected = new HashSet<>();
        Map<String, List<Decision>> decisions = new HashMap<>();
        for (DomainEventMessage<?> message : events) {
            if (message.getTimestamp().truncatedTo(ChronoUnit.MICROS).isAfter(until)) {
                continue;
            }
            Object e = message.getPayload();
            long order = message.getSequenceNumber();
            if (e instanceof CriteriaSetPublishedEvent p) {
                versions.add(p.definition());
            } else if (e instanceof CriteriaSetAmendedEvent a) {
                versions.add(a.definition());
            } else if (e instanceof UnitTrackedEvent t) {
                region = t.region();
            } else if (e instanceof IndicatorValueRecordedEvent v) {
                add(entries, indicatorOfEntry, v.indicatorCode(), new Entry(v.valueId(), v.value(), v.period(), order));
            } else if (e instanceof IndicatorValueCorrectedEvent c) {
                corrected.add(c.correctsValueId());
                add(entries, indicatorOfEntry, c.indicatorCode(), new Entry(c.valueId(), c.value(), c.period(), order));
            } else if (e instanceof IndicatorMarkedNotAssessedEvent n) {
                add(entries, indicatorOfEntry, n.indicatorCode(), new Entry(n.valueId(), null, n.period(), order));
            } else if (e instanceof IndicatorDecisionRecordedEvent d && startsBy(d.period(), date)) {
                decisions.computeIfAbsent(d.indicatorCode(), k -> new ArrayList<>())
                        .add(new Decision(d.decisionId(), d.result(), d.period(), order));
            }
        }
        CriteriaSetDefinition inForce = versions.stream().filter(v -> !v.effectiveFrom().isAfter(date))
                .max(java.util.Comparator.comparingInt(CriteriaSetDefinition::version)).orElseThrow();
        Map<String, List<Entry>> counting = new HashMap<>();
        for (Entry entry : entries) {
            if (!corrected.contains(entry.id()) && startsBy(entry.period(), date)) {
                counting.computeIfAbsent(indicatorOfEntry.get(entry.id()), k -> new ArrayList<>()).add(entry);
            }
        }
        return new Replayed(inForce.version(), Evaluation.of(inForce, region,
                code -> Recency.effective(counting.getOrDefault(code, List.of())),
                code -> Recency.latest(decisions.getOrDefault(code, List.of()))));
    }

    private static void add(List<Entry> entries, Map<String, String> indicatorOf, String indicator, Entry entry) {
        entries.add(entry);
        indicatorOf.put(entry.id(), indicator);
    }

    private static boolean startsBy(Period period, LocalDate date) {
        return !period.start().isAfter(date);
    }

    private void publishAndTrack(String setId) {
        sandboxCommune(UNIT);
        graphQl("admin").documentName("publishCriteriaSet")
                .variable("input", Map.of("document", TestCriteriaSets.twoCriteria(setId, "2021-01-01", "AsOfReplayPropertiesIT")))
                .execute().path("publishCriteriaSet.errors").entityList(Object.class).hasSize(0);
        graphQl(OFFICE).documentName("trackUnit").variable("input", Map.of("unitCode", UNIT, "setId", setId))
                .execute().path("trackUnit.errors").entityList(Object.class).hasSize(0);
    }

    private static Map<String, Object> value(String indicator, int percent) {
        return indicator.equals("2.1") ? Map.of("kind", "ACHIEVED", "achieved", percent >= 65)
                : Map.of("kind", "PERCENTAGE", "percentage", percent);
    }

    private static Map<String, Object> year(int year) {
        return Map.of("start", year + "-01-01", "end", year + "-12-31");
    }

    /** Sends a scorecard mutation; the entry id, or null when the command was refused (a correction of a corrected entry). */
    private String send(String mutation, Map<String, Object> input) {
        var response = graphQl(OFFICE).documentName(mutation).variable("input", input).execute();
        List<Object> errors = response.path(mutation + ".errors").entityList(Object.class).get();
        if (!errors.isEmpty()) {
            assertThat(mutation).as("only corrections may be refused here: %s", errors).isEqualTo("correctIndicatorValue");
            return null;
        }
        return response.path(mutation + ".entryId").entity(String.class).get();
    }
}
