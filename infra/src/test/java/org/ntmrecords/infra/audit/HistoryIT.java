package org.ntmrecords.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

/**
 * Histories over a scenario with a correction and an administrative merger: a sandbox commune of Lấp Vò (99187,
 * registered by the administrator: the demo tracks Lấp Vò's real communes, seed 001) records a value that is then
 * corrected; on 1 July 2025 it merges wholly into Xã Lấp Vò (30169, formerly Thị trấn Lấp Vò), as Vĩnh Thạnh did, of
 * the new Tỉnh Đồng Tháp (82), under 1663/NQ-UBTVQH15 (reference/units/mapping-2025.csv). The merger changes
 * the demo's units, so this class runs on a database of its own.
 */
@TestPropertySource(properties = "ntm.test.isolated=history")
class HistoryIT extends IntegrationTest {
    private static final String SET = "dongthap-commune-ntm-2021-2025";
    private static final Map<String, Object> RESOLUTION = Map.of("number", "1663/NQ-UBTVQH15", "date", "2025-06-16",
            "issuer", "Ủy ban Thường vụ Quốc hội");
    private static final ParameterizedTypeReference<Map<String, Object>> ENTRY = new ParameterizedTypeReference<>() { };

    private static boolean prepared;
    private static String firstValue;

    @BeforeEach
    void scenario() {
        sandboxCommune("99187");
        awaitProjections();
        if (prepared) {
            return;
        }
        graphQl("lapvo.vpdp").documentName("trackUnit").variable("input", Map.of("unitCode", "99187", "setId", SET))
                .execute().path("trackUnit.errors").entityList(Object.class).hasSize(0);
        firstValue = graphQl("lapvo.vpdp").documentName("recordIndicatorValue").variable("input", Map.of(
                        "unitCode", "99187", "setId", SET, "indicatorCode", "17.7",
                        "value", Map.of("kind", "PERCENTAGE", "percentage", 60),
                        "period", Map.of("start", "2024-01-01", "end", "2024-03-31"),
                        "evidence", List.of(Map.of("number", "12/BC-UBND", "date", "2024-04-02", "issuer", "UBND xã Sandbox 99187"))))
                .execute().path("recordIndicatorValue.entryId").entity(String.class).get();
        graphQl("lapvo.vpdp").documentName("correctIndicatorValue").variable("input", Map.of("unitCode", "99187",
                        "setId", SET, "correctsValueId", firstValue, "indicatorCode", "17.7", "reason", "nhập sai số liệu",
                        "value", Map.of("kind", "PERCENTAGE", "percentage", 90)))
                .execute().path("correctIndicatorValue.errors").entityList(Object.class).hasSize(0);
        graphQl("admin").documentName("registerUnit").variable("input", Map.of("code", "82", "name", "Đồng Tháp",
                        "fullName", "Tỉnh Đồng Tháp", "kind", "PROVINCE",
                        "source", Map.of("number", "915/CTK-CSCL", "issuer", "Cục Thống kê")))
                .execute().path("registerUnit.errors").entityList(Object.class).hasSize(0)
                // each payload carries the unit as it now stands, read back from the read model
                .path("registerUnit.unit.fullName").entity(String.class).isEqualTo("Tỉnh Đồng Tháp")
                .path("registerUnit.unit.level").entity(Integer.class).isEqualTo(1)
                .path("registerUnit.unit.parent").valueIsNull();
        graphQl("admin").documentName("reorganizeUnit").variable("input", Map.of("code", "30169", "name", "Lấp Vò",
                        "fullName", "Xã Lấp Vò", "kind", "COMMUNE", "parentCode", "82", "effectiveFrom", "2025-07-01",
                        "basis", RESOLUTION))
                .execute().path("reorganizeUnit.errors").entityList(Object.class).hasSize(0)
                .path("reorganizeUnit.unit.fullName").entity(String.class).isEqualTo("Xã Lấp Vò")
                .path("reorganizeUnit.unit.kind").entity(String.class).isEqualTo("COMMUNE")
                .path("reorganizeUnit.unit.parent.code").entity(String.class).isEqualTo("82");
        graphQl("admin").documentName("ceaseUnit").variable("input", Map.of("code", "99187", "effectiveFrom", "2025-07-01",
                        "successors", List.of(Map.of("code", "30169", "share", "WHOLE")), "basis", RESOLUTION))
                .execute().path("ceaseUnit.errors").entityList(Object.class).hasSize(0)
                .path("ceaseUnit.unit.code").entity(String.class).isEqualTo("99187")
                .path("ceaseUnit.unit.ceasedOn").entity(String.class).isEqualTo("2025-07-01")
                .path("ceaseUnit.unit.successors[0].successor.code").entity(String.class).isEqualTo("30169");
        awaitProjections();
        prepared = true;
    }

