package org.ntmrecords.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Itemised frameworks (issue 20, part 3): Định Yên's smart-village self-assessment item by item (seed 001 line 51:
 * 18/27 met, 02/27 not assessed, 07/27 not met) and its model-commune conditions (line 49: 01/04, condition 1 met), and
 * the "at least n of m" rule, where an item not assessed leaves the result NOT_ASSESSED rather than NOT_MET.
 */
class ItemAssessmentIT extends IntegrationTest {
    private static final String SMART = "lapvo-smart-village-2023-2025";
    private static final String MODEL = "commune-model-2021-2025";
    private static final String OFFICE = "lapvo.vpdp";

    @BeforeEach
    void sandboxes() {
        sandboxCommune("99820");
        sandboxCommune("99821");
        awaitProjections();
    }

    @Test
    void theDemoHoldsDinhYensSmartVillageAndModelCommuneAssessmentsItemByItem() {
        awaitProjections();
        graphQl(OFFICE).documentName("itemAssessment").variable("unit", "30199").variable("set", SMART)
                .variable("indicator", "lang-thong-minh").execute()
                .path("itemAssessment.itemsTotal").entity(Integer.class).isEqualTo(27)
                .path("itemAssessment.met").entity(Integer.class).isEqualTo(18)
                .path("itemAssessment.notMet").entity(Integer.class).isEqualTo(7)
                .path("itemAssessment.notAssessed").entity(Integer.class).isEqualTo(2)
                // no source states how many of the 27 must be met: the count cannot judge it
                .path("itemAssessment.threshold").valueIsNull()
                .path("itemAssessment.result").entity(String.class).isEqualTo("NOT_ASSESSED")
                .path("itemAssessment.basis").entity(String.class).isEqualTo("AWAITING_DECISION")
                .path("itemAssessment.items[4].name").entity(String.class)
                .isEqualTo("chỉ tiêu 5 (không nêu tên trong nguồn)")
                .path("itemAssessment.items[25].state").entity(String.class).isEqualTo("NOT_ASSESSED")
                .path("itemAssessment.items[0].note").entity(String.class)
                .satisfies(note -> assertThat(note).contains("seed 001 line 51").contains("stand-in"));
        graphQl(OFFICE).documentName("itemAssessment").variable("unit", "30199").variable("set", MODEL)
                .variable("indicator", "dieu-kien").execute()
                .path("itemAssessment.items[*].state").entityList(String.class)
                .containsExactly("MET", "NOT_MET", "NOT_MET", "NOT_MET")
                .path("itemAssessment.items[2].name").entity(String.class)
                .isEqualTo("Có ít nhất 01 (một) mô hình làng thông minh")
                .path("itemAssessment.met").entity(Integer.class).isEqualTo(1)
                .path("itemAssessment.threshold").entity(Integer.class).isEqualTo(4)
                .path("itemAssessment.result").entity(String.class).isEqualTo("NOT_MET")
                .path("itemAssessment.basis").entity(String.class).isEqualTo("COMPUTED");
        // the past standing judges it from the same items (seed 001's report: the end of Q1/2024)
        graphQl(OFFICE).documentName("standingAsOf").variable("unit", "30199").variable("set", MODEL)
                .variable("date", "2024-03-31").execute()
                .path("standingAsOf.result").entity(String.class).isEqualTo("NOT_MET")
                .path("standingAsOf.criteria[0].indicators[0].basis").entity(String.class).isEqualTo("COMPUTED")
                .path("standingAsOf.criteria[0].indicators[0].measured").entity(Integer.class).isEqualTo(1);
        // and its explanation lists the conditions by state
        graphQl(OFFICE).document("""
                        { explainIndicator(unitCode: "30199", setId: "commune-model-2021-2025", indicatorCode: "dieu-kien",
                            date: "2024-03-31") { indicator { result itemsMet itemsNotMet itemsNotAssessed } } }""")
                .execute()
                .path("explainIndicator.indicator.itemsMet").entityList(String.class).containsExactly("1")
                .path("explainIndicator.indicator.itemsNotMet").entityList(String.class).containsExactly("2", "3", "4")
                .path("explainIndicator.indicator.itemsNotAssessed").entityList(String.class).hasSize(0);
    }

