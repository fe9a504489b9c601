package org.ntmrecords.infra.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.integrity.StoreVerifier;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo with the 1 July 2025 reorganisation applied (mapping-2025.csv): Tân Kiều (30049) merged into Đốc Binh
 * Kiều (30061) under the new Tỉnh Đồng Tháp (82) by 1663/NQ-UBTVQH15 Điều 1 khoản 21, the district level
 * abolished, and the successor's history holding its predecessor's records.
 */
@TestPropertySource(properties = {"ntm.test.isolated=reorganization", "ntm.demo.reorganization-2025=true"})
class ReorganizationIT extends IntegrationTest {
    @Autowired
    ReorganizationImport reorganization;
    @Autowired
    StoreVerifier verifier;
    @Autowired
    IndicatorValueCsvImport values;
    @Autowired
    UnitCsvImport unitImport;

    private static final String SET = "dongthap-commune-ntm-2021-2025";
    private static final Map<String, Object> AUGUST_2025 = Map.of("start", "2025-08-01", "end", "2025-08-31");
    private static final Map<String, Object> YEAR_2024 = Map.of("start", "2024-01-01", "end", "2024-12-31");

    private static final String UNIT = """
            query($code: ID!) { unit(code: $code) { code fullName kind ceasedOn parent { code }
              successors { successor { code } share effectiveFrom basis { number title } } } }""";

    @Test
    void theSeedLocalitiesStandAsAfterTheReformAndSuccessorsHoldTheirPredecessorsRecords() throws java.io.IOException {
        awaitProjections();
        graphQl().document(UNIT).variable("code", "30049").execute()
                .path("unit.ceasedOn").entity(String.class).isEqualTo("2025-07-01")
                .path("unit.successors[*].successor.code").entityList(String.class).containsExactly("30061")
                .path("unit.successors[0].share").entity(String.class).isEqualTo("WHOLE")
                .path("unit.successors[0].basis.number").entity(String.class).isEqualTo("1663/NQ-UBTVQH15")
                .path("unit.successors[0].basis.title").entity(String.class).isEqualTo("Điều 1 khoản 21");
        graphQl().document(UNIT).variable("code", "30061").execute()
                .path("unit.fullName").entity(String.class).isEqualTo("Xã Đốc Binh Kiều")
                .path("unit.ceasedOn").valueIsNull()
                .path("unit.parent.code").entity(String.class).isEqualTo("82");
        graphQl().document(UNIT).variable("code", "872").execute()
                .path("unit.ceasedOn").entity(String.class).isEqualTo("2025-07-01")
                .path("unit.successors").entityList(Object.class).hasSize(0);
        graphQl().document(UNIT).variable("code", "87").execute()
                .path("unit.successors[*].successor.code").entityList(String.class).containsExactly("82");

        graphQl().documentName("history").variable("subject", Map.of("unitCode", "30061", "includePredecessors", true))
                .variable("filter", Map.of("types", List.of("INDICATOR_VALUE_RECORDED"))).variable("first", 200).execute()
                .path("history.edges[*].node.attributedTo").entityList(String.class).contains("30049");

        long before = eventCount();
        ReorganizationImport.Report again = reorganization.runBundled(line -> { });
        assertThat(again.rejected()).isEmpty();
        assertThat(again.registered() + again.reorganized() + again.ceased()).as(again.summary()).isZero();
        assertThat(eventCount()).as("re-running it stores nothing").isEqualTo(before);
        // every mapping row is accounted for: the seed localities' rows as mapped already, the others named
        assertThat(again.rows()).isEqualTo(11_358);
        assertThat(again.accounted()).as(again.summary()).isEqualTo(again.rows());
        assertThat(again.applied()).isZero();
        assertThat(again.rejectedRows()).isZero();
        assertThat(again.asMapped()).as(again.summary()).isPositive();
        assertThat(again.skipped()).containsOnlyKeys(ReorganizationImport.NOT_HELD);
        assertThat(again.asMapped() + again.skipped().get(ReorganizationImport.NOT_HELD)).isEqualTo(11_358);
        assertThat(again.summary()).contains("11358 mapping rows").contains("0 applied")
                .contains(again.asMapped() + " already as mapped").contains("skipped: its old unit is not in the store");

        awaitProjections();
        StoreVerifier.Report report = verifier.verify(p -> { });
        assertThat(report.intact()).as(report.summary()).isTrue();
    }

