package org.ntmrecords.infra.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * An amendment that adds, removes, splits and changes the kind of indicators publishes a new version; the tracked
 * record moves to it on its effective date and judges again what the amendment changed, naming it as the cause;
 * the split indicator's entries stay readable under its own code and are not carried to the new codes; as-of
 * questions answer by the version in force on the date.
 */
@TestPropertySource(properties = "ntm.test.isolated=structural-amendment")
class StructuralAmendmentIT extends IntegrationTest {
    private static final String SET = "it-restructure";
    private static final String UNIT = "99181";
    private static final String OFFICE = "lapvo.vpdp";
    private static final String DOCUMENT = """
            id: it-restructure
            title: "Bộ tiêu chí thử nghiệm sửa đổi cấu trúc"
            level: COMMUNE
            grade: NTM
            legalBasis: {decision: "1/QĐ-IT", date: 2022-01-01, issuer: "IT"}
            effectiveFrom: 2022-01-01
            provenance: "test set for StructuralAmendmentIT; its numbers exercise the rules only"
            criteria:
              - code: "1"
                name: "Một"
                indicators:
                  - {code: "1.1", text: "Tỷ lệ", requirement: {kind: PERCENT_AT_LEAST, text: "≥ 80%", threshold: 80}}
                  - {code: "1.2", text: "Đường thôn", requirement: {kind: ACHIEVED, text: "Đạt"}}
                  - {code: "1.3", text: "Tỷ lệ gộp", requirement: {kind: PERCENT_AT_LEAST, text: "≥ 50%", threshold: 50}}
              - code: "2"
                name: "Hai"
                indicators:
                  - {code: "2.1", text: "Đạt", requirement: {kind: ACHIEVED, text: "Đạt"}}
                  - {code: "2.2", text: "Bỏ đi", requirement: {kind: ACHIEVED, text: "Đạt"}}
            """;

    @BeforeEach
    void demoLoaded() {
        sandboxCommune("99181");
        awaitProjections();
    }

    private void record(String indicator, Map<String, Object> value, String start) {
        graphQl(OFFICE).documentName("recordIndicatorValue").variable("input", Map.of("unitCode", UNIT, "setId", SET,
                        "indicatorCode", indicator, "value", value, "period", Map.of("start", start)))
                .execute().path("recordIndicatorValue.errors").entityList(Object.class).hasSize(0);
    }

    private static Map<String, Object> change(String kind, String criterion, String indicator, List<String> indicators,
                                              String reason) {
        Map<String, Object> change = new java.util.LinkedHashMap<>();
        change.put("change", kind);
        if (criterion != null) {
            change.put("criterionCode", criterion);
        }
        if (indicator != null) {
            change.put("indicatorCode", indicator);
        }
        change.put("indicators", indicators);
        change.put("reason", reason);
        return change;
    }