    private List<Map<String, Object>> entries(Map<String, Object> subject, Map<String, Object> filter) {
        GraphQlTester.Request<?> request = graphQl().documentName("history").variable("subject", subject).variable("first", 200);
        if (filter != null) {
            request = request.variable("filter", filter);
        }
        return request.execute().path("history.edges[*].node").entityList(ENTRY).get();
    }

    @Test
    void anIndicatorsHistoryShowsTheValueItsCorrectionAndEachJudgmentWithWhoWhenAndWhy() {
        List<Map<String, Object>> history = entries(Map.of("unitCode", "99187", "setId", SET, "indicatorCode", "17.7"), null);

        assertThat(history).extracting(e -> e.get("type")).containsExactly("INDICATOR_VALUE_RECORDED", "INDICATOR_JUDGED",
                "INDICATOR_VALUE_CORRECTED", "INDICATOR_JUDGED");
        Map<String, Object> recorded = history.get(0);
        assertThat(recorded).containsEntry("actor", "lapvo.vpdp").containsEntry("actorRole", "DISTRICT_COORDINATION_OFFICE")
                .containsEntry("actorUnit", "875").containsEntry("businessStart", "2024-01-01")
                .containsEntry("businessEnd", "2024-03-31").containsEntry("stream", "99187@" + SET)
                .containsEntry("unitCode", "99187");
        assertThat(recorded.get("documents")).asInstanceOf(LIST).hasSize(1).first().asString().contains("12/BC-UBND");
        assertThat((String) recorded.get("summary")).contains("17.7", "60", firstValue);
        // the judgment the value caused shares its correlation id and names the value's event as its causation
        assertThat(history.get(1).get("correlationId")).isEqualTo(recorded.get("correlationId"));
        assertThat((String) history.get(1).get("summary")).contains("chưa đạt", "nguyên nhân " + firstValue);
        assertThat((String) history.get(2).get("summary")).contains("sửa " + firstValue, "nhập sai số liệu");
        assertThat((String) history.get(3).get("summary")).contains("được đánh giá đạt");
        assertThat(history).extracting(e -> Long.parseLong((String) e.get("position"))).isSorted();
        assertThat(history).allSatisfy(e -> assertThat(e.get("attributedTo")).isNull());
    }