    private static Map<String, Object> valueInput(String indicator, Map<String, Object> value,
                                                  Map<String, Object> period) {
        Map<String, Object> input = new java.util.LinkedHashMap<>();
        input.put("unitCode", "30049");
        input.put("setId", SET);
        input.put("indicatorCode", indicator);
        input.put("value", value);
        input.put("period", period);
        return input;
    }

    private static void refusedAsCeased(org.springframework.graphql.test.tester.GraphQlTester.Response response,
                                        String mutation, String field) {
        response.path(mutation + ".errors[0].code").entity(String.class).isEqualTo("UNIT_CEASED")
                .path(mutation + ".errors[0].field").entity(String.class).isEqualTo(field)
                // in Vietnamese, the default
                .path(mutation + ".errors[0].message").entity(String.class).satisfies(message -> assertThat(message)
                        .contains("Đơn vị 30049 Tân Kiều đã chấm dứt hoạt động từ ngày 01/07/2025")
                        .contains("được sáp nhập vào 30061 Đốc Binh Kiều")
                        .contains("Hãy ghi cho 30061 Đốc Binh Kiều")
                        .contains("dữ liệu về những ngày trước 01/07/2025 vẫn được nhận"));
    }

    @Test
    void aCeasedCommuneTakesNoFactAboutDaysAfterItCeasedYetTakesALateReportAboutEarlierDays() {
        awaitProjections();
        long before = eventCount();
        // the district's coordination office and Tân Kiều's own officer, both within their jurisdiction
        for (String account : List.of("thapmuoi.vpdp", "tankieu.officer")) {
            refusedAsCeased(graphQl(account).documentName("recordIndicatorValue").variable("input", valueInput("17.7",
                    Map.of("kind", "PERCENTAGE", "percentage", 90), AUGUST_2025)).execute(), "recordIndicatorValue",
                    "period");
            // a period that only begins before the cessation still reaches past it
            refusedAsCeased(graphQl(account).documentName("recordIndicatorValue").variable("input", valueInput("17.7",
                    Map.of("kind", "PERCENTAGE", "percentage", 90), Map.of("start", "2025-01-01", "end",
                            "2025-12-31"))).execute(), "recordIndicatorValue", "period");
            refusedAsCeased(graphQl(account).documentName("markIndicatorNotAssessed").variable("input", Map.of(
                    "unitCode", "30049", "setId", SET, "indicatorCode", "10", "period", AUGUST_2025,
                    "reason", "chưa có số liệu")).execute(), "markIndicatorNotAssessed", "period");
            refusedAsCeased(graphQl(account).documentName("attachEvidence").variable("input", Map.of(
                    "targetKind", "UNIT", "unitCode", "30049", "kind", "báo cáo",
                    "document", Map.of("number", "45/BC-UBND", "date", "2025-08-02", "issuer", "UBND xã Tân Kiều")))
                    .execute(), "attachEvidence", "document.date");
        }
        refusedAsCeased(graphQl("thapmuoi.vpdp").documentName("recordIndicatorDecision").variable("input", Map.of(
                "unitCode", "30049", "setId", SET, "indicatorCode", "13.3", "result", "MET",
                "period", Map.of("start", "2025-09-01"), "decidedBy", "UBND huyện Tháp Mười",
                "basis", List.of(Map.of("number", "99/BC-UBND")))).execute(), "recordIndicatorDecision", "period");
        assertThat(eventCount()).as("nothing stored").isEqualTo(before);

        // a late report about 2024, when Tân Kiều still existed, is recorded and judged
        String late = graphQl("tankieu.officer").documentName("recordIndicatorValue").variable("input",
                        valueInput("17.7", Map.of("kind", "PERCENTAGE", "percentage", 86.5), YEAR_2024)).execute()
                .path("recordIndicatorValue.errors").entityList(Object.class).hasSize(0)
                .path("recordIndicatorValue.indicator.result").entity(String.class).isEqualTo("MET")
                .path("recordIndicatorValue.entryId").entity(String.class).get();
        // ... but a correction cannot move it past the cessation
        long recorded = eventCount();
        refusedAsCeased(graphQl("thapmuoi.vpdp").documentName("correctIndicatorValue").variable("input", Map.of(
                "unitCode", "30049", "setId", SET, "correctsValueId", late, "indicatorCode", "17.7",
                "reason", "kỳ báo cáo nhầm", "value", Map.of("kind", "PERCENTAGE", "percentage", 86.5),
                "period", AUGUST_2025)).execute(), "correctIndicatorValue", "period");
        assertThat(eventCount()).isEqualTo(recorded);
        // and the successor takes what happened after
        graphQl("admin").documentName("trackUnit").variable("input", Map.of("unitCode", "30061",
                        "setId", "commune-ntm-2021-2025", "region", "dbscl"))
                .execute().path("trackUnit.errors").entityList(Object.class).hasSize(0);
    }

