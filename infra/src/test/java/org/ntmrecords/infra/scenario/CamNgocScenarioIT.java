package org.ntmrecords.infra.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The Cẩm Ngọc scenario of seed 004 ({@code 004_bedcbf93154cdfce.txt}), loaded by the demo loader from
 * demo/cam-ngoc-2023.yaml, as GraphQL shows it. Read-only: it shares the demo context with the other scenario tests.
 */
class CamNgocScenarioIT extends IntegrationTest {
    private static final String THANH_HOA = "thanhhoa-commune-advanced-2022-2025";
    private static final String CAM_NGOC = "15169";
    private static final String PLAN = "15169-2023";

    @BeforeEach
    void projectionsCaughtUp() {
        awaitProjections();
    }

    @Test
    void camNgocStands12Of19WithItsVillageRoadsARatioAndItsIncomeNotAssessed() {
        GraphQlTester.Response standing = graphQl().documentName("seedSetStanding")
                .variable("unit", CAM_NGOC).variable("set", THANH_HOA).execute();
        // line 33: 12/19 met
        standing.path("standing.criteriaMet").entity(Integer.class).isEqualTo(12)
                .path("standing.criteriaTotal").entity(Integer.class).isEqualTo(19)
                .path("standing.result").entity(String.class).isEqualTo("NOT_MET")
                // lines 95-153: 2, 6, 13, 14, 18 not met; income (line 125) and poverty (line 127) without data,
                // not among the criteria not met
                .path("standing.unmetCriteria[*].code").entityList(String.class)
                .containsExactly("2", "6", "13", "14", "18")
                .path("standing.notAssessedCriteria[*].code").entityList(String.class).containsExactly("10", "11");
        // line 101: village roads 15.2/21.0 km, a ratio shown as the seed's 72,4 %
        String roads = "standing.criteria[?(@.code == '2')].indicators[?(@.code == '2.duong-thon')]";
        standing.path(roads + ".latestValue.value.kind").entityList(String.class).containsExactly("RATIO")
                .path(roads + ".latestValue.value.numerator").entityList(Double.class).containsExactly(15.2)
                .path(roads + ".latestValue.value.denominator").entityList(Double.class).containsExactly(21.0)
                .path(roads + ".measuredShown").entityList(String.class).containsExactly("72,4 %")
                .path(roads + ".result").entityList(String.class).containsExactly("NOT_ASSESSED")
                .path(roads + ".basis").entityList(String.class).containsExactly("AWAITING_DECISION");
        // criterion 2 is not met by the items line 107 says are not completed, not by the ratio
        standing.path("standing.criteria[?(@.code == '2')].indicators[?(@.code == '2.con-lai')].basis")
                .entityList(String.class).containsExactly("HUMAN_DECISION");
        String income = "standing.criteria[?(@.code == '10')].indicators[0]";
        standing.path(income + ".result").entityList(String.class).containsExactly("NOT_ASSESSED")
                .path(income + ".basis").entityList(String.class).containsExactly("MARKED_NOT_ASSESSED");
        // line 141: 91,0 % against ≥ 95 %, computed
        String health = "standing.criteria[?(@.code == '14')].indicators[?(@.code == '14.1')]";
        standing.path(health + ".measuredShown").entityList(String.class).containsExactly("91,0 %")
                .path(health + ".result").entityList(String.class).containsExactly("NOT_MET")
                .path(health + ".basis").entityList(String.class).containsExactly("COMPUTED");
    }

    @Test
    void thePlansWaterWorksShowTheResidentsShareComputedAndAsStated() {
        GraphQlTester.Response budget = graphQl().documentName("planBudget").variable("planId", PLAN).execute();
        String water = "planBudget.items[?(@.itemId == '2-7')]";
        String residents = water + ".sources[?(@.source == 'RESIDENTS')]";
        // line 157: 300 triệu of 970 triệu from the residents; 30.927…% half-up to 30.93, the plan writes 30.92
        budget.path(residents + ".planned.vnd").entityList(Long.class).containsExactly(970_000_000L)
                .path(residents + ".planned.asWritten").entityList(String.class).containsExactly("970 triệu")
                .path(residents + ".mobilised.vnd").entityList(Long.class).containsExactly(300_000_000L)
                .path(residents + ".mobilised.asWritten").entityList(String.class).containsExactly("300 triệu")
                .path(residents + ".mobilisedPercent").entityList(String.class).containsExactly("30.93")
                .path(residents + ".statedShares[*]").entityList(String.class).containsExactly("đạt 30.92 % so với KH")
                // line 155: the sources named; line 274: the commune's counterpart 2.745 tỷ
                .path(water + ".sources[*].source").entityList(String.class)
                .containsExactly("RESIDENTS", "COMMUNE_BUDGET", "BUSINESSES", "OTHER")
                .path(water + ".sources[?(@.source == 'COMMUNE_BUDGET')].planned.vnd").entityList(Long.class)
                .containsExactly(2_745_000_000L)
                .path(water + ".cost.asWritten").entityList(String.class).containsExactly("12.8 tỷ đồng")
                .path(water + ".cost.vnd").entityList(Long.class).containsExactly(12_800_000_000L)
                // planned: 3,500 + 1,150 + 250 + 280 + (970 + 2,745) + 1,050 triệu; 300 of it mobilised
                .path("planBudget.planned.vnd").entity(Long.class).isEqualTo(9_945_000_000L)
                .path("planBudget.mobilised.vnd").entity(Long.class).isEqualTo(300_000_000L)
                .path("planBudget.mobilisedPercent").entity(String.class).isEqualTo("3.02");
    }