    @Test
    void dinhYensSmartVillageSelfAssessmentRecordedItemByItemReads18Met7NotMet2NotAssessed() {
        track("99820", SMART);
        long before = eventCount();
        // seed 001 line 51 gives the counts only; the split 1-18 / 19-25 / 26-27 is a stand-in, as in the demo
        List<Map<String, Object>> items = IntStream.rangeClosed(1, 27).mapToObj(i -> item(String.valueOf(i),
                i <= 18 ? "MET" : i <= 25 ? "NOT_MET" : "NOT_ASSESSED")).toList();
        record("99820", SMART, "lang-thong-minh", "it-dinh-yen-1", "2024-03-31", items, null, null)
                .path("recordItemAssessment.errors").entityList(Object.class).hasSize(0)
                .path("recordItemAssessment.entryId").entity(String.class).isEqualTo("it-dinh-yen-1")
                .path("recordItemAssessment.indicator.result").entity(String.class).isEqualTo("NOT_ASSESSED")
                .path("recordItemAssessment.indicator.basis").entity(String.class).isEqualTo("AWAITING_DECISION")
                .path("recordItemAssessment.indicator.measured").entity(Integer.class).isEqualTo(18)
                .path("recordItemAssessment.indicator.itemsNotMet").entityList(String.class)
                .containsExactly("19", "20", "21", "22", "23", "24", "25")
                .path("recordItemAssessment.indicator.itemsNotAssessed").entityList(String.class)
                .containsExactly("26", "27");
        // one event per item, then the indicator, criterion and standing judgments
        assertThat(eventCount() - before).isEqualTo(27 + 3);
        awaitProjections();
        read("99820", SMART, "lang-thong-minh")
                .path("itemAssessment.assessmentId").entity(String.class).isEqualTo("it-dinh-yen-1")
                .path("itemAssessment.recordedBy").entity(String.class).isEqualTo(OFFICE)
                .path("itemAssessment.itemsTotal").entity(Integer.class).isEqualTo(27)
                .path("itemAssessment.met").entity(Integer.class).isEqualTo(18)
                .path("itemAssessment.notMet").entity(Integer.class).isEqualTo(7)
                .path("itemAssessment.notAssessed").entity(Integer.class).isEqualTo(2)
                .path("itemAssessment.items[18].code").entity(String.class).isEqualTo("19")
                .path("itemAssessment.items[18].state").entity(String.class).isEqualTo("NOT_MET");
    }

