package org.ntmrecords.query.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ntmrecords.events.common.LegalBasis;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.criteria.Grade;
import org.ntmrecords.events.criteria.IndicatorDefinition;
import org.ntmrecords.events.criteria.Requirement;
import org.ntmrecords.events.criteria.RequirementKind;
import org.ntmrecords.events.criteria.SetLevel;
import org.ntmrecords.events.judging.Decision;
import org.ntmrecords.events.judging.Entry;
import org.ntmrecords.events.judging.Tally;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.Period;
import org.ntmrecords.query.audit.Appraisal;
import org.ntmrecords.query.audit.Appraiser;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.ntmrecords.query.criteria.CriteriaSetVersionView;
import org.ntmrecords.query.scorecard.IndicatorDecisionView;
import org.ntmrecords.query.scorecard.IndicatorEntryView;

/**
 * The quarter counts judge as the as-of queries do: for random records (values of every kind the set takes,
 * not-assessed marks, corrections with other periods, human decisions, two versions of the set with another
 * threshold, regional thresholds), each record's standing on each quarter end equals the standing
 * {@link Appraiser} gives the same record on that date — the rules {@code standingAsOf} answers by.
 */
class QuarterStandingsTest {
    private static final Instant PUBLISHED = Instant.parse("2022-01-10T00:00:00Z");
    private static final Instant AMENDED = Instant.parse("2023-06-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private static Requirement requirement(RequirementKind kind, String threshold, Map<String, BigDecimal> regional) {
        return new Requirement(kind, null, threshold == null ? null : new BigDecimal(threshold), regional, List.of(),
                null, null, null, false, null);
    }

    private static CriteriaSetVersionView version(int version, LocalDate effective, Instant published,
                                                  String threshold) {
        List<CriterionDefinition> criteria = List.of(
                new CriterionDefinition("1", "Shares", null, null, List.of(
                        new IndicatorDefinition("1.1", "share", requirement(RequirementKind.PERCENT_AT_LEAST,
                                threshold, Map.of("dbscl", new BigDecimal("80"))), null),
                        new IndicatorDefinition("1.2", "ratio", requirement(RequirementKind.RATIO_AT_LEAST, "70",
                                Map.of()), null))),
                new CriterionDefinition("2", "Counts", null, null, List.of(
                        new IndicatorDefinition("2.1", "count", requirement(RequirementKind.COUNT_AT_LEAST, "1",
                                Map.of()), null))),
                new CriterionDefinition("3", "Reports", null, null, List.of(
                        new IndicatorDefinition("3.1", "achieved", requirement(RequirementKind.ACHIEVED, null,
                                Map.of()), null),
                        new IndicatorDefinition("3.2", "unverified", requirement(RequirementKind.PERCENT_AT_LEAST,
                                null, Map.of()), null))));
        return new CriteriaSetVersionView("test-set", version, "Test set", SetLevel.COMMUNE, Grade.NTM, "2021-2025",
                new LegalBasis("1/QĐ-TEST", effective, "Test", null), effective, null, null, null, criteria, null,
                published, "test", null);
    }

    private static IndicatorValue randomValue(String indicator, Random random) {
        return switch (indicator) {
            case "1.1", "3.2" -> IndicatorValue.percentage(BigDecimal.valueOf(75 + random.nextInt(26)));
            case "1.2" -> IndicatorValue.ratio(BigDecimal.valueOf(15 + random.nextInt(16)), new BigDecimal("30.0"));
            case "2.1" -> IndicatorValue.count(random.nextInt(4));
            default -> IndicatorValue.achieved(random.nextInt(4) > 0);
        };
    }