    @Test
    void importedValuesOfACeasedCommuneAreRefusedRowByRowWithTheirLine() throws Exception {
        awaitProjections();
        long head = storeHead();
        String file = "unit_code,set_id,value_id,indicator_code,period_start,period_end,kind,value,source_agency,note\n"
                + "30049," + SET + ",reorg-imp-1,17.7,2025-08-01,2025-08-31,PERCENTAGE,88,,\n"
                + "30049," + SET + ",reorg-imp-2,17.7,2024-01-01,2024-12-31,PERCENTAGE,87,,báo cáo muộn\n";
        IndicatorValueCsvImport.Report report = values.run(new java.io.StringReader(file), line -> { });
        assertThat(report.rows()).isEqualTo(2);
        assertThat(report.recorded()).isEqualTo(1);
        assertThat(report.rejected()).singleElement().asString()
                .startsWith("line 2 (reorg-imp-1): UNIT_CEASED period: unit 30049 Tân Kiều ceased on 2025-07-01")
                .contains("merged into 30061 Đốc Binh Kiều");
        assertThat(report.accounted()).isEqualTo(report.rows());
        // the 2024 value, its indicator's judgment, and its criterion's and the standing's where it changed them
        assertValuesRecorded(storedAfter(head), 1);
    }

    @Test
    void reImportingTheUnitListAfterTheReformCountsTheRowsItLeavesAloneUnderTheirReason() throws Exception {
        awaitProjections();
        long before = eventCount();
        UnitCsvImport.Report report;
        try (var reader = new java.io.InputStreamReader(new org.springframework.core.io.ClassPathResource(
                "data/units/seed-localities.csv").getInputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
            report = unitImport.run(reader, "seed-localities.csv", line -> { });
        }
        assertThat(report.rows()).isEqualTo(69);
        assertThat(report.rejected()).isEmpty();
        // ceased or reorganised on 1 July 2025, listed as before it: older news, left alone and said so
        assertThat(report.count(org.ntmrecords.command.unit.ImportOutcome.SUPERSEDED)).as(report.summary()).isPositive();
        assertThat(report.accounted()).as(report.summary()).isEqualTo(69);
        assertThat(report.summary()).contains(report.count(org.ntmrecords.command.unit.ImportOutcome.SUPERSEDED)
                + " skipped: older than the unit's recorded reorganisation or cessation");
        assertThat(eventCount()).isEqualTo(before);
    }
}