    @Test
    void atLeastNOfMIsNotAssessedWhileItemsNotAssessedCouldStillMakeNAndNotMetWhenTheyCannot() {
        track("99821", MODEL);
        // 3 of 4 met, the 4th not assessed: it could still make 4 of 4, so NOT_ASSESSED, not NOT_MET
        record("99821", MODEL, "dieu-kien", "it-model-1", "2024-03-31", List.of(item("1", "MET"), item("2", "MET"),
                item("3", "MET"), item("4", "NOT_ASSESSED")), null, null)
                .path("recordItemAssessment.indicator.result").entity(String.class).isEqualTo("NOT_ASSESSED")
                .path("recordItemAssessment.indicator.basis").entity(String.class).isEqualTo("ITEMS_UNDECIDED")
                .path("recordItemAssessment.indicator.threshold").entity(Integer.class).isEqualTo(4)
                .path("recordItemAssessment.indicator.itemsNotAssessed").entityList(String.class).containsExactly("4");
        // a later period: 1 met, 2 not met, 1 not assessed: even with the 4th met it cannot reach 4, so NOT_MET
        record("99821", MODEL, "dieu-kien", "it-model-2", "2024-06-30", List.of(item("1", "MET"), item("2", "NOT_MET"),
                item("3", "NOT_MET"), item("4", "NOT_ASSESSED")), null, null)
                .path("recordItemAssessment.indicator.result").entity(String.class).isEqualTo("NOT_MET")
                .path("recordItemAssessment.indicator.basis").entity(String.class).isEqualTo("COMPUTED")
                .path("recordItemAssessment.criterion.result").entity(String.class).isEqualTo("NOT_MET");
        // a correction of that assessment is a new one: all four met
        record("99821", MODEL, "dieu-kien", "it-model-3", "2024-06-30", List.of(item("1", "MET"), item("2", "MET"),
                item("3", "MET"), item("4", "MET")), "it-model-2", "nhập nhầm kết quả")
                .path("recordItemAssessment.indicator.result").entity(String.class).isEqualTo("MET")
                .path("recordItemAssessment.indicator.itemsMet").entityList(String.class)
                .containsExactly("1", "2", "3", "4");
        awaitProjections();
        read("99821", MODEL, "dieu-kien")
                .path("itemAssessment.assessmentId").entity(String.class).isEqualTo("it-model-3")
                .path("itemAssessment.correctsAssessmentId").entity(String.class).isEqualTo("it-model-2")
                .path("itemAssessment.reason").entity(String.class).isEqualTo("nhập nhầm kết quả")
                .path("itemAssessment.met").entity(Integer.class).isEqualTo(4)
                .path("itemAssessment.result").entity(String.class).isEqualTo("MET");
        // as of a date, the assessment that counts then: on 30/4/2024 only the first (3 met, 1 not assessed)
        graphQl(OFFICE).documentName("standingAsOf").variable("unit", "99821").variable("set", MODEL)
                .variable("date", "2024-04-30").execute()
                .path("standingAsOf.criteria[0].indicators[0].result").entity(String.class).isEqualTo("NOT_ASSESSED")
                .path("standingAsOf.criteria[0].indicators[0].basis").entity(String.class).isEqualTo("ITEMS_UNDECIDED")
                .path("standingAsOf.criteria[0].indicators[0].measured").entity(Integer.class).isEqualTo(3);
        // and now, the correction: all four met, as live
        graphQl(OFFICE).documentName("standingAsOf").variable("unit", "99821").variable("set", MODEL)
                .variable("date", "2024-07-01").execute()
                .path("standingAsOf.result").entity(String.class).isEqualTo("MET")
                .path("standingAsOf.criteria[0].indicators[0].measured").entity(Integer.class).isEqualTo(4);
        // nothing was overwritten: the corrected assessment's items stay, naming the one that corrected them
        assertThat(jdbc.queryForObject("select count(*) from read_model.indicator_item where scorecard_id = ? "
                + "and corrected_by_assessment_id = 'it-model-3'", Long.class, "99821@" + MODEL)).isEqualTo(4);
    }

    @Test
    void badAssessmentsAreRefusedWithATypedErrorAndStoreNothing() {
        track("99821", MODEL);
        awaitProjections();
        long before = eventCount();
        refused(List.of(item("1", "MET"), item("2", "MET"), item("3", "MET"), item("9", "MET")), "UNKNOWN_ITEM",
                "items[3].itemCode");
        refused(List.of(item("1", "MET"), item("2", "MET"), item("2", "NOT_MET"), item("4", "MET")), "DUPLICATE_ITEM",
                "items[2].itemCode");
        refused(List.of(item("1", "MET"), item("2", "MET"), item("3", "MET")), "WRONG_ITEM_COUNT", "items");
        // Vietnamese first: the refusal names the missing item in the default language
        record("99821", MODEL, "dieu-kien", null, "2024-03-31", List.of(item("1", "MET")), null, null)
                .path("recordItemAssessment.errors[0].message").entity(String.class)
                .satisfies(m -> assertThat(m).contains("Còn thiếu: 2, 3, 4"));
        // a reason without a correction, a correction of no assessment
        refusedWith(Map.of("reason", "thử"), "INVALID_INPUT", "reason");
        refusedWith(Map.of("correctsAssessmentId", "no-such", "reason", "thử"), "UNKNOWN_VALUE",
                "correctsAssessmentId");
        // an itemised indicator takes no single value, nor a not-assessed mark on the whole
        graphQl(OFFICE).documentName("recordIndicatorValue").variable("input", Map.of("unitCode", "99821",
                        "setId", MODEL, "indicatorCode", "dieu-kien",
                        "value", Map.of("kind", "SUB_INDICATORS", "met", 1, "of", 4), "period",
                        Map.of("start", "2024-03-31")))
                .execute().path("recordIndicatorValue.errors[0].code").entity(String.class).isEqualTo("WRONG_VALUE_KIND");
        // an item-by-item assessment of an indicator that is not itemised
        track("99821", "dongthap-commune-ntm-2021-2025");
        long tracked = eventCount();
        graphQl(OFFICE).documentName("recordItemAssessment").variable("input", Map.of("unitCode", "99821",
                        "setId", "dongthap-commune-ntm-2021-2025", "indicatorCode", "17.7",
                        "period", Map.of("start", "2024-03-31"), "items", List.of(item("1", "MET"))))
                .execute().path("recordItemAssessment.errors[0].code").entity(String.class)
                .isEqualTo("WRONG_VALUE_KIND");
        assertThat(eventCount()).isEqualTo(tracked);
    }

