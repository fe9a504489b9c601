package org.ntmrecords.infra.api.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.scorecard.CorrectIndicatorValueCommand;
import org.ntmrecords.command.scorecard.RecordIndicatorValueCommand;
import org.ntmrecords.command.scorecard.TrackUnitCommand;
import org.ntmrecords.command.unit.RegisterUnitCommand;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.Period;
import org.ntmrecords.events.scorecard.ScorecardId;
import org.ntmrecords.events.unit.UnitKind;
import org.ntmrecords.infra.axon.ActingAs;
import org.ntmrecords.infra.axon.Actor;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

/**
 * The roll-ups through the public GraphQL API against the demo (seed 000 for Tháp Mười, seed 001 for Lấp Vò), on a
 * store of their own so that no other test's values move the counts: Đồng Tháp's districts and communes counted, the
 * communes failing criterion 13, the counts moving at the quarter the plan's values describe, the refusals, what
 * dashboards read, and the SQL statements each roll-up costs for one commune or thirty.
 */
@Import(OverviewIT.CountingDataSource.class)
@TestPropertySource(properties = "ntm.test.isolated=overview")
class OverviewIT extends IntegrationTest {
    private static final String NTM = "dongthap-commune-ntm-2021-2025";
    private static final String ADVANCED = "dongthap-commune-advanced-2021-2025";
    private static final String NATIONAL = "commune-ntm-2021-2025";
    /** Thạnh Lợi, Hưng Thạnh, Tân Kiều, Mỹ Hòa, Mỹ Quý, Thanh Mỹ: criterion 13 (13.3) not met, seed 000. */
    private static final List<String> FAILING_13 = List.of("30040", "30043", "30049", "30052", "30055", "30073");
    private static final List<String> LAP_VO = List.of("30172", "30175", "30178", "30181", "30184", "30187",
            "30190", "30193", "30196", "30199", "30202", "30205");
    /** A summary, or a row of its distribution by criteria met, as the API answers it. */
    private static final ParameterizedTypeReference<Map<String, Object>> ROW = new ParameterizedTypeReference<>() { };

    static final AtomicInteger STATEMENTS = new AtomicInteger();

