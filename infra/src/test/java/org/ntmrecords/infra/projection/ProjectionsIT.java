package org.ntmrecords.infra.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.common.LegalBasis;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.CriteriaSetPublishedEvent;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.criteria.Grade;
import org.ntmrecords.events.criteria.IndicatorDefinition;
import org.ntmrecords.events.criteria.Requirement;
import org.ntmrecords.events.criteria.RequirementKind;
import org.ntmrecords.events.criteria.SetLevel;
import org.ntmrecords.events.scorecard.CriterionJudgedEvent;
import org.ntmrecords.events.scorecard.IndicatorJudgedEvent;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.IndicatorValueCorrectedEvent;
import org.ntmrecords.events.scorecard.IndicatorValueRecordedEvent;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.JudgmentBasis;
import org.ntmrecords.events.scorecard.Period;
import org.ntmrecords.events.scorecard.StandingComputedEvent;
import org.ntmrecords.events.scorecard.UnitTrackedEvent;
import org.ntmrecords.events.unit.UnitKind;
import org.ntmrecords.events.unit.UnitRegisteredEvent;
import org.ntmrecords.events.unit.UnitRenamedEvent;
import org.ntmrecords.infra.support.TestDatabases;
import org.ntmrecords.query.common.ReadModelWriter;
import org.ntmrecords.query.criteria.CriteriaSetProjection;
import org.ntmrecords.query.scorecard.CriterionStandingView;
import org.ntmrecords.query.scorecard.IndicatorEntryView;
import org.ntmrecords.query.scorecard.ScorecardProjection;
import org.ntmrecords.query.scorecard.StandingChangeFeed;
import org.ntmrecords.query.scorecard.StandingReadRepository;
import org.ntmrecords.query.unit.UnitProjection;
import org.ntmrecords.query.unit.UnitReadRepository;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The projections, fed events directly (no Spring, no event store), write the rows the queries read. */
class ProjectionsIT {
    private static final Instant T1 = Instant.parse("2024-02-01T03:00:00Z");
    private static final Instant T2 = Instant.parse("2024-02-02T03:00:00Z");
    private static final String ID = "30049@s";

    private JdbcTemplate jdbc;
    private UnitProjection units;
    private CriteriaSetProjection sets;
    private ScorecardProjection scorecards;
    private StandingReadRepository standings;
    private UnitReadRepository unitReads;

    @BeforeEach
    void freshReadModel() {
        TestDatabases.Database database = TestDatabases.fresh();
        PGSimpleDataSource dataSource = database.dataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        ReadModelWriter writer = new ReadModelWriter(jdbc);
        units = new UnitProjection(writer);
        sets = new CriteriaSetProjection(writer);
        scorecards = new ScorecardProjection(writer, new StandingChangeFeed());
        standings = new StandingReadRepository(new NamedParameterJdbcTemplate(dataSource));
        unitReads = new UnitReadRepository(new NamedParameterJdbcTemplate(dataSource));
    }

    private static CriteriaSetDefinition set() {
        Requirement percent = new Requirement(RequirementKind.PERCENT_AT_LEAST, "85%", new BigDecimal("85"), Map.of(),
                List.of(), null, null, "%", false, null);
        Requirement achieved = new Requirement(RequirementKind.ACHIEVED, "Đạt", null, Map.of(), List.of(), null, null,
                null, false, null);
        return new CriteriaSetDefinition("s", 1, "Set", SetLevel.COMMUNE, Grade.NTM, null,
                new LegalBasis("1/QĐ", LocalDate.of(2022, 1, 1), null, null), LocalDate.of(2022, 1, 1), null, null,
                null, List.of(
                new CriterionDefinition("1", "One", null, null, List.of(new IndicatorDefinition("1", "t", achieved, null))),
                new CriterionDefinition("17", "Seventeen", null, null, List.of(
                        new IndicatorDefinition("17.7", "t", percent, null)))));
    }

    @Test
    void unitsAreStoredWithFoldedNamesAndRenamed() {
        units.on(new UnitRegisteredEvent("30049", "Tân Kiều", "Xã Tân Kiều", UnitKind.COMMUNE, "872", null), T1);
        units.on(new UnitRenamedEvent("30049", "Tân Kiều", "Xã Tân Kiều", "Tân Kiều A", "Xã Tân Kiều A", null), T2);
        var unit = unitReads.find("30049").orElseThrow();
        assertThat(unit.fullName()).isEqualTo("Xã Tân Kiều A");
        assertThat(unit.registeredAt()).isEqualTo(T1);
        assertThat(unit.updatedAt()).isEqualTo(T2);
        assertThat(unitReads.search("tan kieu a", null, null, null, null, true, 10)).hasSize(1);
    }

