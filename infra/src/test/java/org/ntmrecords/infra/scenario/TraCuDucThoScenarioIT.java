package org.ntmrecords.infra.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;

/**
 * The Trà Cú (seed 002, Kế hoạch 17/KH-UBND of 02/3/2023) and Đức Thọ (seed 003, the 2024 plan with its number and day
 * blank) scenarios, loaded by the demo loader from {@code demo/tra-cu-2023.yaml} and {@code demo/duc-tho-2024.yaml},
 * as GraphQL shows them. Read-only: shares the demo context.
 */
class TraCuDucThoScenarioIT extends IntegrationTest {
    private static final String TRA_CU_PLAN = "849-2023-17";

    @BeforeEach
    void projectionsCaughtUp() {
        awaitProjections();
    }

    @Test
    void traCusPlanHasItsLegalBasesAndRowsWithLeadsAndQuarterDeadlines() {
        graphQl("auditor").documentName("plan").variable("planId", TRA_CU_PLAN).execute()
                .path("plan.number").entity(String.class).isEqualTo("17/KH-UBND")          // seed 002 line 3
                .path("plan.date").entity(String.class).isEqualTo("2023-03-02")            // line 5
                .path("plan.title").entity(String.class)
                .isEqualTo("Xây dựng huyện Trà Cú đạt chuẩn nông thôn mới năm 2023")         // line 8
                .path("plan.legalBases[*].number").entityList(String.class)
                .containsExactly("1039/QĐ-UBND", "1306/QĐ-UBND", "06-NQ/HU")                 // lines 12, 14, 16
                .path("plan.items").entityList(Object.class).hasSize(16)
                // line 60 and 70: criterion 15, 10 communes, Phòng Y tế leading (line 360), by quý II/2023
                .path("plan.items[1].itemId").entity(String.class).isEqualTo("ntm-15")
                .path("plan.items[1].unitCodes").entityList(String.class).hasSize(10)
                .path("plan.items[1].lead.agencyId").entity(String.class).isEqualTo("849-yte")
                .path("plan.items[1].coordinating[*].agencyId").entityList(String.class).containsExactly("849-ttyt")
                .path("plan.items[1].deadline.asWritten").entity(String.class).isEqualTo("quý II/2023")
                .path("plan.items[1].deadline.lastDay").entity(String.class).isEqualTo("2023-06-30")
                // line 108: criterion 15 of the advanced set, led by the commune itself
                .path("plan.items[11].itemId").entity(String.class).isEqualTo("nc-15")
                .path("plan.items[11].lead.unitCode").entity(String.class).isEqualTo("29503")
                // line 192: the district's 9.6, Phòng Nội vụ leading (line 378), by quý III/2023
                .path("plan.items[15].indicatorCode").entity(String.class).isEqualTo("9.6")
                .path("plan.items[15].lead.agencyId").entity(String.class).isEqualTo("849-noivu")
                .path("plan.items[15].deadline.lastDay").entity(String.class).isEqualTo("2023-09-30");

        // Long Hiệp's own tasks: the rows naming it (lines 58-62, 76-92)
        graphQl("auditor").documentName("planTasks").variable("unitCode", "29506").variable("asOf", "2023-03-02")
                .execute()
                .path("planTasks.totalCount").entity(Integer.class).isEqualTo(13)
                .path("planTasks.edges[*].node.planNumber").entityList(String.class)
                .satisfies(numbers -> assertThat(numbers).containsOnly("17/KH-UBND"));
    }

    @Test
    void traCusQuarterTargetsShowProgress() {
        graphQl("dashboard").documentName("targetsProgress").variable("unitCode", "849")
                .variable("asOf", "2023-11-15").execute()
                .path("targets.totalCount").entity(Integer.class).isEqualTo(5)
                .path("targets.edges[*].node.targetId").entityList(String.class).containsExactly(
                        "ntm-quy-1-2023", "van-minh-quy-2-2023", "nang-cao-quy-3-2023", "ntm-nang-chat-quy-3-2023",
                        "huyen-9-9-2023")
                // line 36: no commune recognised yet, past quý I/2023
                .path("targets.edges[0].node.progress.currentDisplay").entity(String.class).isEqualTo("0/3 units")
                .path("targets.edges[0].node.progress.risk").entity(String.class).isEqualTo("OVERDUE")
                // line 44: criteria 1-4 met (line 122), 5-9 each with a content not met (lines 128-192)
                .path("targets.edges[4].node.progress.status").entity(String.class).isEqualTo("NOT_REACHED")
                .path("targets.edges[4].node.progress.currentDisplay").entity(String.class).isEqualTo("4/9 criteria");
    }