    /** Counts the SQL statements sent on the HTTP request threads (not the event processors'). */
    @TestConfiguration
    static class CountingDataSource {
        @Bean
        static BeanPostProcessor countOverviewStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSource dataSource
                            && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
                        return ProxyDataSourceBuilder.create(dataSource).listener(new QueryExecutionListener() {
                            @Override
                            public void beforeQuery(net.ttddyy.dsproxy.ExecutionInfo info,
                                                    List<net.ttddyy.dsproxy.QueryInfo> queries) {
                                if (Thread.currentThread().getName().startsWith("http-nio")) {
                                    STATEMENTS.addAndGet(queries.size());
                                }
                            }

                            @Override
                            public void afterQuery(net.ttddyy.dsproxy.ExecutionInfo info,
                                                   List<net.ttddyy.dsproxy.QueryInfo> queries) {
                            }
                        }).build();
                    }
                    return bean;
                }
            };
        }
    }

    @Autowired
    CommandGateway commands;

    @BeforeEach
    void demoLoaded() {
        awaitProjections();
    }

    private GraphQlTester.Response province(String user, String code, String set) {
        return graphQl(user).documentName("provinceOverview").variable("province", code).variable("set", set)
                .execute();
    }

    private static Map<String, Object> counts(int units, int tracked, int met, int notMet, int notAssessed) {
        return Map.of("units", units, "tracked", tracked, "met", met, "notMet", notMet, "notAssessed", notAssessed);
    }

    /** The counts of a summary at a path, without the distribution. */
    private static void hasCounts(GraphQlTester.Response response, String path, Map<String, Object> expected) {
        response.path(path).entity(ROW).satisfies(summary -> {
            Map<String, Object> actual = new java.util.HashMap<>(summary);
            actual.remove("byCriteriaMet");
            assertThat(actual).as(path).isEqualTo(expected);
        });
    }

    private static Map<String, Object> atCount(int met, int total, int units) {
        return Map.of("criteriaMet", met, "criteriaTotal", total, "units", units);
    }

    // ---- provinceOverview ---------------------------------------------------------------------------------------------

    @Test
    void dongThapCountsThapMuoisAndLapVosCommunesByCriteriaMet() {
        GraphQlTester.Response overview = province("dashboard", "87", NTM);
        overview.path("provinceOverview.province.fullName").entity(String.class).isEqualTo("Tỉnh Đồng Tháp")
                .path("provinceOverview.districts[*].district.code").entityList(String.class)
                .containsExactly("872", "875");
        // seed 000: six at 19/19, five at 18/19 (13.3), Tân Kiều at 17/19 (13.3 and 17.7); its township is not a commune
        hasCounts(overview, "provinceOverview.districts[0].summary", counts(12, 12, 6, 6, 0));
        overview.path("provinceOverview.districts[0].summary.byCriteriaMet").entityList(ROW)
                .satisfies(rows -> assertThat(rows).containsExactly(atCount(17, 19, 1), atCount(18, 19, 5),
                        atCount(19, 19, 6)));
        // seed 001 line 35: Lấp Vò's 12 communes "duy trì đạt 19/19 tiêu chí xã NTM"
        hasCounts(overview, "provinceOverview.districts[1].summary", counts(12, 12, 12, 0, 0));
        overview.path("provinceOverview.districts[1].summary.byCriteriaMet").entityList(ROW)
                .satisfies(rows -> assertThat(rows).containsExactly(atCount(19, 19, 12)));
        hasCounts(overview, "provinceOverview.outsideDistricts", counts(0, 0, 0, 0, 0));
        hasCounts(overview, "provinceOverview.summary", counts(24, 24, 18, 6, 0));
        overview.path("provinceOverview.summary.byCriteriaMet").entityList(ROW)
                .satisfies(rows -> assertThat(rows).containsExactly(atCount(17, 19, 1), atCount(18, 19, 5),
                        atCount(19, 19, 18)));

        // per set: the advanced set tracks six of Tháp Mười's communes, Thanh Mỹ at 18/19 (14.1)
        GraphQlTester.Response advanced = province("dashboard", "87", ADVANCED);
        hasCounts(advanced, "provinceOverview.districts[0].summary", counts(12, 6, 5, 1, 0));
        advanced.path("provinceOverview.districts[0].summary.byCriteriaMet").entityList(ROW)
                .satisfies(rows -> assertThat(rows).containsExactly(atCount(18, 19, 1), atCount(19, 19, 5)));
        // seed 001 line 37: five of Lấp Vò's communes "duy trì đạt 19/19 tiêu chí xã NTM nâng cao"
        hasCounts(advanced, "provinceOverview.districts[1].summary", counts(12, 5, 5, 0, 0));
        // a district set rates the districts themselves: Tháp Mười 9/9, Lấp Vò's dossier not tracked as a standing
        GraphQlTester.Response districts = province("auditor", "87", "dongthap-district-ntm-2021-2025");
        hasCounts(districts, "provinceOverview.districts[0].summary", counts(1, 1, 1, 0, 0));
        hasCounts(districts, "provinceOverview.districts[1].summary", counts(1, 0, 0, 0, 0));
        hasCounts(districts, "provinceOverview.summary", counts(2, 1, 1, 0, 0));
    }

    @Test
    void aProvinceIsRefusedByTheDistrictOverviewAndADistrictByTheProvinceOverviewEachNamingTheOther() {
        graphQl().documentName("districtOverview").variable("district", "87").variable("set", NTM).execute()
                .errors().expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST
                        && "UNIT_LEVEL_MISMATCH".equals(e.getExtensions().get("code"))
                        && "districtCode".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("đơn vị 87 Tỉnh Đồng Tháp là tỉnh")
                        && e.getMessage().contains("provinceOverview(provinceCode: \"87\")")
                        && e.getMessage().contains("criterionOverview")).verify()
                .path("districtOverview").valueIsNull();
        province("auditor", "872", NTM)
                .errors().expect(e -> "UNIT_LEVEL_MISMATCH".equals(e.getExtensions().get("code"))
                        && e.getMessage().contains("đơn vị 872 Huyện Tháp Mười không phải tỉnh")
                        && e.getMessage().contains("districtOverview(districtCode: \"872\")")
                        && e.getMessage().contains("provinceOverview(provinceCode: \"87\")")).verify();
        // the district overview itself is unchanged for a district
        graphQl().documentName("districtOverview").variable("district", "872").variable("set", NTM).execute()
                .path("districtOverview.summary.units").entity(Integer.class).isEqualTo(12)
                .path("districtOverview.units[*].standing.criteriaMet").entityList(Integer.class)
                .containsExactly(18, 18, 19, 17, 18, 18, 19, 19, 19, 19, 19, 18);
        // unknown units and sets are null, as for every lookup
        province("auditor", "99", NTM).path("provinceOverview").valueIsNull();
        province("auditor", "87", "no-such-set").path("provinceOverview").valueIsNull();
    }

    // ---- criterionOverview --------------------------------------------------------------------------------------------

    private GraphQlTester.Response criterion(String user, String area, String code, Map<String, Object> paging) {
        return graphQl(user).documentName("criterionOverview").variable("area", area).variable("set", NTM)
                .variable("criterion", code).variables(paging).execute();
    }

    @Test
    void criterion13ListsTanKieuAndTheFiveCommunesAt18WithTheIndicatorBehindIt() {
        GraphQlTester.Response view = criterion("auditor", "87", "13", Map.of());
        view.path("criterionOverview.criterion.name").entity(String.class)
                .isEqualTo("Tổ chức sản xuất và phát triển kinh tế nông thôn")
                .path("criterionOverview.summary").entity(ROW)
                // Tháp Mười's 6 failing and 6 meeting it (seed 000), Lấp Vò's 12 meeting it (seed 001 line 35)
                .isEqualTo(Map.of("units", 24, "tracked", 24, "met", 18, "notMet", 6, "notAssessed", 0))
                .path("criterionOverview.units.totalCount").entity(Integer.class).isEqualTo(6)
                .path("criterionOverview.units.edges[*].node.unit.code").entityList(String.class)
                .containsExactly(FAILING_13.toArray(String[]::new))
                .path("criterionOverview.units.edges[*].node.district.code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).hasSize(6).containsOnly("872"))
                .path("criterionOverview.units.edges[*].node.result").entityList(String.class)
                .satisfies(results -> assertThat(results).hasSize(6).containsOnly("NOT_MET"))
                .path("criterionOverview.units.edges[*].node.criteriaMet").entityList(Integer.class)
                .containsExactly(18, 18, 17, 18, 18, 18)
                .path("criterionOverview.units.edges[*].node.indicators[*].code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).hasSize(6).containsOnly("13.3"))
                .path("criterionOverview.units.edges[2].node.indicators[0].threshold").entity(Double.class)
                .isEqualTo(1.0)
                .path("criterionOverview.units.edges[2].node.indicators[0].requirement.text").entity(String.class)
                .isEqualTo("Ít nhất 01 cơ sở")
                .path("criterionOverview.units.edges[2].node.indicators[0].latestValue.display").entity(String.class)
                .isEqualTo("0");
        // criterion 17 in Tháp Mười: Tân Kiều alone, on 17.7 at 71.32% against 85%
        criterion("auditor", "872", "17", Map.of())
                .path("criterionOverview.units.totalCount").entity(Integer.class).isEqualTo(1)
                .path("criterionOverview.units.edges[0].node.unit.name").entity(String.class).isEqualTo("Tân Kiều")
                .path("criterionOverview.units.edges[0].node.indicators[*].code").entityList(String.class)
                .containsExactly("17.7")
                .path("criterionOverview.units.edges[0].node.indicators[0].measured").entity(Double.class)
                .isEqualTo(71.32)
                .path("criterionOverview.units.edges[0].node.indicators[0].threshold").entity(Double.class)
                .isEqualTo(85.0)
                .path("criterionOverview.units.edges[0].node.indicators[0].latestValue.display").entity(String.class)
                .isEqualTo("71.32%");
        // the others, when asked for: Tháp Mười's six, and Lấp Vò's twelve (seed 001 line 35), none of which fails it
        criterion("auditor", "87", "13", Map.of("results", List.of("MET")))
                .path("criterionOverview.units.totalCount").entity(Integer.class).isEqualTo(6 + 12);
        criterion("auditor", "875", "13", Map.of())
                .path("criterionOverview.units.totalCount").entity(Integer.class).isEqualTo(0);
        criterion("auditor", "872", "13", Map.of("results", List.of("MET")))
                .path("criterionOverview.units.totalCount").entity(Integer.class).isEqualTo(6)
                .path("criterionOverview.units.edges[*].node.unit.code").entityList(String.class)
                .containsExactly("30046", "30058", "30061", "30064", "30067", "30070")
                .path("criterionOverview.units.edges[*].node.indicators").entityList(Object.class).hasSize(6)
                .path("criterionOverview.units.edges[0].node.indicators").entityList(Object.class).hasSize(0);
    }

    @Test
    void theCriterionViewPagesForwardAndBackwardWithItsOwnCursors() {
        GraphQlTester.Response first = criterion("auditor", "87", "13", Map.of("first", 4));
        first.path("criterionOverview.units.totalCount").entity(Integer.class).isEqualTo(6)
                .path("criterionOverview.units.edges[*].node.unit.code").entityList(String.class)
                .containsExactly(FAILING_13.subList(0, 4).toArray(String[]::new))
                .path("criterionOverview.units.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("criterionOverview.units.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
        String end = first.path("criterionOverview.units.pageInfo.endCursor").entity(String.class).get();
        GraphQlTester.Response next = criterion("auditor", "87", "13", Map.of("first", 4, "after", end));
        next.path("criterionOverview.units.edges[*].node.unit.code").entityList(String.class)
                .containsExactly(FAILING_13.subList(4, 6).toArray(String[]::new))
                .path("criterionOverview.units.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("criterionOverview.units.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true)
                .path("criterionOverview.units.totalCount").entity(Integer.class).isEqualTo(6);
        String start = next.path("criterionOverview.units.pageInfo.startCursor").entity(String.class).get();
        criterion("auditor", "87", "13", Map.of("last", 2, "before", start))
                .path("criterionOverview.units.edges[*].node.unit.code").entityList(String.class)
                .containsExactly(FAILING_13.subList(2, 4).toArray(String[]::new))
                .path("criterionOverview.units.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true)
                .path("criterionOverview.units.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        // a cursor of another list, and a criterion the set does not have, are bad requests
        String unitsCursor = graphQl().documentName("units").variable("search", "Tân Kiều").execute()
                .path("units.edges[0].cursor").entity(String.class).get();
        criterion("auditor", "87", "13", Map.of("after", unitsCursor)).errors()
                .expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST
                        && e.getMessage().contains("Con trỏ này không do danh sách này cấp")).verify();
        criterion("auditor", "87", "99", Map.of()).errors()
                .expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST
                        && e.getMessage().contains("Tiêu chí 99 không có trong " + NTM)).verify();
        // a commune has nothing under it
        criterion("auditor", "30049", "13", Map.of()).errors()
                .expect(e -> "UNIT_LEVEL_MISMATCH".equals(e.getExtensions().get("code"))
                        && e.getMessage().contains("standing(unitCode: \"30049\")")).verify();
    }

    @Test
    void dashboardsReadTheCountsAndTheFailingIndicatorsButNotTheValuesBehindThem() {
        criterion("dashboard", "87", "13", Map.of())
                .errors().expect(e -> e.getErrorType() == ErrorType.FORBIDDEN && e.getPath().endsWith("latestValue"))
                .expect(e -> e.getErrorType() == ErrorType.FORBIDDEN && e.getPath().endsWith("measured")).verify()
                .path("criterionOverview.units.totalCount").entity(Integer.class).isEqualTo(6)
                .path("criterionOverview.units.edges[*].node.indicators[*].result").entityList(String.class)
                .satisfies(results -> assertThat(results).hasSize(6).containsOnly("NOT_MET"))
                .path("criterionOverview.units.edges[0].node.indicators[0].latestValue").valueIsNull();
        graphQl("dashboard").documentName("provinceOverviewHistory").variable("province", "87").variable("set", NTM)
                .variable("from", "2024-01-01").variable("to", "2024-03-31").execute()
                .path("provinceOverviewHistory.quarters[0].summary.met").entity(Integer.class).isEqualTo(6 + 12);
    }

    // ---- provinceOverviewHistory --------------------------------------------------------------------------------------

    private GraphQlTester.Response history(String from, String to, String at) {
        GraphQlTester.Request<?> request = graphQl().documentName("provinceOverviewHistory")
                .variable("province", "87").variable("set", NTM).variable("from", from).variable("to", to);
        return (at == null ? request : request.variable("at", at)).execute();
    }

    @Test
    void theCountsMoveAtTheQuarterThePlansValuesDescribe() {
        // Kế hoạch 317/KH-UBND reports as of 26/01/2024: nothing describes the end of 2023, all of it the end of Q1
        GraphQlTester.Response history = history("2023-10-01", "2024-06-30", null);
        history.path("provinceOverviewHistory.quarters[*].quarter").entityList(String.class)
                .containsExactly("2023-Q4", "2024-Q1", "2024-Q2")
                .path("provinceOverviewHistory.quarters[*].date").entityList(String.class)
                .containsExactly("2023-12-31", "2024-03-31", "2024-06-30")
                .path("provinceOverviewHistory.quarters[*].criteriaSet.version").entityList(Integer.class)
                .containsExactly(1, 1, 1);
        hasCounts(history, "provinceOverviewHistory.quarters[0].districts[0].summary", counts(12, 12, 0, 0, 12));
        hasCounts(history, "provinceOverviewHistory.quarters[0].districts[1].summary", counts(12, 12, 0, 0, 12));
        history.path("provinceOverviewHistory.quarters[0].districts[0].summary.byCriteriaMet").entityList(ROW)
                .satisfies(rows -> assertThat(rows).containsExactly(atCount(0, 19, 12)));
        for (int quarter : new int[] {1, 2}) {
            String at = "provinceOverviewHistory.quarters[" + quarter + "]";
            hasCounts(history, at + ".districts[0].summary", counts(12, 12, 6, 6, 0));
            history.path(at + ".districts[0].summary.byCriteriaMet").entityList(ROW)
                    .satisfies(rows -> assertThat(rows).containsExactly(atCount(17, 19, 1), atCount(18, 19, 5),
                            atCount(19, 19, 6)));
            // seed 001, as of the end of Q1/2024 (line 35): Lấp Vò's 12 at 19/19
            hasCounts(history, at + ".districts[1].summary", counts(12, 12, 12, 0, 0));
            hasCounts(history, at + ".summary", counts(24, 24, 18, 6, 0));
        }
        // before Đồng Tháp's set took effect (08/08/2022) no version was in force: units counted, nothing judged
        GraphQlTester.Response early = history("2022-04-01", "2022-09-30", null);
        early.path("provinceOverviewHistory.quarters[*].quarter").entityList(String.class)
                .containsExactly("2022-Q2", "2022-Q3")
                .path("provinceOverviewHistory.quarters[0].criteriaSet").valueIsNull()
                .path("provinceOverviewHistory.quarters[1].criteriaSet.version").entity(Integer.class).isEqualTo(1);
        hasCounts(early, "provinceOverviewHistory.quarters[0].summary", counts(24, 0, 0, 0, 0));
        hasCounts(early, "provinceOverviewHistory.quarters[1].summary", counts(24, 24, 0, 0, 24));
        history("2024-01-01", "2023-12-31", null).errors()
                .expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().contains("trước from"))
                .verify();
        history("2010-01-01", "2024-12-31", null).errors()
                .expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().contains("dài hơn 40 quý"))
                .verify();
    }

    @Test
    void asRecordedBeforeTheValuesTheSameQuarterShowsNothingJudgedYet() {
        Instant firstValue = jdbc.queryForObject("select min(recorded_at) from read_model.indicator_entry"
                + " where scorecard_id like '%@" + NTM + "'", java.sql.Timestamp.class).toInstant();
        GraphQlTester.Response then = history("2024-01-01", "2024-03-31", firstValue.minusMillis(1).toString());
        then.path("provinceOverviewHistory.recordedAt").entity(String.class)
                .satisfies(at -> assertThat(Instant.parse(at)).isEqualTo(firstValue.minusMillis(1)));
        // Tháp Mười tracked already (the loader tracks before it records), but no value or decision of it known yet;
        // Lấp Vò, loaded before it, met by seed 001's report (decisions, not values)
        hasCounts(then, "provinceOverviewHistory.quarters[0].districts[0].summary", counts(12, 12, 0, 0, 12));
        hasCounts(then, "provinceOverviewHistory.quarters[0].districts[1].summary", counts(12, 12, 12, 0, 0));
        hasCounts(then, "provinceOverviewHistory.quarters[0].summary", counts(24, 24, 12, 0, 12));
        history("2024-01-01", "2024-03-31", Instant.now().plusSeconds(3600).toString()).errors()
                .expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().contains("trong tương lai"))
                .verify();
    }

    @Test
    void eachQuartersCountsAreWhatStandingAsOfSaysOfEachCommune() {
        GraphQlTester.Response history = history("2024-01-01", "2024-03-31", null);
        int met = 0;
        List<Integer> criteriaMet = new ArrayList<>();
        for (String commune : List.of("30040", "30043", "30046", "30049", "30052", "30055", "30058", "30061",
                "30064", "30067", "30070", "30073")) {
            GraphQlTester.Response standing = graphQl().documentName("standingAsOf").variable("unit", commune)
                    .variable("set", NTM).variable("date", "2024-03-31").execute();
            met += "MET".equals(standing.path("standingAsOf.result").entity(String.class).get()) ? 1 : 0;
            criteriaMet.add(standing.path("standingAsOf.criteriaMet").entity(Integer.class).get());
        }
        hasCounts(history, "provinceOverviewHistory.quarters[0].districts[0].summary",
                counts(12, 12, met, 12 - met, 0));
        List<Map<String, Object>> expected = criteriaMet.stream().distinct().sorted()
                .map(n -> atCount(n, 19, (int) criteriaMet.stream().filter(n::equals).count())).toList();
        history.path("provinceOverviewHistory.quarters[0].districts[0].summary.byCriteriaMet").entityList(ROW)
                .satisfies(rows -> assertThat(rows).isEqualTo(expected));
        // no store of quarter counts: the counts come from the as-of tables each time
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_schema ="
                + " 'read_model' and table_name like '%overview%'", Integer.class)).isZero();
    }

    @Test
    void aCorrectionHidesTheEntryItCorrectsFromWhenItIsRecordedWhateverPeriodItGives() throws Exception {
        testProvince("95", 1);
        Instant beforeCorrection = Instant.now();
        Thread.sleep(5);
        // the 2024 report corrected into a report about 2025: from then on, 2024 has no value for criterion 1
        ActingAs.call(Actor.system("overview-it"), () -> commands.sendAndWait(new CorrectIndicatorValueCommand(
                ScorecardId.of("95901", NATIONAL), "it-95901-corrected", "it-95901", "1", "the report was about 2025",
                IndicatorValue.achieved(true), new Period(java.time.LocalDate.of(2025, 1, 1),
                java.time.LocalDate.of(2025, 12, 31)), null, List.of(), null, List.of())));
        awaitProjections();
        java.util.function.Function<String, GraphQlTester.Response> history = at -> {
            GraphQlTester.Request<?> request = graphQl().documentName("provinceOverviewHistory")
                    .variable("province", "95").variable("set", NATIONAL).variable("from", "2024-10-01")
                    .variable("to", "2025-03-31");
            return (at == null ? request : request.variable("at", at)).execute();
        };
        GraphQlTester.Response now = history.apply(null);
        // 2024: nothing counts any more (not assessed, no criterion met); 2025: criterion 1 met
        hasCounts(now, "provinceOverviewHistory.quarters[0].summary", counts(1, 1, 0, 0, 1));
        now.path("provinceOverviewHistory.quarters[0].summary.byCriteriaMet").entityList(ROW)
                .satisfies(rows -> assertThat(rows).containsExactly(atCount(0, 19, 1)))
                .path("provinceOverviewHistory.quarters[1].summary.byCriteriaMet").entityList(ROW)
                .satisfies(rows -> assertThat(rows).containsExactly(atCount(1, 19, 1)));
        // as recorded before the correction: the 2024 report counted (criterion 1 not met), nothing about 2025
        GraphQlTester.Response then = history.apply(beforeCorrection.toString());
        hasCounts(then, "provinceOverviewHistory.quarters[0].summary", counts(1, 1, 0, 1, 0));
        hasCounts(then, "provinceOverviewHistory.quarters[1].summary", counts(1, 1, 0, 1, 0));
        // and standingAsOf says the same of the commune
        for (String[] asked : new String[][] {{"2024-12-31", null, "NOT_ASSESSED"}, {"2025-03-31", null, "NOT_ASSESSED"},
                {"2024-12-31", beforeCorrection.toString(), "NOT_MET"}}) {
            GraphQlTester.Request<?> request = graphQl().documentName("standingAsOf").variable("unit", "95901")
                    .variable("set", NATIONAL).variable("date", asked[0]);
            (asked[1] == null ? request : request.variable("at", asked[1])).execute()
                    .path("standingAsOf.result").entity(String.class).isEqualTo(asked[2]);
        }
    }

    // ---- statements ---------------------------------------------------------------------------------------------------

    /**
     * A test province with {@code communes} communes under one district, each tracked against the national set with
     * criterion 1 reported not achieved for 2024, sent as the system would.
     */
    private void testProvince(String province, int communes) throws Exception {
        if (jdbc.queryForObject("select count(*) from read_model.unit where code = ?", Integer.class, province) > 0) {
            return;
        }
        ActingAs.call(Actor.system("overview-it"), () -> {
            commands.sendAndWait(new RegisterUnitCommand(province, "Thử " + province, "Tỉnh Thử " + province,
                    UnitKind.PROVINCE, null, null));
            String district = province + "9";
            commands.sendAndWait(new RegisterUnitCommand(district, "Thử " + district, "Huyện Thử " + district,
                    UnitKind.DISTRICT, province, null));
            for (int i = 1; i <= communes; i++) {
                String code = district + String.format("%02d", i);
                commands.sendAndWait(new RegisterUnitCommand(code, "Thử " + code, "Xã Thử " + code,
                        UnitKind.COMMUNE, district, null));
                commands.sendAndWait(new TrackUnitCommand(code, NATIONAL, null, null));
                commands.sendAndWait(new RecordIndicatorValueCommand(ScorecardId.of(code, NATIONAL), "it-" + code, "1",
                        IndicatorValue.achieved(false), new Period(java.time.LocalDate.of(2024, 1, 1),
                        java.time.LocalDate.of(2024, 12, 31)), null, List.of(), null, List.of()));
            }
            return null;
        });
        awaitProjections();
    }

    private int statements(GraphQlTester.Request<?> request, String path, int expected) {
        STATEMENTS.set(0);
        request.execute().path(path).entity(Integer.class).isEqualTo(expected);
        return STATEMENTS.get();
    }

    @Test
    void eachRollUpCostsTheSameStatementsForOneCommuneOrThirty() throws Exception {
        testProvince("96", 1);
        testProvince("97", 30);
        Map<String, List<Integer>> seen = new java.util.LinkedHashMap<>();
        for (String province : List.of("96", "97")) {
            int communes = province.equals("96") ? 1 : 30;
            seen.computeIfAbsent("provinceOverview", k -> new ArrayList<>()).add(statements(
                    graphQl().documentName("provinceOverview").variable("province", province)
                            .variable("set", NATIONAL), "provinceOverview.summary.notMet", communes));
            seen.computeIfAbsent("criterionOverview", k -> new ArrayList<>()).add(statements(
                    graphQl().documentName("criterionOverview").variable("area", province).variable("set", NATIONAL)
                            .variable("criterion", "1").variable("first", 50),
                    "criterionOverview.units.totalCount", communes));
            seen.computeIfAbsent("provinceOverviewHistory", k -> new ArrayList<>()).add(statements(
                    graphQl().documentName("provinceOverviewHistory").variable("province", province)
                            .variable("set", NATIONAL).variable("from", "2023-01-01").variable("to", "2024-12-31"),
                    "provinceOverviewHistory.quarters[7].summary.notMet", communes));
            seen.computeIfAbsent("districtOverview", k -> new ArrayList<>()).add(statements(
                    graphQl().documentName("districtOverview").variable("district", province + "9")
                            .variable("set", NATIONAL), "districtOverview.summary.notMet", communes));
        }
        // each roll-up's own statements plus reading the signed-in account and its credential
        assertThat(seen).allSatisfy((query, counts) -> {
            assertThat(counts.get(0)).as("%s for one commune", query).isPositive();
            assertThat(counts.get(1)).as("%s for thirty communes (one: %s)", query, counts.get(0))
                    .isEqualTo(counts.get(0)).isLessThanOrEqualTo(16);
        });
    }
}