    private void refused(List<Map<String, Object>> items, String code, String field) {
        long before = eventCount();
        record("99821", MODEL, "dieu-kien", null, "2024-03-31", items, null, null)
                .path("recordItemAssessment.errors[0].code").entity(String.class).isEqualTo(code)
                .path("recordItemAssessment.errors[0].field").entity(String.class).isEqualTo(field)
                .path("recordItemAssessment.entryId").valueIsNull();
        assertThat(eventCount()).as("nothing stored for " + code).isEqualTo(before);
    }

    private void refusedWith(Map<String, Object> extra, String code, String field) {
        long before = eventCount();
        Map<String, Object> input = input("99821", MODEL, "dieu-kien", null, "2024-03-31",
                IntStream.rangeClosed(1, 4).mapToObj(i -> item(String.valueOf(i), "MET")).toList());
        input.putAll(extra);
        graphQl(OFFICE).documentName("recordItemAssessment").variable("input", input).execute()
                .path("recordItemAssessment.errors[0].code").entity(String.class).isEqualTo(code)
                .path("recordItemAssessment.errors[0].field").entity(String.class).isEqualTo(field);
        assertThat(eventCount()).isEqualTo(before);
    }

    private void track(String unit, String set) {
        Boolean tracked = jdbc.queryForObject("select exists (select 1 from event_store.domain_event_entry "
                + "where aggregate_identifier = ?)", Boolean.class, unit + "@" + set);
        if (!Boolean.TRUE.equals(tracked)) {
            graphQl(OFFICE).documentName("trackUnit").variable("input", Map.of("unitCode", unit, "setId", set))
                    .execute().path("trackUnit.errors").entityList(Object.class).hasSize(0);
        }
    }

    private GraphQlTester.Response record(String unit, String set, String indicator, String id, String day,
                                          List<Map<String, Object>> items, String corrects, String reason) {
        Map<String, Object> input = input(unit, set, indicator, id, day, items);
        if (corrects != null) {
            input.put("correctsAssessmentId", corrects);
            input.put("reason", reason);
        }
        return graphQl(OFFICE).documentName("recordItemAssessment").variable("input", input).execute();
    }

    private static Map<String, Object> input(String unit, String set, String indicator, String id, String day,
                                             List<Map<String, Object>> items) {
        Map<String, Object> input = new HashMap<>(Map.of("unitCode", unit, "setId", set, "indicatorCode", indicator,
                "period", Map.of("start", day), "items", new ArrayList<>(items),
                "assessedBy", "ItemAssessmentIT (tự đánh giá thử)"));
        if (id != null) {
            input.put("assessmentId", id);
        }
        return input;
    }

    private GraphQlTester.Response read(String unit, String set, String indicator) {
        return graphQl(OFFICE).documentName("itemAssessment").variable("unit", unit).variable("set", set)
                .variable("indicator", indicator).execute();
    }

    private static Map<String, Object> item(String code, String state) {
        return Map.of("itemCode", code, "state", state);
    }
}