    @Test
    void everyQuarterEndIsJudgedAsTheAsOfQueriesJudgeIt() {
        Random random = new Random(20240126);
        List<CriteriaSetVersionView> versions = List.of(
                version(1, LocalDate.of(2022, 1, 1), PUBLISHED, "85"),
                version(2, LocalDate.of(2023, 7, 1), AMENDED, "90"));
        List<String> indicators = List.of("1.1", "1.2", "2.1", "3.1", "3.2");
        List<LocalDate> dates = OverviewReader.quarterEnds(LocalDate.of(2021, 10, 1), LocalDate.of(2024, 12, 31));
        for (Instant at : List.of(NOW, Instant.parse("2023-03-01T00:00:00Z"))) {
            List<QuarterStandings.TrackedRecord> records = new ArrayList<>();
            Map<String, List<QuarterStandings.KnownEntry>> known = new HashMap<>();
            Map<String, List<QuarterStandings.KnownDecision>> decided = new HashMap<>();
            Map<String, List<IndicatorEntryView>> entryViews = new HashMap<>();
            Map<String, List<IndicatorDecisionView>> decisionViews = new HashMap<>();
            for (int r = 0; r < 60; r++) {
                String id = "300" + r + "@test-set";
                records.add(new QuarterStandings.TrackedRecord(id, "300" + r, r % 3 == 0 ? "dbscl" : null));
                List<IndicatorEntryView> entries = new ArrayList<>();
                List<IndicatorDecisionView> decisions = new ArrayList<>();
                long seq = 0;
                if (r % 3 != 2) {
                    // a record reported in full early on, so that later entries move it from MET and back
                    Period year = new Period(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31));
                    Instant reported = Instant.parse("2022-02-01T00:00:00Z");
                    for (IndicatorValue value : List.of(IndicatorValue.percentage(new BigDecimal("95")),
                            IndicatorValue.ratio(new BigDecimal("29"), new BigDecimal("30.0")), IndicatorValue.count(2),
                            IndicatorValue.achieved(true))) {
                        String indicator = indicators.get((int) seq);
                        seq++;
                        entries.add(new IndicatorEntryView(id, "e" + seq, indicator, indicator.substring(0, 1),
                                "VALUE", value, null, null, year, null, List.of(), null, List.of(), null, null, null,
                                reported, "test", seq));
                    }
                    seq++;
                    decisions.add(new IndicatorDecisionView(id, "d" + seq, "3.2", Judgment.MET, year, "UBND",
                            List.of(), null, reported, "test", seq));
                }
                for (int n = random.nextInt(24); n > 0; n--) {
                    String indicator = indicators.get(random.nextInt(indicators.size()));
                    LocalDate start = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(4 * 365));
                    Period period = new Period(start, start.plusDays(random.nextInt(400)));
                    Instant recorded = Instant.parse("2021-06-01T00:00:00Z").plusSeconds(random.nextInt(3 * 365 * 86400));
                    seq++;
                    int kind = random.nextInt(10);
                    if (kind == 0 || kind == 9) {
                        decisions.add(new IndicatorDecisionView(id, "d" + seq, indicator,
                                random.nextInt(4) > 0 ? Judgment.MET : Judgment.NOT_MET, period, "UBND", List.of(),
                                null, recorded, "test", seq));
                        continue;
                    }
                    IndicatorValue value = kind == 1 ? null : randomValue(indicator, random);
                    String corrects = null;
                    List<IndicatorEntryView> same = entries.stream()
                            .filter(e -> e.indicatorCode().equals(indicator) && e.correctedByEntryId() == null).toList();
                    if (kind == 2 && !same.isEmpty()) {
                        IndicatorEntryView old = same.get(random.nextInt(same.size()));
                        corrects = old.id();
                        // the correction is recorded after the entry it corrects
                        recorded = old.recordedAt().plusSeconds(1 + random.nextInt(90 * 86400));
                    }
                    entries.add(new IndicatorEntryView(id, "e" + seq, indicator, indicator.substring(0, 1),
                            value == null ? "NOT_ASSESSED" : corrects == null ? "VALUE" : "CORRECTION", value, null,
                            null, period, null, List.of(), null, List.of(), corrects, null, null, recorded, "test",
                            seq));
                }
                // what the record knew at the instant, as the repositories read it
                List<IndicatorEntryView> knownEntries = entries.stream().filter(e -> !e.recordedAt().isAfter(at)).toList();
                List<IndicatorDecisionView> knownDecisions = decisions.stream()
                        .filter(d -> !d.recordedAt().isAfter(at)).toList();
                entryViews.put(id, knownEntries);
                decisionViews.put(id, knownDecisions);
                // as the repository reads them: the entries no correction known at the instant supersedes
                java.util.Set<String> corrected = knownEntries.stream().map(IndicatorEntryView::correctsEntryId)
                        .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
                known.put(id, knownEntries.stream().filter(e -> !corrected.contains(e.id()))
                        .map(e -> new QuarterStandings.KnownEntry(e.indicatorCode(),
                                new Entry(e.id(), e.value(), e.period(), e.seq()))).toList());
                decided.put(id, knownDecisions.stream().map(d -> new QuarterStandings.KnownDecision(d.indicatorCode(),
                        new Decision(d.id(), d.result(), d.period(), d.seq()))).toList());
            }
            List<CriteriaSetVersionView> inForce = dates.stream()
                    .map(d -> OverviewReader.inForce(versions, d, at)).toList();
            Map<String, Tally[]> judged = QuarterStandings.judge(records, dates, inForce, known, decided);

