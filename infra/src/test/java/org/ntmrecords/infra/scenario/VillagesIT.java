package org.ntmrecords.infra.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.importing.UnitCsvImport;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Villages (thôn, ấp, khu dân cư, bản, làng) below the commune, as seed 004 ({@code 004_bedcbf93154cdfce.txt}) names
 * Cẩm Ngọc's, loaded by the demo loader from demo/cam-ngoc-2023.yaml: the model village Phúc Ngán Vải under xã Cẩm
 * Ngọc (15169) with its standing, the 273 missing health-insurance cards by village against the commune's figure, and
 * the villages the register refuses; and a commune's list of villages imported. It stores only the import's sandbox
 * commune ({@code 99802}, under Lấp Vò as {@link #sandboxCommune} places them) and its village.
 */
class VillagesIT extends IntegrationTest {
    private static final String CAM_NGOC = "15169";
    private static final String PHUC_NGAN_VAI = "15169-phuc-ngan-vai";
    private static final String VILLAGE_SET = "thanhhoa-village-model";
    private static final String COMMUNE_SET = "thanhhoa-commune-advanced-2022-2025";

    @Autowired
    UnitCsvImport units;

    @BeforeEach
    void projectionsCaughtUp() {
        awaitProjections();
    }

    @Test
    void phucNganVaiIsAVillageOfCamNgocMeeting14Of15WithTransportUnmet() {
        GraphQlTester.Response answer = graphQl().documentName("villageUnit").variable("code", PHUC_NGAN_VAI)
                .variable("commune", CAM_NGOC).variable("set", VILLAGE_SET).execute();
        // line 161: thôn Phúc Ngán Vải, a unit of level 4 under xã Cẩm Ngọc
        answer.path("unit.fullName").entity(String.class).isEqualTo("Thôn Phúc Ngán Vải")
                .path("unit.kind").entity(String.class).isEqualTo("THON")
                .path("unit.level").entity(Integer.class).isEqualTo(4)
                .path("unit.parent.code").entity(String.class).isEqualTo(CAM_NGOC)
                .path("unit.parent.kind").entity(String.class).isEqualTo("COMMUNE")
                // lines 141, 155, 206: the six villages the seed names, the commune's children
                .path("commune.children[*].code").entityList(String.class).hasSize(6).contains(
                        "15169-dong-lao", "15169-kim", "15169-phuc-ngan-vai", "15169-sanh", "15169-song",
                        "15169-song-nga")
                .path("commune.children[*].level").entityList(Integer.class).containsExactly(4, 4, 4, 4, 4, 4)
                // lines 163-180: 14 of the 15 criteria met; criterion 5 Giao thông not met, by recorded decision
                .path("standing.criteriaMet").entity(Integer.class).isEqualTo(14)
                .path("standing.criteriaTotal").entity(Integer.class).isEqualTo(15)
                .path("standing.result").entity(String.class).isEqualTo("NOT_MET")
                .path("standing.unmetCriteria[*].code").entityList(String.class).containsExactly("5")
                .path("standing.unmetCriteria[0].name").entity(String.class).isEqualTo("Giao thông")
                .path("standing.unmetCriteria[0].indicators[0].basis").entity(String.class)
                .isEqualTo("HUMAN_DECISION")
                .path("standing.unmetCriteria[0].indicators[0].decision.result").entity(String.class)
                .isEqualTo("NOT_MET");
    }

    @Test
    void ap5OfDocBinhKieuIsAVillageOfItsCommune() {
        // seed 000 line 218: the smart village "ấp 5 xã Đốc Binh Kiều"
        graphQl().document("{ unit(code: \"30061-ap-5\") { kind level parent { code name } } }").execute()
                .path("unit.kind").entity(String.class).isEqualTo("AP")
                .path("unit.level").entity(Integer.class).isEqualTo(4)
                .path("unit.parent.code").entity(String.class).isEqualTo("30061");
    }

    @Test
    void the273MissingCardsByVillageAddUpToTheCommunesFigure() {
        GraphQlTester.Response answer = graphQl().documentName("valueBreakdown").variable("unit", CAM_NGOC)
                .variable("set", COMMUNE_SET).variable("indicator", "14.1").execute();
        String entry = "indicatorEntries.edges[0].node";
        // line 141: Đồng Lão 135, Song Nga 42, Phúc Ngán vài 6, Làng Kim 35, Làng Song 27, Làng Sành 28; 273 in all
        answer.path(entry + ".display").entity(String.class).isEqualTo("91.0%")
                .path(entry + ".breakdown[*].subUnit").entityList(String.class).containsExactly("Đồng Lão",
                        "Song Nga", "Phúc Ngán vài", "Làng Kim", "Làng Song", "Làng Sành")
                .path(entry + ".breakdown[*].quantity").entityList(Integer.class)
                .containsExactly(135, 42, 6, 35, 27, 28)
                .path(entry + ".breakdown[*].unitCode").entityList(String.class).containsExactly("15169-dong-lao",
                        "15169-song-nga", PHUC_NGAN_VAI, "15169-kim", "15169-song", "15169-sanh")
                .path(entry + ".breakdown[*].unit.parent.code").entityList(String.class)
                .containsExactly(CAM_NGOC, CAM_NGOC, CAM_NGOC, CAM_NGOC, CAM_NGOC, CAM_NGOC)
                .path(entry + ".breakdown[2].unit.name").entity(String.class).isEqualTo("Phúc Ngán Vải")
                .path(entry + ".breakdownTotal.quantity").entity(Integer.class).isEqualTo(273)
                .path(entry + ".breakdownTotal.measure").entity(String.class).isEqualTo("thẻ BHYT còn thiếu")
                .path(entry + ".breakdownCheck.partsTotal").entity(Integer.class).isEqualTo(273)
                .path(entry + ".breakdownCheck.statedTotal").entity(Integer.class).isEqualTo(273)
                .path(entry + ".breakdownCheck.difference").entity(Integer.class).isEqualTo(0)
                .path(entry + ".breakdownCheck.matches").entity(Boolean.class).isEqualTo(true)
                .path(entry + ".breakdownCheck.explanation").entity(String.class)
                .isEqualTo("Tổng các phần (273) khớp với số của đơn vị (273 thẻ BHYT còn thiếu)");
    }

    @Test
    void aVillageUnderADistrictUnderAnUnknownCommuneOrTwiceIsRefusedAndNothingStored() {
        long before = eventCount();
        // under huyện Cẩm Thủy (390): a village belongs only to a commune-level unit
        refused(village("15169-thu", "390"), "INVALID_PARENT", "parentCode",
                "Một thôn chỉ trực thuộc một đơn vị cấp xã (xã, phường, thị trấn, đặc khu), không trực thuộc huyện 390");
        // under a commune no one registered
        refused(village("15999-thu", "15999"), "UNKNOWN_PARENT", "parentCode",
                "Đơn vị cấp trên 15999 chưa được đăng ký");
        // Phúc Ngán Vải a second time
        refused(village(PHUC_NGAN_VAI, CAM_NGOC), "ALREADY_EXISTS", "code", "Đơn vị 15169-phuc-ngan-vai đã được đăng ký");
        // a code that does not name the commune it is registered under, and one without the commune's code
        refused(village("30049-thu", CAM_NGOC), "INVALID_INPUT", "code", null);
        refused(village("phuc-ngan-vai", CAM_NGOC), "INVALID_INPUT", "code", null);
        // a village code for a commune
        Map<String, Object> commune = village("15169-thu", "390");
        commune.put("kind", "COMMUNE");
        refused(commune, "INVALID_INPUT", "code", null);
        assertThat(eventCount()).as("nothing stored").isEqualTo(before);
        graphQl().document("{ unit(code: \"15169-thu\") { code } }").execute().path("unit").valueIsNull();
    }

    @Test
    void aListOfVillagesImportsAfterItsCommuneWhateverTheOrderOfItsRows() throws Exception {
        // the village's row comes first: rows are sent level by level, communes before their villages
        String file = "code,name,kind,parent_code,full_name\n"
                + "99802-ap-1,1,ap,99802,Ấp 1\n"
                + "99802,Sandbox 99802,commune,875,Xã Sandbox 99802\n";
        UnitCsvImport.Report report = units.run(new StringReader(file), "villages.csv", line -> { });
        assertThat(report.rejected()).isEmpty();
        assertThat(report.accounted()).isEqualTo(2);
        awaitProjections();
        graphQl().documentName("villageUnit").variable("code", "99802-ap-1").variable("commune", "99802")
                .variable("set", VILLAGE_SET).execute()
                .path("unit.kind").entity(String.class).isEqualTo("AP")
                .path("unit.level").entity(Integer.class).isEqualTo(4)
                .path("unit.parent.code").entity(String.class).isEqualTo("99802")
                .path("commune.children[*].code").entityList(String.class).containsExactly("99802-ap-1");
        // the GSO lists no villages: the row's source is the file, not the GSO list
        assertThat(jdbc.queryForObject("select payload->'source'->>'number' from read_model.history_event"
                + " where stream = '99802-ap-1' and event_type = 'UnitRegistered'", String.class))
                .isEqualTo("Danh sách thôn, khu dân cư");
    }

    private static Map<String, Object> village(String code, String parent) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("code", code);
        input.put("name", "Thử");
        input.put("fullName", "Thôn Thử");
        input.put("kind", "THON");
        input.put("parentCode", parent);
        return input;
    }

    private void refused(Map<String, Object> input, String code, String field, String message) {
        GraphQlTester.Response answer = graphQl("admin").documentName("registerUnit").variable("input", input)
                .execute();
        answer.path("registerUnit.unit").valueIsNull()
                .path("registerUnit.errors[0].code").entity(String.class).isEqualTo(code)
                .path("registerUnit.errors[0].field").entity(String.class).isEqualTo(field);
        if (message != null) {
            answer.path("registerUnit.errors[0].message").entity(String.class).isEqualTo(message);
        }
    }
}
