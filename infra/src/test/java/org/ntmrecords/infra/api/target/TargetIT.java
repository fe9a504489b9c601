package org.ntmrecords.infra.api.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * Targets and their progress over HTTP GraphQL on PostgreSQL, as the seeds state them: Đức Thọ's income targets per
 * commune (seed 003), Trà Cú's quarter targets (seed 002, Kế hoạch 17/KH-UBND of 02/3/2023), Tân Kiều's 17.7 (seed 000
 * line 193). The record holds no Hà Tĩnh or Trà Vinh set yet: Đức Thọ's income is a value no indicator measures, and
 * Trà Cú's targets are held under the national sets.
 */
// builds its own plans, duties and targets from the seeds: the demo's are not loaded in its store
@TestPropertySource(properties = {"ntm.test.isolated=targets", "ntm.demo.planning=false"})
class TargetIT extends IntegrationTest {
    private static final Map<String, Object> DUC_THO_PLAN = map("number", "Kế hoạch năm 2024 (số không nêu)",
            "issuer", "UBND huyện Đức Thọ");
    private static final Map<String, Object> TRA_CU_PLAN = map("number", "17/KH-UBND", "date", "2023-03-02",
            "issuer", "UBND huyện Trà Cú");

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }

    /** One of seed 003's income pairs: "Phấn đấu thu nhập năm 2024 đạt … triệu đồng/người/năm, năm 2023 xã đạt …". */
    private static Map<String, Object> income(String statement, String target, String targetText, String baseline,
                                              String baselineText, int line) {
        return map("kind", "INDICATOR_VALUE", "statement", statement, "year", 2024,
                "measure", "Thu nhập bình quân đầu người", "value", new BigDecimal(target), "valueAsWritten", targetText,
                "baseline", new BigDecimal(baseline), "baselineYear", 2023, "baselineAsWritten", baselineText,
                "deadlineAsWritten", "năm 2024", "source", DUC_THO_PLAN, "provenance", "seed 003 line " + line);
    }

    @Test
    void ducThosIncomeTargetsPerCommuneWithTheir2023Figures() {
        // seed 003 lines 81, 83, 85, 87, 89: Bùi La Nhân, Quang Vĩnh, Đức Đồng, An Dũng, Tùng Châu
        List<Object[]> pairs = List.of(
                new Object[] {"18262", "Phấn đấu thu nhập năm 2024 đạt 60,5 triệu đồng/người/năm, năm 2023 xã đạt 56,15 triệu đồng", "60.5", "60,5 triệu đồng/người/năm", "56.15", "56,15 triệu đồng", 81},
                new Object[] {"18235", "Phấn đấu thu nhập năm 2024 đạt 60,5 triệu đồng/người/năm, năm 2023 xã đạt 51,08 triệu đồng", "60.5", "60,5 triệu đồng/người/năm", "51.08", "51,08 triệu đồng", 83},
                new Object[] {"18304", "Phấn đấu thu nhập năm 2024 đạt 55 triệu đồng/người/năm, năm 2023 xã đạt 50,02 triệu đồng", "55", "55 triệu đồng/người/năm", "50.02", "50,02 triệu đồng", 85},
                new Object[] {"18298", "Phần đầu thu nhập năm 2024 đạt 55 triệu đồng/người/năm, năm 2023 xã đạt 48,65triệu đồng", "55", "55 triệu đồng/người/năm", "48.65", "48,65triệu đồng", 87},
                new Object[] {"18241", "Phần đầu thu nhập năm 2024 đạt 55 triệu đồng/người/năm, năm 2023 xã đạt 51,02 triệu đồng", "55", "55 triệu đồng/người/năm", "51.02", "51,02 triệu đồng", 89});
        for (Object[] p : pairs) {
            graphQl("admin").documentName("setTarget").variable("input", map("unitCode", p[0], "targetId", "thu-nhap-2024",
                            "content", income((String) p[1], (String) p[2], (String) p[3], (String) p[4], (String) p[5],
                                    (Integer) p[6])))
                    .execute().path("setTarget.errors").entityList(Object.class).hasSize(0)
                    .path("setTarget.target.deadline.lastDay").entity(String.class).isEqualTo("2024-12-31");
        }
        awaitProjections();
        graphQl("auditor").documentName("targets").variable("unitCode", "18262").variable("year", 2024)
                .variable("asOf", "2024-12-15").execute()
                .path("targets.totalCount").entity(Integer.class).isEqualTo(1)
                .path("targets.edges[0].node.value").entity(BigDecimal.class)
                .satisfies(v -> assertThat(v).isEqualByComparingTo("60.5"))
                .path("targets.edges[0].node.baseline").entity(BigDecimal.class)
                .satisfies(v -> assertThat(v).isEqualByComparingTo("56.15"))
                .path("targets.edges[0].node.baselineYear").entity(Integer.class).isEqualTo(2023)
                .path("targets.edges[0].node.valueAsWritten").entity(String.class).isEqualTo("60,5 triệu đồng/người/năm")
                .path("targets.edges[0].node.provenance").entity(String.class).isEqualTo("seed 003 line 81")
                // no indicator of the record measures income yet: no data, so at risk near the year's end
                .path("targets.edges[0].node.progress.status").entity(String.class).isEqualTo("NO_DATA")
                .path("targets.edges[0].node.progress.risk").entity(String.class).isEqualTo("DUE_SOON");
        // all five are at risk in Đức Thọ on 15/12/2024 (not one before 01/12 with the default 30 days)
        graphQl("auditor").documentName("targetsAtRisk").variable("areaCode", "440").variable("asOf", "2024-12-15")
                .variable("first", 2).execute()
                .path("targetsAtRisk.totalCount").entity(Integer.class).isEqualTo(5)
                .path("targetsAtRisk.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        graphQl("auditor").documentName("targetsAtRisk").variable("areaCode", "440").variable("asOf", "2024-11-30")
                .execute().path("targetsAtRisk.totalCount").entity(Integer.class).isEqualTo(0);

        // amended by a new version naming why, then withdrawn with a reason
        Map<String, Object> amended = income("Phấn đấu thu nhập năm 2024 đạt 60,5 triệu đồng/người/năm, năm 2023 xã đạt"
                + " 56,15 triệu đồng", "61", "61 triệu đồng/người/năm", "56.15", "56,15 triệu đồng", 81);
        graphQl("admin").documentName("amendTarget").variable("input", map("unitCode", "18262", "targetId", "thu-nhap-2024",
                        "content", amended, "reason", "điều chỉnh (thử nghiệm, không có trong nguồn)"))
                .execute().path("amendTarget.errors").entityList(Object.class).hasSize(0)
                .path("amendTarget.target.version").entity(Integer.class).isEqualTo(2);
        graphQl("admin").documentName("withdrawTarget").variable("input", map("unitCode", "18262", "targetId",
                        "thu-nhap-2024", "reason", "thử nghiệm"))
                .execute().path("withdrawTarget.target.withdrawn").entity(Boolean.class).isEqualTo(true);
        awaitProjections();
        graphQl("auditor").documentName("targets").variable("unitCode", "18262").execute()
                .path("targets.totalCount").entity(Integer.class).isEqualTo(0);
        assertThat(jdbc.queryForObject("select count(*) from read_model.history_subject where subject = ?", Long.class,
                "target:18262/thu-nhap-2024")).isEqualTo(3);
    }

    @Test
    void traCusQuarterTargetsAndTanKieusIndicatorShowProgressAndRisk() {
        // seed 002 line 36: "Xã Ngãi Xuyên, Kim Sơn, Hàm Giang đạt chuẩn nông thôn mới trong quý I/2023."
        graphQl("admin").documentName("setTarget").variable("input", map("unitCode", "849", "targetId", "ntm-quy-1-2023",
                        "content", map("kind", "UNITS_REACHING_TITLE", "statement", "Xã Ngãi Xuyên, Kim Sơn, Hàm Giang đạt"
                                + " chuẩn nông thôn mới trong quý I/2023.", "year", 2023, "setId", "commune-ntm-2021-2025",
                                "count", 3, "unitCodes", List.of("29479", "29482", "29488"),
                                "deadlineAsWritten", "quý I/2023", "source", TRA_CU_PLAN, "provenance", "seed 002 line 36")))
                .execute().path("setTarget.errors").entityList(Object.class).hasSize(0)
                .path("setTarget.target.deadline.lastDay").entity(String.class).isEqualTo("2023-03-31");
        // seed 002 line 40: "Xây dựng 2 xã Tập Sơn và Long Hiệp đạt chuẩn nông thôn mới nâng cao trong quý III/2023."
        graphQl("admin").documentName("setTarget").variable("input", map("unitCode", "849", "targetId", "nang-cao-quy-3-2023",
                        "content", map("kind", "UNITS_REACHING_TITLE", "statement", "Xây dựng 2 xã Tập Sơn và Long Hiệp đạt"
                                + " chuẩn nông thôn mới nâng cao trong quý III/2023.", "year", 2023,
                                "setId", "commune-advanced-2021-2025", "count", 2, "unitCodes", List.of("29467", "29506"),
                                "deadlineAsWritten", "quý III/2023", "source", TRA_CU_PLAN, "provenance", "seed 002 line 40")))
                .execute().path("setTarget.errors").entityList(Object.class).hasSize(0);
        // seed 002 line 44: "Huyện hoàn thành 9/9 tiêu chí trong quý IV/2023."
        graphQl("admin").documentName("setTarget").variable("input", map("unitCode", "849", "targetId", "huyen-9-9-2023",
                        "content", map("kind", "CRITERIA_MET", "statement", "Huyện hoàn thành 9/9 tiêu chí trong quý IV/2023.",
                                "year", 2023, "setId", "district-ntm-2021-2025", "count", 9,
                                "deadlineAsWritten", "quý IV/2023", "source", TRA_CU_PLAN, "provenance", "seed 002 line 44")))
                .execute().path("setTarget.errors").entityList(Object.class).hasSize(0)
                .path("setTarget.target.deadline.lastDay").entity(String.class).isEqualTo("2023-12-31");
        graphQl("admin").documentName("trackUnit").variable("input", map("unitCode", "849", "setId", "district-ntm-2021-2025"))
                .execute().path("trackUnit.errors").entityList(Object.class).hasSize(0);
        awaitProjections();

        // a dashboard reads progress; the line that states a target is not for it
        graphQl("dashboard").documentName("targets").variable("unitCode", "849").execute().errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty().allSatisfy(e ->
                        assertThat(e.getPath()).endsWith("provenance")));
        var traCu = graphQl("dashboard").documentName("targetsProgress").variable("unitCode", "849")
                .variable("asOf", "2023-11-15").execute();
        traCu.path("targets.totalCount").entity(Integer.class).isEqualTo(3)
                .path("targets.edges[*].node.targetId").entityList(String.class)
                .containsExactly("ntm-quy-1-2023", "nang-cao-quy-3-2023", "huyen-9-9-2023")
                .path("targets.edges[0].node.progress.currentDisplay").entity(String.class).isEqualTo("0/3 units")
                .path("targets.edges[0].node.progress.risk").entity(String.class).isEqualTo("OVERDUE")
                .path("targets.edges[2].node.progress.status").entity(String.class).isEqualTo("NOT_REACHED")
                .path("targets.edges[2].node.progress.currentDisplay").entity(String.class).satisfies(d ->
                        assertThat(d).endsWith("/9 criteria"))
                .path("targets.edges[2].node.progress.risk").entity(String.class).isEqualTo("NONE");
        // as of 15/12/2023 the district's 9/9 is due soon too: all three at risk in Trà Cú, and in Trà Vinh
        graphQl("dashboard").documentName("targetsAtRisk").variable("areaCode", "84").variable("asOf", "2023-12-15")
                .execute().path("targetsAtRisk.totalCount").entity(Integer.class).isEqualTo(3)
                .path("targetsAtRisk.edges[2].node.targetId").entity(String.class).isEqualTo("huyen-9-9-2023")
                .path("targetsAtRisk.edges[2].node.progress.risk").entity(String.class).isEqualTo("DUE_SOON");

        // seed 000 line 193: Tân Kiều's 17.7 at 71,32% against 85% by Tháng 6/2024, set by the commune's officer
        graphQl("tankieu.officer").documentName("setTarget").variable("input", map("unitCode", "30049", "targetId",
                        "chi-tieu-17-7-2024", "content", map("kind", "INDICATOR_VALUE", "statement", "Chỉ tiêu 17.7 … 85%"
                                + " (hiện trạng 71,32%), Tháng 6/2024", "year", 2024,
                                "setId", "dongthap-commune-ntm-2021-2025", "indicatorCode", "17.7",
                                "measure", "Tỷ lệ bao gói thuốc bảo vệ thực vật sau sử dụng và chất thải rắn y tế được thu gom, xử lý",
                                "value", 85, "valueAsWritten", "85%", "baseline", new BigDecimal("71.32"),
                                "baselineYear", 2024, "baselineAsWritten", "71,32%", "deadlineAsWritten", "Tháng 6/2024",
                                "source", map("number", "317/KH-UBND", "date", "2024-01-26"),
                                "provenance", "seed 000 line 193")))
                .execute().path("setTarget.errors").entityList(Object.class).hasSize(0);
        // a coordination office sets no target outside its district
        long before = eventCount();
        graphQl("thapmuoi.vpdp").documentName("setTarget").variable("input", map("unitCode", "849", "targetId", "x",
                        "content", map("kind", "TITLE", "statement", "x", "year", 2023, "setId", "district-ntm-2021-2025",
                                "deadlineAsWritten", "năm 2023", "source", TRA_CU_PLAN)))
                .execute().path("setTarget.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED");
        assertThat(eventCount()).isEqualTo(before);
        awaitProjections();
        graphQl("auditor").documentName("targetsAtRisk").variable("areaCode", "872").variable("asOf", "2024-06-15")
                .execute().path("targetsAtRisk.totalCount").entity(Integer.class).isEqualTo(1)
                .path("targetsAtRisk.edges[0].node.progress.status").entity(String.class).isEqualTo("NOT_REACHED")
                .path("targetsAtRisk.edges[0].node.progress.risk").entity(String.class).isEqualTo("DUE_SOON")
                .path("targetsAtRisk.edges[0].node.progress.daysLeft").entity(Integer.class).isEqualTo(15);
    }
}