            int compared = 0;
            Map<Judgment, Integer> seen = new HashMap<>();
            for (QuarterStandings.TrackedRecord record : records) {
                for (int k = 0; k < dates.size(); k++) {
                    Tally tally = judged.get(record.scorecardId())[k];
                    if (inForce.get(k) == null) {
                        assertThat(tally).as("no version in force on %s", dates.get(k)).isNull();
                        continue;
                    }
                    Appraisal appraisal = Appraiser.appraise(record.scorecardId(), record.unitCode(), inForce.get(k),
                            record.region(), dates.get(k), at, entryViews.get(record.scorecardId()),
                            decisionViews.get(record.scorecardId()), null);
                    assertThat(tally).as("%s on %s as recorded at %s", record.scorecardId(), dates.get(k), at)
                            .isEqualTo(appraisal.standing());
                    seen.merge(tally.result(), 1, Integer::sum);
                    compared++;
                }
            }
            assertThat(compared).isGreaterThan(500);
            // the data reaches every outcome, so the comparison is not of empty records only
            assertThat(seen.keySet()).containsExactlyInAnyOrder(Judgment.MET, Judgment.NOT_MET, Judgment.NOT_ASSESSED);
        }
    }

    @Test
    void theVersionInForceIsTheHighestEffectiveAndPublishedByThen() {
        List<CriteriaSetVersionView> versions = List.of(
                version(1, LocalDate.of(2022, 1, 1), PUBLISHED, "85"),
                version(2, LocalDate.of(2023, 7, 1), AMENDED, "90"));
        assertThat(OverviewReader.inForce(versions, LocalDate.of(2021, 12, 31), NOW)).isNull();
        assertThat(OverviewReader.inForce(versions, LocalDate.of(2023, 6, 30), NOW).version()).isEqualTo(1);
        assertThat(OverviewReader.inForce(versions, LocalDate.of(2023, 9, 30), NOW).version()).isEqualTo(2);
        // before the amendment was published, the record did not know it
        assertThat(OverviewReader.inForce(versions, LocalDate.of(2023, 9, 30), AMENDED.minusSeconds(1)).version())
                .isEqualTo(1);
    }

    @Test
    void quartersAreThoseEndingBetweenFromAndTo() {
        assertThat(OverviewReader.quarterEnds(LocalDate.of(2023, 11, 15), LocalDate.of(2024, 9, 29)))
                .containsExactly(LocalDate.of(2023, 12, 31), LocalDate.of(2024, 3, 31), LocalDate.of(2024, 6, 30));
        assertThat(OverviewReader.quarterEnds(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31)))
                .containsExactly(LocalDate.of(2024, 3, 31));
        assertThat(OverviewReader.quarterEnds(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 30))).isEmpty();
        assertThat(OverviewReader.quarter(LocalDate.of(2024, 6, 30))).isEqualTo("2024-Q2");
        assertThat(OverviewReader.quarterEnds(LocalDate.of(2015, 1, 1), LocalDate.of(2024, 12, 31))).hasSize(40);
        assertThatThrownBy(() -> OverviewReader.quarterEnds(LocalDate.of(2014, 12, 31), LocalDate.of(2024, 12, 31)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("more than 40 quarters");
        assertThatThrownBy(() -> OverviewReader.quarterEnds(LocalDate.of(2024, 12, 31), LocalDate.of(2024, 1, 1)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("before from");
    }

    /** The repository reads an entry's value field by field: these must be every component the value has. */
    @Test
    void theValueFieldsReadAreEveryComponentOfAValue() {
        assertThat(Arrays.stream(IndicatorValue.class.getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toList())).containsExactly("kind", "percentage", "numerator", "denominator",
                "count", "amount", "achieved", "level", "met", "of");
    }
}