    @Test
    void thePlanHasARowPerUnmetCriterionWithItsCostDeadlineAndState() {
        GraphQlTester.Response plan = graphQl().document("""
                query($id: ID!) { plan(planId: $id) { number date dateAsWritten year issuer { name unitCode }
                  legalBases { number date }
                  items { itemId row criterionCode indicatorCode stateAsWritten stateValueEventIds stateJudgmentEventId
                          deadline { asWritten lastDay } cost { vnd asWritten } } } }""")
                .variable("id", PLAN).execute();
        plan.path("plan.number").entity(String.class).isEqualTo("/ KH- UBND")          // line 3
                .path("plan.date").valueIsNull()                                          // line 5: day blank
                .path("plan.dateAsWritten").entity(String.class).isEqualTo("ngày tháng 8 năm 2023")
                .path("plan.year").entity(Integer.class).isEqualTo(2023)
                .path("plan.issuer.name").entity(String.class).isEqualTo("UBND xã Cẩm Ngọc")
                .path("plan.legalBases[*].number").entityList(String.class).containsExactly("81/TB-BCĐ")  // line 11
                .path("plan.items[*].itemId").entityList(String.class).containsExactly("2-1", "2-2", "2-5",
                        "2-6-14.1", "2-6-14.3-14.4", "2-7", "thon-phuc-ngan-vai-5")
                .path("plan.items[*].criterionCode").entityList(String.class)
                .satisfies(codes -> assertThat(codes).startsWith("2", "6", "13", "14", "14", "18"))
                // "Khái toán kinh phí" lines 113, 119, 137, 149; line 155; line 188
                .path("plan.items[?(@.itemId == '2-1')].cost.asWritten").entityList(String.class)
                .containsExactly("3.5 tỷ đồng")
                .path("plan.items[?(@.itemId == '2-2')].cost.vnd").entityList(Long.class)
                .containsExactly(1_150_000_000L)
                .path("plan.items[?(@.itemId == '2-5')].cost.vnd").entityList(Long.class).containsExactly(250_000_000L)
                .path("plan.items[?(@.itemId == '2-6-14.3-14.4')].cost.vnd").entityList(Long.class)
                .containsExactly(280_000_000L)
                .path("plan.items[?(@.itemId == 'thon-phuc-ngan-vai-5')].cost.vnd").entityList(Long.class)
                .containsExactly(1_050_000_000L)
                // line 109: "trong tháng 6, 7 năm 2023", a form the rules do not read: its last day given
                .path("plan.items[?(@.itemId == '2-1')].deadline.asWritten").entityList(String.class)
                .containsExactly("trong tháng 6, 7 năm 2023")
                .path("plan.items[?(@.itemId == '2-1')].deadline.lastDay").entityList(String.class)
                .containsExactly("2023-07-31")
                .path("plan.items[?(@.itemId == '2-2')].deadline.lastDay").entityList(String.class)
                .containsExactly("2023-10-31")
                // line 141: the 14.1 row's state rests on the recorded value and the judgment it caused
                .path("plan.items[?(@.itemId == '2-6-14.1')].stateAsWritten").entityList(String.class)
                .satisfies(s -> assertThat(s).singleElement().asString().startsWith("91,0%"));
        String judged = plan.path("plan.items[?(@.itemId == '2-6-14.1')].stateJudgmentEventId")
                .entityList(String.class).get().get(0);
        assertThat(judged).isNotBlank();
        plan.path("plan.items[?(@.itemId == '2-6-14.1')].stateValueEventIds[*]").entityList(String.class)
                .hasSize(1);
    }
}
