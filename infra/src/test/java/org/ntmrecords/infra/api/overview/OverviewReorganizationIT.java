package org.ntmrecords.infra.api.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

/**
 * The roll-ups after the 1 July 2025 reform (the demo with {@code ntm.demo.reorganization-2025}, as ReorganizationIT
 * runs it and on the same store): the district level is abolished, so the new Tỉnh Đồng Tháp (82) counts its communes
 * outside any district; the old province and districts are refused for today, naming where to ask; quarter by
 * quarter, the new province counts its predecessors' districts and communes until they ceased. The assertions hold
 * whatever ReorganizationIT records on the same store (a late 2024 value for Tân Kiều, another set for Đốc Binh Kiều).
 */
@TestPropertySource(properties = {"ntm.test.isolated=reorganization", "ntm.demo.reorganization-2025=true"})
class OverviewReorganizationIT extends IntegrationTest {
    private static final String NTM = "dongthap-commune-ntm-2021-2025";

    @BeforeEach
    void reformApplied() {
        awaitProjections();
    }

    private static Map<String, Object> counts(Map<?, ?> summary) {
        Map<String, Object> copy = new java.util.HashMap<>();
        summary.forEach((k, v) -> copy.put((String) k, v));
        copy.remove("byCriteriaMet");
        copy.remove("units");
        return copy;
    }

    @Test
    void theNewProvinceCountsItsCommunesOutsideAnyDistrict() {
        int communes = graphQl().document("{ units(parentCode: \"82\", kind: COMMUNE) { totalCount } }").execute()
                .path("units.totalCount").entity(Integer.class).get();
        assertThat(communes).as("communes directly under the new province").isGreaterThan(5);
        GraphQlTester.Response overview = graphQl().documentName("provinceOverview").variable("province", "82")
                .variable("set", NTM).execute();
        overview.path("provinceOverview.districts").entityList(Object.class).hasSize(0)
                .path("provinceOverview.outsideDistricts.units").entity(Integer.class).isEqualTo(communes)
                .path("provinceOverview.summary.units").entity(Integer.class).isEqualTo(communes)
                // Tháp Mười's communes that kept their code: Đốc Binh Kiều and Trường Xuân at 19/19, Thanh Mỹ, Mỹ Quý
                // (Mỹ Quí) and Hưng Thạnh (Phương Thịnh) at 18/19; Lấp Vò's: Mỹ An Hưng B (30178, now Xã Mỹ An Hưng)
                // and Long Hưng A (30184, now Xã Tân Khánh Trung) at 19/19 (seed 001 line 35); each counts its own record
                .path("provinceOverview.summary").entity(Map.class).satisfies(summary -> assertThat(counts(summary))
                        .isEqualTo(Map.of("tracked", 5 + 2, "met", 2 + 2, "notMet", 3, "notAssessed", 0)));
    }

    @Test
    void theOldProvinceAndDistrictsAreRefusedForTodayNamingWhereToAsk() {
        graphQl().documentName("provinceOverview").variable("province", "87").variable("set", NTM).execute()
                .errors().expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST
                        && "UNIT_CEASED".equals(e.getExtensions().get("code"))
                        && e.getMessage().contains("đơn vị 87 Tỉnh Đồng Tháp đã chấm dứt hoạt động từ ngày 01/07/2025 và đã được nhập vào 82")
                        && e.getMessage().contains("provinceOverviewHistory")).verify()
                .path("provinceOverview").valueIsNull();
        graphQl().documentName("districtOverview").variable("district", "872").variable("set", NTM).execute()
                .errors().expect(e -> "UNIT_CEASED".equals(e.getExtensions().get("code"))
                        && e.getMessage().contains("đơn vị 872 Huyện Tháp Mười đã chấm dứt hoạt động từ ngày 01/07/2025 và không có đơn vị kế thừa")
                        && e.getMessage().contains("provinceOverview(provinceCode: \"82\")")).verify();
        graphQl().documentName("criterionOverview").variable("area", "872").variable("set", NTM)
                .variable("criterion", "13").execute()
                .errors().expect(e -> "UNIT_CEASED".equals(e.getExtensions().get("code"))).verify();
    }

    @Test
    void quarterByQuarterTheNewProvinceCountsItsPredecessorsDistrictsUntilTheyCeased() {
        GraphQlTester.Response history = graphQl().documentName("provinceOverviewHistory").variable("province", "82")
                .variable("set", NTM).variable("from", "2024-01-01").variable("to", "2025-09-30").execute();
        history.path("provinceOverviewHistory.quarters[*].quarter").entityList(String.class).containsExactly(
                "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3");
        // before the reform: Tháp Mười and Lấp Vò stood, reached through Đồng Tháp (87) that the new province took over
        history.path("provinceOverviewHistory.quarters[0].districts[*].district.code").entityList(String.class)
                .containsExactly("872", "875")
                .path("provinceOverviewHistory.quarters[0].summary").entity(Map.class)
                .satisfies(summary -> assertThat(counts(summary))
                        .isEqualTo(Map.of("tracked", 12 + 12, "met", 6 + 12, "notMet", 6, "notAssessed", 0)))
                // the communes that ceased are counted in their district; those that moved under the province are
                // counted outside districts (the hierarchy as it stands)
                .path("provinceOverviewHistory.quarters[0].districts[0].summary.tracked").entity(Integer.class)
                .isEqualTo(7)
                .path("provinceOverviewHistory.quarters[0].districts[1].summary.tracked").entity(Integer.class)
                .isEqualTo(10)
                .path("provinceOverviewHistory.quarters[0].outsideDistricts.tracked").entity(Integer.class)
                .isEqualTo(5 + 2)
                .path("provinceOverviewHistory.quarters[5].districts").entityList(Object.class).hasSize(2);
        // from 1 July 2025: no district, only the communes that stand, each with its own record
        history.path("provinceOverviewHistory.quarters[6].districts").entityList(Object.class).hasSize(0)
                .path("provinceOverviewHistory.quarters[6].summary").entity(Map.class)
                .satisfies(summary -> assertThat(counts(summary))
                        .isEqualTo(Map.of("tracked", 5 + 2, "met", 2 + 2, "notMet", 3, "notAssessed", 0)));
        // the old province is answered for the quarters it stood, and counts nothing after it ceased
        graphQl().documentName("provinceOverviewHistory").variable("province", "87").variable("set", NTM)
                .variable("from", "2025-04-01").variable("to", "2025-09-30").execute()
                .path("provinceOverviewHistory.quarters[0].summary.tracked").entity(Integer.class).isEqualTo(7 + 10)
                .path("provinceOverviewHistory.quarters[1].summary.units").entity(Integer.class).isEqualTo(0)
                .path("provinceOverviewHistory.quarters[1].districts").entityList(Object.class).hasSize(0);
    }
}