    @Test
    void addRemoveSplitAndChangeKindMakeANewVersionTheRecordMovesTo() {
        graphQl("admin").documentName("publishCriteriaSet").variable("input", Map.of("document", DOCUMENT))
                .execute().path("publishCriteriaSet.errors").entityList(Object.class).hasSize(0);
        graphQl(OFFICE).documentName("trackUnit").variable("input", Map.of("unitCode", UNIT, "setId", SET))
                .execute().path("trackUnit.errors").entityList(Object.class).hasSize(0);
        record("1.1", Map.of("kind", "PERCENTAGE", "percentage", 85), "2024-01-01");
        record("1.2", Map.of("kind", "ACHIEVED", "achieved", true), "2024-01-01");
        record("1.3", Map.of("kind", "PERCENTAGE", "percentage", 60), "2024-01-01");
        record("2.1", Map.of("kind", "ACHIEVED", "achieved", true), "2024-01-01");
        record("2.2", Map.of("kind", "ACHIEVED", "achieved", false), "2024-01-01");
        awaitProjections();
        graphQl().documentName("standingVersion").variable("unit", UNIT).variable("set", SET).execute()
                .path("standing.setVersion").entity(Integer.class).isEqualTo(1)
                .path("standing.criteria[1].result").entity(String.class).isEqualTo("NOT_MET");

        long events = eventCount();
        Map<String, Object> input = new java.util.LinkedHashMap<>(Map.of("setId", SET,
                "legalBasis", Map.of("decision", "2/QĐ-IT", "date", "2024-12-01"),
                "effectiveFrom", "2025-01-01", "reason", "sửa cấu trúc"));
        // a removal that would leave a criterion empty is refused, and nothing is stored
        input.put("structureChanges", List.of(change("REMOVED", null, "2.1", List.of(), "bỏ"),
                change("REMOVED", null, "2.2", List.of(), "bỏ")));
        graphQl("admin").documentName("amendCriteriaSetStructure").variable("input", input).execute()
                .path("amendCriteriaSet.errors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("amendCriteriaSet.errors[0].field").entity(String.class).isEqualTo("structureChanges[1].indicatorCode");
        // a misspelt field in an indicator document names its path
        input.put("structureChanges", List.of(change("ADDED", "2", null,
                List.of("{code: '2.3', text: 'x', requirement: {kind: ACHIEVED, treshold: 1}}"), "thêm")));
        graphQl("admin").documentName("amendCriteriaSetStructure").variable("input", input).execute()
                .path("amendCriteriaSet.errors[0].code").entity(String.class).isEqualTo("INVALID_DEFINITION")
                .path("amendCriteriaSet.errors[0].field").entity(String.class)
                .isEqualTo("structureChanges[0].indicators[0].requirement.treshold");
        assertThat(eventCount()).isEqualTo(events);

        input.put("structureChanges", List.of(
                change("ADDED", "2", null, List.of("""
                        {code: "2.3", text: "Đường ngõ xóm", provenance: "IT",
                         requirement: {kind: RATIO_AT_LEAST, text: "không nêu", threshold: null, unit: "km"}}"""),
                        "bổ sung chỉ tiêu đường ngõ xóm"),
                change("REMOVED", null, "2.2", List.of(), "bãi bỏ chỉ tiêu 2.2"),
                change("SPLIT", null, "1.3", List.of(
                        "{code: '1.3a', text: 'Tỷ lệ phần A', requirement: {kind: PERCENT_AT_LEAST, text: '≥ 50%', threshold: 50}}",
                        "{code: '1.3b', text: 'Tỷ lệ phần B', requirement: {kind: PERCENT_AT_LEAST, threshold: null}}"),
                        "tách chỉ tiêu 1.3"),
                change("KIND_CHANGED", null, "1.2", List.of(
                        "{code: '1.2', text: 'Đường thôn (km)', requirement: {kind: RATIO_AT_LEAST, threshold: null, unit: km}}"),
                        "đo bằng km đạt chuẩn")));
        graphQl("admin").documentName("amendCriteriaSetStructure").variable("input", input).execute()
                .path("amendCriteriaSet.errors").entityList(Object.class).hasSize(0)
                .path("amendCriteriaSet.version").entity(Integer.class).isEqualTo(2)
                .path("amendCriteriaSet.criteriaSet.criteria[0].indicators[*].code").entityList(String.class)
                .containsExactly("1.1", "1.2", "1.3a", "1.3b")
                .path("amendCriteriaSet.criteriaSet.criteria[1].indicators[*].code").entityList(String.class)
                .containsExactly("2.1", "2.3")
                .path("amendCriteriaSet.criteriaSet.amendment.structureChanges[*].kind").entityList(String.class)
                .containsExactly("ADDED", "REMOVED", "SPLIT", "KIND_CHANGED")
                .path("amendCriteriaSet.criteriaSet.amendment.structureChanges[2].replacedBy").entityList(String.class)
                .containsExactly("1.3a", "1.3b")
                .path("amendCriteriaSet.criteriaSet.amendment.structureChanges[2].reason").entity(String.class)
                .isEqualTo("tách chỉ tiêu 1.3")
                .path("amendCriteriaSet.criteriaSet.amendment.structureChanges[3].previous.requirement.kind")
                .entity(String.class).isEqualTo("ACHIEVED")
                .path("amendCriteriaSet.criteriaSet.amendment.structureChanges[1].indicators").entityList(Object.class)
                .hasSize(0);

        // in force since 2025-01-01: the record moves to version 2 at once
        await().atMost(Duration.ofSeconds(30)).until(() -> graphQl().documentName("standingVersion")
                .variable("unit", UNIT).variable("set", SET).execute()
                .path("standing.setVersion").entity(Integer.class).get() == 2);
        awaitProjections();
        graphQl().documentName("standingVersion").variable("unit", UNIT).variable("set", SET).execute()
                .path("standing.criteria[0].indicators[*].code").entityList(String.class)
                .containsExactly("1.1", "1.2", "1.3a", "1.3b")
                .path("standing.criteria[0].indicators[*].result").entityList(String.class)
                .containsExactly("MET", "NOT_ASSESSED", "NOT_ASSESSED", "NOT_ASSESSED")
                .path("standing.criteria[0].indicators[1].basis").entity(String.class).isEqualTo("NO_DATA")
                .path("standing.criteria[0].indicators[2].basis").entity(String.class).isEqualTo("NO_DATA")
                // 2.2 was not met; removed, it no longer makes criterion 2 not met
                .path("standing.criteria[1].indicators[*].code").entityList(String.class).containsExactly("2.1", "2.3")
                .path("standing.criteria[1].result").entity(String.class).isEqualTo("NOT_ASSESSED")
                .path("standing.result").entity(String.class).isEqualTo("NOT_ASSESSED");

        String scorecard = UNIT + "@" + SET;
        List<Map<String, Object>> rejudged = jdbc.queryForList("""
                select convert_from(payload, 'UTF8')::jsonb ->> 'indicatorCode' as indicator,
                       convert_from(payload, 'UTF8')::jsonb ->> 'causeId' as cause
                from event_store.domain_event_entry
                where aggregate_identifier = ? and payload_type like '%IndicatorJudgedEvent' and sequence_number > (
                    select sequence_number from event_store.domain_event_entry
                    where aggregate_identifier = ? and payload_type like '%CriteriaSetVersionAdoptedEvent')
                order by sequence_number""", scorecard, scorecard);
        assertThat(rejudged).extracting(r -> r.get("indicator")).containsExactly("1.2", "1.3a", "1.3b", "2.3");
        assertThat(rejudged).allSatisfy(r -> assertThat(r.get("cause")).isEqualTo(SET + "@v2"));

        // the split indicator's entries stay under its code; the new codes have none
        graphQl().documentName("indicatorEntries").variable("unit", UNIT).variable("set", SET)
                .variable("indicator", "1.3").execute()
                .path("indicatorEntries.totalCount").entity(Integer.class).isEqualTo(1);
        graphQl().documentName("indicatorEntries").variable("unit", UNIT).variable("set", SET)
                .variable("indicator", "1.3a").execute()
                .path("indicatorEntries.totalCount").entity(Integer.class).isEqualTo(0);

        // the indicator of the new kind takes a ratio, not a yes/no
        graphQl(OFFICE).documentName("recordIndicatorValue").variable("input", Map.of("unitCode", UNIT, "setId", SET,
                        "indicatorCode", "1.2", "value", Map.of("kind", "ACHIEVED", "achieved", true),
                        "period", Map.of("start", "2025-06-30")))
                .execute().path("recordIndicatorValue.errors[0].code").entity(String.class).isEqualTo("WRONG_VALUE_KIND");
        graphQl(OFFICE).documentName("recordIndicatorValue").variable("input", Map.of("unitCode", UNIT, "setId", SET,
                        "indicatorCode", "1.2", "value", Map.of("kind", "RATIO", "numerator", new BigDecimal("15.2"),
                                "denominator", new BigDecimal("21.0")),
                        "period", Map.of("start", "2025-06-30")))
                .execute()
                .path("recordIndicatorValue.indicator.basis").entity(String.class).isEqualTo("AWAITING_DECISION")
                .path("recordIndicatorValue.indicator.measured").entity(Double.class).isEqualTo(72.381);
        awaitProjections();

        // as of a date version 1 was in force: its structure and its judgments
        graphQl().documentName("standingAsOf").variable("unit", UNIT).variable("set", SET).variable("date", "2024-06-30")
                .execute()
                .path("standingAsOf.criteriaSet.version").entity(Integer.class).isEqualTo(1)
                .path("standingAsOf.criteria[0].indicators[*].code").entityList(String.class)
                .containsExactly("1.1", "1.2", "1.3")
                .path("standingAsOf.criteria[0].indicators[*].result").entityList(String.class)
                .containsExactly("MET", "MET", "MET")
                .path("standingAsOf.unmetCriteria").entityList(String.class).containsExactly("2");
        // as of a date version 2 is in force
        graphQl().documentName("standingAsOf").variable("unit", UNIT).variable("set", SET).variable("date", "2025-12-31")
                .execute()
                .path("standingAsOf.criteriaSet.version").entity(Integer.class).isEqualTo(2)
                .path("standingAsOf.criteria[0].indicators[*].code").entityList(String.class)
                .containsExactly("1.1", "1.2", "1.3a", "1.3b")
                .path("standingAsOf.criteria[0].indicators[1].basis").entity(String.class).isEqualTo("AWAITING_DECISION")
                .path("standingAsOf.criteria[0].indicators[1].measured").entity(Double.class).isEqualTo(72.381)
                .path("standingAsOf.unmetCriteria").entityList(String.class).hasSize(0);
        // what-if: the same record judged by version 1 on a date version 2 is in force
        graphQl().documentName("whatIf").variable("input", Map.of("unitCode", UNIT, "setId", SET,
                        "againstVersion", 1, "date", "2025-12-31"))
                .execute()
                .path("whatIf.officialSet.version").entity(Integer.class).isEqualTo(2)
                .path("whatIf.againstSet.version").entity(Integer.class).isEqualTo(1)
                // version 1's 2.2 (not met) still stands against version 1
                .path("whatIf.units[0].whatIf.criteria[1].result").entity(String.class).isEqualTo("NOT_MET")
                .path("whatIf.units[0].official.result").entity(String.class).isEqualTo("NOT_ASSESSED");
    }
}
