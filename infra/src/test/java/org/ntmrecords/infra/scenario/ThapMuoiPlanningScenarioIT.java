package org.ntmrecords.infra.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;

/**
 * Plan 317 of Tháp Mười and its reporting duties as the demo loads them from seed 000 (Phụ lục 6, lines 188-217;
 * §B.IV, lines 132-158), read over HTTP GraphQL. Read only: the shared demo context.
 */
class ThapMuoiPlanningScenarioIT extends IntegrationTest {
    private static final String PLAN = "thapmuoi-317-2024";

    @BeforeEach
    void projectionsCaughtUp() {
        awaitProjections();
    }

    @Test
    void planThreeSeventeenKeepsBothNumbersAndItsRowsLeadAndCoordinatingBodiesAsWritten() {
        var plan = graphQl("thapmuoi.vpdp").document("""
                query($id: ID!) { plan(planId: $id) { number annexNumber date year legalBases { number }
                  items { itemId row indicatorCode unitCodes requirement stateAsWritten stateValueEventIds
                          stateJudgmentEventId lead { name agencyId unitCode } coordinating { name agencyId }
                          deadline { asWritten lastDay } funding { source amount { vnd asWritten } } } } }""")
                .variable("id", PLAN).execute();
        plan.path("plan.number").entity(String.class).isEqualTo("317/KH-UBND")
                .path("plan.annexNumber").entity(String.class).isEqualTo("316/KH-UBND")
                .path("plan.date").entity(String.class).isEqualTo("2024-01-26")
                .path("plan.legalBases[*].number").entityList(String.class)
                .containsExactly("863/QĐ-UBND-HC", "865/QĐ-UBND-HC", "102/KH-UBND", "01-NQ/HU", "43/NQ-HĐND")
                .path("plan.items[*].row").entityList(String.class).contains("A.I", "A.II.1", "A.II.2", "B.III",
                        "E.II.1", "E.II.4.2", "E.II.5.2", "B.IV.2");
        // A.II.2 (line 193): Tân Kiều's 17.7 is led by its commune; the environment office coordinates
        String row = "plan.items[?(@.itemId == 'a-ii-2')]";
        plan.path(row + ".lead.name").entityList(String.class).containsExactly("UBND xã Tân Kiều")
                .path(row + ".lead.unitCode").entityList(String.class).containsExactly("30049")
                .path(row + ".coordinating[0].agencyId").entityList(String.class).containsExactly("872-tnmt")
                .path(row + ".requirement").entityList(String.class).containsExactly("85%")
                .path(row + ".stateAsWritten").entityList(String.class).containsExactly("71,32%")
                .path(row + ".deadline.lastDay").entityList(String.class).containsExactly("2024-06-30");
        // its state is linked to the demo's value and the judgment of that day
        List<String> valueEvents = plan.path(row + ".stateValueEventIds[*]").entityList(String.class).get();
        String judgment = plan.path(row + ".stateJudgmentEventId").entityList(String.class).get().get(0);
        assertThat(valueEvents).hasSize(1);
        var history = graphQl("auditor").document("""
                { history(subject: { unitCode: "30049", setId: "dongthap-commune-ntm-2021-2025", indicatorCode: "17.7" },
                          first: 50) { edges { node { eventId type } } } }""").execute();
        assertThat(history.path("history.edges[?(@.node.eventId == '" + valueEvents.get(0) + "')].node.type")
                .entityList(String.class).get()).containsExactly("INDICATOR_VALUE_RECORDED");
        assertThat(history.path("history.edges[?(@.node.eventId == '" + judgment + "')].node.type")
                .entityList(String.class).get()).containsExactly("INDICATOR_JUDGED");
        // E.II.3 (line 210): the province is asked for 30,478 tỷ đồng
        plan.path("plan.items[?(@.itemId == 'e-ii-3')].funding[0].amount.vnd").entityList(Object.class)
                .satisfies(v -> assertThat(v).singleElement().asString().isEqualTo("30478000000"))
                .path("plan.items[?(@.itemId == 'e-ii-3')].funding[0].amount.asWritten").entityList(String.class)
                .containsExactly("30,478 tỷ đồng");
    }

    @Test
    void onFirstJulyTheJuneTasksOfTheDistrictAreOverdueByLeadAndTheAugustDossierIsDueSoon() {
        // every Phụ lục 6 row is due "Tháng 4/2024" or "Tháng 6/2024": on 01/07/2024 none is done in the demo
        graphQl("thapmuoi.vpdp").document("""
                { overdueTasksByLead(districtCode: "872", asOf: "2024-07-01") { leadName leadAgencyId overdue } }""")
                .execute().path("overdueTasksByLead[?(@.leadAgencyId == '872-tnmt')].overdue")
                .entityList(Integer.class).containsExactly(4);
        graphQl("thapmuoi.vpdp").document("""
                { tasksDue(withinDays: 31, districtCode: "872", asOf: "2024-07-01") {
                    totalCount edges { node { itemId deadlineLastDay } } } }""")
                .execute().path("tasksDue.edges[*].node.itemId").entityList(String.class)
                .containsExactly("b-iv-2-bao-cao", "b-iv-2-ho-so");
        graphQl("tankieu.officer").document("""
                { planTasks(unitCode: "30049", status: OVERDUE, asOf: "2024-07-01") {
                    totalCount edges { node { itemId leadName } } } }""")
                .execute().path("planTasks.edges[*].node.itemId").entityList(String.class)
                .satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder("a-i", "a-ii-1", "a-ii-2"));
    }

    @Test
    void theAgenciesOweTheirFirstQuarterReportByTheTenthOfMarchAndTheirMauSo10ByTheTenthOfJuly() {
        graphQl("thapmuoi.vpdp").document("""
                { reportingCompliance(unitCode: "872", dutyId: "317-dinh-ky", period: "2024-Q1", asOf: "2024-03-31") {
                    dueDate owedCount reportedCount missingCount bodies { body { agencyId } status } } }""")
                .execute().path("reportingCompliance.dueDate").entity(String.class).isEqualTo("2024-03-10")
                .path("reportingCompliance.owedCount").entity(Integer.class).isEqualTo(3)
                .path("reportingCompliance.missingCount").entity(Integer.class).isEqualTo(3)
                .path("reportingCompliance.bodies[*].body.agencyId").entityList(String.class)
                .satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder("872-ktht", "872-gddt", "872-tnmt"));
        graphQl("thapmuoi.vpdp").document("""
                { reportingCompliance(unitCode: "872", dutyId: "317-mau-so-10", asOf: "2024-07-01") {
                    dueDate bodies { status } } }""")
                .execute().path("reportingCompliance.dueDate").entity(String.class).isEqualTo("2024-07-10")
                .path("reportingCompliance.bodies[*].status").entityList(String.class)
                .containsExactly("NOT_YET_DUE", "NOT_YET_DUE", "NOT_YET_DUE");
        graphQl("thapmuoi.vpdp").document("""
                { reportingCompliance(unitCode: "872", dutyId: "317-xa-dinh-ky", period: "2024-03", asOf: "2024-04-30") {
                    dueDate owedCount missingCount } }""")
                .execute().path("reportingCompliance.dueDate").entity(String.class).isEqualTo("2024-03-20")
                .path("reportingCompliance.owedCount").entity(Integer.class).isEqualTo(12);
    }
}