    @Test
    void filtersByKindActorRecordTimeAndBusinessTime() {
        Map<String, Object> unit = Map.of("unitCode", "99187");
        assertThat(entries(unit, Map.of("types", List.of("INDICATOR_VALUE_CORRECTED"))))
                .singleElement().satisfies(e -> assertThat(e.get("type")).isEqualTo("INDICATOR_VALUE_CORRECTED"));
        // the sandbox commune is the administrator's (registered, ceased); its record the office's; none the demo's
        assertThat(entries(unit, Map.of("actor", "admin"))).extracting(e -> e.get("type"))
                .containsExactly("UNIT_REGISTERED", "UNIT_CEASED");
        assertThat(entries(unit, Map.of("actor", "lapvo.vpdp"))).extracting(e -> e.get("type"))
                .contains("UNIT_TRACKED", "INDICATOR_VALUE_RECORDED", "INDICATOR_VALUE_CORRECTED")
                .doesNotContain("UNIT_REGISTERED", "UNIT_CEASED");
        assertThat(entries(unit, Map.of("actor", "system:demo-loader"))).isEmpty();
        // facts describe a period; judgments are of the record, not of a period
        assertThat(entries(unit, Map.of("businessFrom", "2024-02-01", "businessTo", "2024-02-29")))
                .extracting(e -> e.get("type")).containsExactly("INDICATOR_VALUE_RECORDED", "INDICATOR_VALUE_CORRECTED");
        assertThat(entries(unit, Map.of("businessFrom", "2025-01-01"))).extracting(e -> e.get("type"))
                .containsExactly("UNIT_CEASED");
        assertThat(entries(unit, Map.of("recordedTo", "2000-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void pagesFollowTheStoreOrderWithoutGapsOrRepeats() {
        Map<String, Object> subject = Map.of("unitCode", "99187");
        List<Map<String, Object>> all = entries(subject, null);
        assertThat(all.size()).isGreaterThan(5);
        List<Object> paged = new java.util.ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            GraphQlTester.Response page = graphQl().documentName("history").variable("subject", subject)
                    .variable("first", 2).variable("after", after).execute();
            paged.addAll(page.path("history.edges[*].node.eventId").entityList(String.class).get());
            more = page.path("history.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("history.pageInfo.endCursor").entity(String.class).get();
        }
        assertThat(paged).containsExactlyElementsOf(all.stream().map(e -> e.get("eventId")).toList());
    }

    @Test
    void aSuccessorsHistoryIncludesItsPredecessorsRecordsAttributedToThem() {
        List<Map<String, Object>> own = entries(Map.of("unitCode", "30169"), null);
        assertThat(own).extracting(e -> e.get("type")).containsExactly("UNIT_REGISTERED", "UNIT_REORGANIZED", "UNIT_CEASED");
        assertThat(own.get(2).get("unitCode")).isEqualTo("99187");
        assertThat((String) own.get(2).get("summary")).contains("nhập vào 30169");

        List<Map<String, Object>> withPredecessors = entries(Map.of("unitCode", "30169", "includePredecessors", true), null);
        assertThat(withPredecessors).filteredOn(e -> "99187".equals(e.get("attributedTo"))).extracting(e -> e.get("type"))
                .contains("UNIT_REGISTERED", "UNIT_TRACKED", "INDICATOR_VALUE_RECORDED", "INDICATOR_VALUE_CORRECTED")
                .doesNotContain("UNIT_CEASED");
        assertThat(withPredecessors).filteredOn(e -> e.get("attributedTo") == null).extracting(e -> e.get("type"))
                .containsExactly("UNIT_REGISTERED", "UNIT_REORGANIZED", "UNIT_CEASED");
        assertThat(withPredecessors).extracting(e -> Long.parseLong((String) e.get("position"))).isSorted()
                .doesNotHaveDuplicates();

        graphQl().document("{ unit(code: \"30169\") { fullName kind parent { code } predecessors { predecessor { code ceasedOn } share effectiveFrom basis { number } } } }")
                .execute()
                .path("unit.fullName").entity(String.class).isEqualTo("Xã Lấp Vò")
                .path("unit.parent.code").entity(String.class).isEqualTo("82")
                .path("unit.predecessors[0].predecessor.code").entity(String.class).isEqualTo("99187")
                .path("unit.predecessors[0].predecessor.ceasedOn").entity(String.class).isEqualTo("2025-07-01")
                .path("unit.predecessors[0].basis.number").entity(String.class).isEqualTo("1663/NQ-UBTVQH15");
    }

    @Test
    void aCriteriaSetsHistoryIsItsPublicationAndAmendments() {
        assertThat(entries(Map.of("setId", SET), null)).extracting(e -> e.get("type")).first()
                .isEqualTo("CRITERIA_SET_PUBLISHED");
        // the definition's history: nothing any unit recorded under it
        assertThat(entries(Map.of("setId", SET, "indicatorCode", "17.7"), null)).extracting(e -> e.get("type"))
                .contains("CRITERIA_SET_PUBLISHED").isSubsetOf("CRITERIA_SET_PUBLISHED", "RESPONSIBILITY_ASSIGNED",
                        "RESPONSIBILITY_WITHDRAWN", "CRITERIA_SET_AMENDED");
    }

    @Test
    void aSubjectThatNamesNothingOrAForeignCursorIsATypedError() {
        graphQl().documentName("history").variable("subject", Map.of("unitCode", "99187")).variable("after", "bm90LWEtY3Vyc29y")
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
        graphQl().documentName("history").variable("subject", Map.of("criterionCode", "17")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).contains("phải được nêu kèm bộ tiêu chí của nó")));
        graphQl().documentName("history").variable("subject", Map.of("unitCode", "99187"))
                .variable("filter", Map.of("types", List.of("NoSuchEvent"))).execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        // the stored names of event kinds are not the API's: the filter takes the SCREAMING_CASE values only
        graphQl().documentName("history").variable("subject", Map.of("unitCode", "99187"))
                .variable("filter", Map.of("types", List.of("IndicatorValueCorrected"))).execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty());
    }
}