    @Test
    void ducThosIncomeTargetsCarryTheir2023Figures() {
        // seed 003 line 81: Bùi La Nhân 60,5 in 2024 against 56,15 in 2023
        graphQl("auditor").documentName("targets").variable("unitCode", "18262").variable("year", 2024)
                .variable("asOf", "2024-12-15").execute()
                .path("targets.totalCount").entity(Integer.class).isEqualTo(1)
                .path("targets.edges[0].node.value").entity(BigDecimal.class)
                .satisfies(v -> assertThat(v).isEqualByComparingTo("60.5"))
                .path("targets.edges[0].node.baseline").entity(BigDecimal.class)
                .satisfies(v -> assertThat(v).isEqualByComparingTo("56.15"))
                .path("targets.edges[0].node.baselineYear").entity(Integer.class).isEqualTo(2023)
                .path("targets.edges[0].node.baselineAsWritten").entity(String.class).isEqualTo("56,15 triệu đồng")
                .path("targets.edges[0].node.provenance").entity(String.class).isEqualTo("seed 003 line 81")
                .path("targets.edges[0].node.progress.status").entity(String.class).isEqualTo("NO_DATA");
        // seed 003 line 87: An Dũng 55 against 48,65 ("48,65triệu đồng" as written)
        graphQl("auditor").documentName("targets").variable("unitCode", "18298").variable("year", 2024).execute()
                .path("targets.edges[0].node.baseline").entity(BigDecimal.class)
                .satisfies(v -> assertThat(v).isEqualByComparingTo("48.65"))
                .path("targets.edges[0].node.baselineAsWritten").entity(String.class).isEqualTo("48,65triệu đồng");
        // the district's own: 9/9 advanced criteria (line 37) and 60,2 million (line 125)
        graphQl("auditor").documentName("targets").variable("unitCode", "440").variable("year", 2024).execute()
                .path("targets.edges[*].node.targetId").entityList(String.class)
                .containsExactly("huyen-nang-cao-9-9-2024", "thu-nhap-huyen-2024");
    }

    @Test
    void overdueTasksOfTraCuGoByLead() {
        // one day after quý II/2023: Phòng Y tế's rows (criterion 15 NTM, 10 communes; criterion 14 advanced, 4)
        graphQl("dashboard").documentName("overdueTasks").variable("districtCode", "849")
                .variable("leadAgencyId", "849-yte").variable("asOf", "2023-07-01").execute()
                .path("overdueTasks.totalCount").entity(Integer.class).isEqualTo(14)
                .path("overdueTasks.edges[*].node.daysLeft").entityList(Integer.class)
                .satisfies(days -> assertThat(days).hasSize(14).containsOnly(-1))
                .path("overdueTasks.edges[*].node.item.row").entityList(String.class)
                .satisfies(rows -> assertThat(rows).containsOnly("1.1/15", "1.3/14"))
                // every quý II/2023 row by its lead: criterion 13 of both sets (11 + 4 communes), 15 and 14 (10 + 4),
                // 17 (7), and Ngọc Biên's own 15 of the advanced set (line 108): 37 tasks
                .path("overdueTasksByLead[*].leadAgencyId").entityList(String.class)
                .containsExactly("849-nnptnt", "849-yte", "849-tnmt", null)
                .path("overdueTasksByLead[*].overdue").entityList(Integer.class).containsExactly(15, 14, 7, 1)
                .path("overdueTasksByLead[3].leadName").entity(String.class).isEqualTo("UBND xã Ngọc Biên");
        // Đức Thọ's dossiers were due by quý II/2024 (seed 003 line 147)
        graphQl("dashboard").documentName("overdueTasks").variable("districtCode", "440")
                .variable("asOf", "2024-07-01").execute()
                .path("overdueTasks.totalCount").entity(Integer.class).isEqualTo(32);
    }

    @Test
    void ducThosCommunesRecognisedBefore2022AreOnRecordToReQualify() {
        // seed 003 lines 61-67: Tùng Ảnh advanced in 2019 and model in 2020, Tân Hương and Bùi La Nhân advanced in 2020
        graphQl("auditor").document("""
                { recognitionCases(unitCode: "18259") { totalCount edges { node { setId grade year granted } } } }""")
                .execute().path("recognitionCases.totalCount").entity(Integer.class).isEqualTo(2)
                .path("recognitionCases.edges[*].node.grade").entityList(String.class).containsExactly("ADVANCED", "MODEL")
                .path("recognitionCases.edges[*].node.year").entityList(Integer.class).containsExactly(2019, 2020)
                .path("recognitionCases.edges[*].node.granted").entityList(Boolean.class).containsExactly(true, true);
        for (String unit : List.of("18310", "18262")) {
            graphQl("auditor").document("""
                    query($u: ID!) { recognitionCases(unitCode: $u) { edges { node { setId grade year } } } }""")
                    .variable("u", unit).execute()
                    .path("recognitionCases.edges[*].node.year").entityList(Integer.class).containsExactly(2020);
        }
    }
}