    @Test
    void trackingLaysOutEveryCriterionAndIndicatorAndJudgmentsFillThemIn() {
        sets.on(new CriteriaSetPublishedEvent(set()), T1, "admin");
        scorecards.on(new UnitTrackedEvent(ID, "30049", "s", 1, "dbscl", null), T1, "admin");
        var fresh = standings.find(ID).orElseThrow();
        assertThat(fresh.criteriaTotal()).isEqualTo(2);
        assertThat(fresh.result()).isEqualTo(Judgment.NOT_ASSESSED);
        assertThat(fresh.notAssessedCriteriaCodes()).containsExactly("1", "17");

        IndicatorValue wrong = IndicatorValue.percentage(new BigDecimal("71.32"));
        scorecards.on(new IndicatorValueRecordedEvent(ID, "30049", "s", "v1", "17", "17.7", wrong,
                Period.on(LocalDate.of(2024, 1, 26)), "agency", List.of(new DocumentRef("317/KH-UBND", null, null, null)),
                "note", List.of()), T1, 1, "officer", "e1");
        scorecards.on(new IndicatorJudgedEvent(ID, "30049", "s", 1, "dbscl", "17", "17.7", Judgment.NOT_MET,
                JudgmentBasis.COMPUTED, "85%", new BigDecimal("85"), null, new BigDecimal("71.32"), List.of("v1"), null,
                "v1"), T1);
        scorecards.on(new CriterionJudgedEvent(ID, "30049", "s", 1, "17", Judgment.NOT_MET, 0, 1, List.of("17.7"),
                List.of(), "v1"), T1);
        scorecards.on(new StandingComputedEvent(ID, "30049", "s", 1, Judgment.NOT_MET, 0, 2, List.of("17"),
                List.of("1"), "v1"), T1);
        scorecards.on(new IndicatorValueCorrectedEvent(ID, "30049", "s", "v2", "v1", "typo", "17", "17.7",
                IndicatorValue.ratio(new BigDecimal("9"), new BigDecimal("10")), Period.on(LocalDate.of(2024, 1, 26)),
                null, List.of(), null, List.of()), T2, 5, "officer", "e2");
        scorecards.on(new IndicatorJudgedEvent(ID, "30049", "s", 1, "dbscl", "17", "17.7", Judgment.MET,
                JudgmentBasis.COMPUTED, "85%", new BigDecimal("85"), null, new BigDecimal("90"), List.of("v2"), null,
                "v2"), T2);

        var standing = standings.find(ID).orElseThrow();
        assertThat(standing.result()).isEqualTo(Judgment.NOT_MET);
        assertThat(standing.unmetCriteriaCodes()).containsExactly("17");
        var indicator = standings.indicators(List.of(new CriterionStandingView.Key(ID, "17")))
                .get(new CriterionStandingView.Key(ID, "17")).get(0);
        assertThat(indicator.result()).isEqualTo(Judgment.MET);
        assertThat(indicator.latestEntryId()).isEqualTo("v2");
        assertThat(indicator.lastChangedAt()).isEqualTo(T2);
        List<IndicatorEntryView> entries = standings.entriesOf(ID, "17.7", org.ntmrecords.query.common.Keyset.first(10));
        assertThat(entries).extracting(IndicatorEntryView::id).containsExactly("v1", "v2");
        assertThat(entries.get(0).correctedByEntryId()).isEqualTo("v2");
        assertThat(entries.get(0).recordedBy()).isEqualTo("officer");
        assertThat(entries.get(1).display()).isEqualTo("9/10 (90%)");
        assertThat(entries.get(1).share()).isEqualByComparingTo("90");
    }

    @Test
    void adoptingARestructuredVersionReplacesTheRowsOfASplitIndicatorAndKeepsItsEntries() {
        CriteriaSetDefinition v1 = set();
        Requirement ratio = new Requirement(RequirementKind.RATIO_AT_LEAST, null, null, Map.of(), List.of(), null,
                null, "km", false, null);
        CriteriaSetDefinition v2 = v1.withVersion(2, new LegalBasis("2/QĐ", LocalDate.of(2024, 5, 1), null, null),
                LocalDate.of(2024, 5, 1), List.of(v1.criteria().get(0), new CriterionDefinition("17", "Seventeen",
                        null, null, List.of(new IndicatorDefinition("17.7a", "a", ratio, null),
                        new IndicatorDefinition("17.7b", "b", ratio, null)))));
        sets.on(new CriteriaSetPublishedEvent(v1), T1, "admin");
        sets.on(new org.ntmrecords.events.criteria.CriteriaSetAmendedEvent("s", 2, 1, LocalDate.of(2024, 5, 1),
                v2.legalBasis(), "tách", List.of(), v2, List.of()), T1, "admin");
        scorecards.on(new UnitTrackedEvent(ID, "30049", "s", 1, "dbscl", null), T1, "admin");
        scorecards.on(new IndicatorValueRecordedEvent(ID, "30049", "s", "v1", "17", "17.7",
                IndicatorValue.percentage(new BigDecimal("71.32")), Period.on(LocalDate.of(2024, 1, 26)), null,
                List.of(), null, List.of()), T1, 1, "officer", "e1");

        scorecards.on(new org.ntmrecords.events.scorecard.CriteriaSetVersionAdoptedEvent(ID, "30049", "s", 1, 2,
                LocalDate.of(2024, 5, 1), v2.legalBasis(), List.of("17.7a", "17.7b"), List.of("17.7")), T2);
        scorecards.on(new IndicatorJudgedEvent(ID, "30049", "s", 2, "dbscl", "17", "17.7a", Judgment.NOT_ASSESSED,
                JudgmentBasis.NO_DATA, null, null, null, null, List.of(), null, "s@v2"), T2);

        var indicators = standings.indicators(List.of(new CriterionStandingView.Key(ID, "17")))
                .get(new CriterionStandingView.Key(ID, "17"));
        assertThat(indicators).extracting(i -> i.code()).containsExactly("17.7a", "17.7b");
        assertThat(indicators).allSatisfy(i -> {
            assertThat(i.setVersion()).isEqualTo(2);
            assertThat(i.result()).isEqualTo(Judgment.NOT_ASSESSED);
            assertThat(i.requirement().kind()).isEqualTo(RequirementKind.RATIO_AT_LEAST);
            assertThat(i.region()).isEqualTo("dbscl");
        });
        assertThat(standings.find(ID).orElseThrow().setVersion()).isEqualTo(2);
        // the split indicator's entry stays readable under its own code
        assertThat(standings.entriesOf(ID, "17.7", org.ntmrecords.query.common.Keyset.first(10)))
                .extracting(IndicatorEntryView::id).containsExactly("v1");
    }
}
