package org.ntmrecords.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ntmrecords.infra.support.IntegrationTest;
import org.ntmrecords.infra.support.TestCriteriaSets;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * As-of in business and record time, the comparison of then and now, explanations, what-if and an ordered
 * reappraisal, over one record with a correction, a later period and an amendment:
 * <ol>
 *   <li>2023: 1.1 = 70% (≥ 80% → not met), 1.2 = 60% (≥ 50%), 2.1 achieved — recorded before T1;</li>
 *   <li>the 70% is corrected to 85% (after T1);</li>
 *   <li>2024: 1.1 = 75%;</li>
 *   <li>the set is amended: 1.2 ≥ 65% from 1 June 2024.</li>
 * </ol>
 * The numbers exercise the rules only (a test set, not a real one).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsOfIT extends IntegrationTest {
    private static final String SET = "it-asof";
    private static final String UNIT = "99190";
    private static final String OFFICE = "lapvo.vpdp";

    private Instant beforeTracking;
    private Instant t1;
    private String original;
    private String correction;
    private String later;

    @BeforeAll
    void scenario() {
        sandboxCommune("99190");
        awaitProjections();
        graphQl("admin").documentName("publishCriteriaSet")
                .variable("input", Map.of("document", TestCriteriaSets.twoCriteria(SET, "2022-01-01", "AsOfIT")))
                .execute().path("publishCriteriaSet.errors").entityList(Object.class).hasSize(0);
        awaitProjections();
        beforeTracking = instantBeforeNextEvent();
        graphQl(OFFICE).documentName("trackUnit").variable("input", Map.of("unitCode", UNIT, "setId", SET))
                .execute().path("trackUnit.errors").entityList(Object.class).hasSize(0);
        original = record("1.1", Map.of("kind", "PERCENTAGE", "percentage", 70), "2023");
        record("1.2", Map.of("kind", "PERCENTAGE", "percentage", 60), "2023");
        record("2.1", Map.of("kind", "ACHIEVED", "achieved", true), "2023");
        awaitProjections();
        t1 = instantBeforeNextEvent();
        correction = graphQl(OFFICE).documentName("correctIndicatorValue").variable("input", Map.of("unitCode", UNIT,
                        "setId", SET, "correctsValueId", original, "indicatorCode", "1.1", "reason", "sai số cộng dồn",
                        "value", Map.of("kind", "PERCENTAGE", "percentage", 85),
                        "period", Map.of("start", "2023-01-01", "end", "2023-12-31")))
                .execute().path("correctIndicatorValue.entryId").entity(String.class).get();
        later = record("1.1", Map.of("kind", "PERCENTAGE", "percentage", 75), "2024");
        graphQl("admin").documentName("amendCriteriaSet").variable("input", Map.of("setId", SET,
                        "legalBasis", Map.of("decision", "2/QĐ-IT", "date", "2024-05-15"),
                        "effectiveFrom", "2024-06-01", "reason", "nâng ngưỡng chỉ tiêu 1.2",
                        "changes", List.of(Map.of("indicatorCode", "1.2", "text", "≥ 65%", "threshold", 65))))
                .execute().path("amendCriteriaSet.errors").entityList(Object.class).hasSize(0);
        awaitProjections();
    }

    /**
     * Now, and then on into the next millisecond: the store keeps record times to the millisecond, so an event
     * recorded in the same millisecond would count as recorded at the returned instant.
     */
    private static Instant instantBeforeNextEvent() {
        Instant now = Instant.now();
        while (Instant.now().toEpochMilli() <= now.toEpochMilli()) {
            Thread.onSpinWait();
        }
        return now;
    }

    private String record(String indicator, Map<String, Object> value, String year) {
        return graphQl(OFFICE).documentName("recordIndicatorValue").variable("input", Map.of("unitCode", UNIT,
                        "setId", SET, "indicatorCode", indicator, "value", value,
                        "period", Map.of("start", year + "-01-01", "end", year + "-12-31"),
                        "sourceAgency", "Phòng Nông nghiệp", "evidence", List.of(Map.of("number", "IT-" + year + "/BC"))))
                .execute().path("recordIndicatorValue.entryId").entity(String.class).get();
    }

    private GraphQlTester.Response asOf(String date, Instant at) {
        return graphQl().documentName("standingAsOf").variable("unit", UNIT).variable("set", SET)
                .variable("date", date).variable("at", at == null ? null : at.toString()).execute();
    }

    @Test
    void recordTimeShowsWhatTheRecordSaidThenAndBusinessTimeUsesWhatIsKnownNow() {
        asOf("2023-12-31", t1)
                .path("standingAsOf.criteriaSet.version").entity(Integer.class).isEqualTo(1)
                .path("standingAsOf.result").entity(String.class).isEqualTo("NOT_MET")
                .path("standingAsOf.unmetCriteria").entityList(String.class).containsExactly("1")
                .path("standingAsOf.criteria[0].indicators[0].measured").entity(Double.class).isEqualTo(70.0)
                .path("standingAsOf.criteria[0].indicators[0].value.id").entity(String.class).isEqualTo(original);
        asOf("2023-12-31", null)
                .path("standingAsOf.result").entity(String.class).isEqualTo("MET")
                .path("standingAsOf.criteriaMet").entity(Integer.class).isEqualTo(2)
                .path("standingAsOf.criteria[0].indicators[0].value.id").entity(String.class).isEqualTo(correction);
    }

    @Test
    void theVersionInForceOnTheDateJudgesAndLaterPeriodsCountFromTheirStart() {
        asOf("2024-03-01", null)
                .path("standingAsOf.criteriaSet.version").entity(Integer.class).isEqualTo(1)
                .path("standingAsOf.criteria[0].indicators[0].value.id").entity(String.class).isEqualTo(later)
                .path("standingAsOf.criteria[0].indicators[1].result").entity(String.class).isEqualTo("MET");
        asOf("2024-12-31", null)
                .path("standingAsOf.criteriaSet.version").entity(Integer.class).isEqualTo(2)
                .path("standingAsOf.criteria[0].indicators[1].result").entity(String.class).isEqualTo("NOT_MET")
                .path("standingAsOf.criteria[0].indicators[1].threshold").entity(Double.class).isEqualTo(65.0);
        // at T1 the amendment was not published yet: version 1 judges even a date after its effective date
        asOf("2024-12-31", t1).path("standingAsOf.criteriaSet.version").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void aUnitNotYetTrackedAtTheInstantHasNoStandingAndBadQuestionsAreTypedErrors() {
        asOf("2023-12-31", beforeTracking).path("standingAsOf").valueIsNull();
        graphQl().documentName("standingAsOf").variable("unit", UNIT).variable("set", SET)
                .variable("at", Instant.now().plusSeconds(3600).toString()).execute()
                .errors().expect(e -> e.getErrorType().toString().equals("BAD_REQUEST")
                        && e.getMessage().contains("là thời điểm trong tương lai")).verify();
        graphQl().documentName("standingAsOf").variable("unit", UNIT).variable("set", SET)
                .variable("date", "2021-12-31").execute()
                .errors().expect(e -> e.getErrorType().toString().equals("BAD_REQUEST")
                        && e.getMessage().contains("Không có phiên bản nào của bộ tiêu chí " + SET
                        + " có hiệu lực vào ngày 31/12/2021")).verify();
    }

    @Test
    void theComparisonNamesTheIndicatorsALaterCorrectionChanged() {
        graphQl().documentName("asOfComparison").variable("unit", UNIT).variable("set", SET)
                .variable("date", "2023-12-31").variable("at", t1.toString()).execute()
                .path("asOfComparison.then.result").entity(String.class).isEqualTo("NOT_MET")
                .path("asOfComparison.now.result").entity(String.class).isEqualTo("MET")
                .path("asOfComparison.changedIndicators[*].code").entityList(String.class).containsExactly("1.1")
                .path("asOfComparison.changedIndicators[0].baseline").entity(String.class).isEqualTo("NOT_MET")
                .path("asOfComparison.changedIndicators[0].other").entity(String.class).isEqualTo("MET")
                .path("asOfComparison.changedIndicators[0].baselineEntryId").entity(String.class).isEqualTo(original)
                .path("asOfComparison.changedIndicators[0].otherEntryId").entity(String.class).isEqualTo(correction);
    }

    @Test
    void anExplanationGivesTheRuleTheValueUsedAndWhyTheOthersDidNotCount() {
        GraphQlTester.Response r = graphQl().documentName("explainIndicator").variable("unit", UNIT)
                .variable("set", SET).variable("indicator", "1.1").variable("date", "2023-12-31").execute();
        r.path("explainIndicator.rule.criteriaSet.version").entity(Integer.class).isEqualTo(1)
                .path("explainIndicator.rule.criteriaSet.legalBasis.decision").entity(String.class).isEqualTo("1/QĐ-IT")
                .path("explainIndicator.indicator.result").entity(String.class).isEqualTo("MET")
                .path("explainIndicator.indicator.threshold").entity(Double.class).isEqualTo(80.0)
                .path("explainIndicator.indicator.value.id").entity(String.class).isEqualTo(correction)
                .path("explainIndicator.indicator.value.recordedBy").entity(String.class).isEqualTo(OFFICE)
                .path("explainIndicator.indicator.value.recordedAt").hasValue()
                .path("explainIndicator.entries[*].entry.id").entityList(String.class)
                .containsExactly(original, correction, later)
                .path("explainIndicator.entries[*].counted").entityList(Boolean.class).containsExactly(false, true, false)
                .path("explainIndicator.entries[0].why").entity(String.class)
                .isEqualTo("đã được đính chính bởi " + correction)
                .path("explainIndicator.entries[1].entry.correctionReason").entity(String.class).isEqualTo("sai số cộng dồn")
                .path("explainIndicator.entries[2].why").entity(String.class)
                .satisfies(why -> assertThat(why).contains("01/01/2024"))
                .path("explainIndicator.judgments[*].type").entityList(String.class).contains("INDICATOR_JUDGED")
                .path("explainIndicator.judgments[*].actor").entityList(String.class).contains(OFFICE);

        // as the record knew it at T1: no correction yet, the original counted
        graphQl().documentName("explainIndicator").variable("unit", UNIT).variable("set", SET)
                .variable("indicator", "1.1").variable("date", "2023-12-31").variable("at", t1.toString()).execute()
                .path("explainIndicator.entries[*].entry.id").entityList(String.class).containsExactly(original)
                .path("explainIndicator.entries[0].entry.correctedByEntryId").valueIsNull()
                .path("explainIndicator.indicator.result").entity(String.class).isEqualTo("NOT_MET");

        // the amendment that set the requirement applied on the date
        graphQl().documentName("explainIndicator").variable("unit", UNIT).variable("set", SET)
                .variable("indicator", "1.2").variable("date", "2024-12-31").execute()
                .path("explainIndicator.rule.criteriaSet.version").entity(Integer.class).isEqualTo(2)
                .path("explainIndicator.rule.amendedBy.previous.threshold").entity(Double.class).isEqualTo(50.0)
                .path("explainIndicator.rule.amendedBy.requirement.threshold").entity(Double.class).isEqualTo(65.0)
                .path("explainIndicator.rule.amendmentReason").entity(String.class).isEqualTo("nâng ngưỡng chỉ tiêu 1.2");

        graphQl().documentName("explainCriterion").variable("unit", UNIT).variable("set", SET)
                .variable("criterion", "1").variable("date", "2024-12-31").execute()
                .path("explainCriterion.criterion.unmetIndicators").entityList(String.class).containsExactly("1.1", "1.2")
                .path("explainCriterion.indicators[*].indicator.code").entityList(String.class).containsExactly("1.1", "1.2")
                .path("explainCriterion.judgments[*].type").entityList(String.class).contains("CRITERION_JUDGED");

        graphQl().documentName("explainIndicator").variable("unit", UNIT).variable("set", SET)
                .variable("indicator", "9.9").execute()
                .errors().expect(e -> e.getErrorType().toString().equals("BAD_REQUEST")).verify();
        graphQl("dashboard").documentName("explainIndicator").variable("unit", UNIT).variable("set", SET)
                .variable("indicator", "1.1").execute()
                .errors().expect(e -> e.getErrorType().toString().equals("FORBIDDEN")).verify();
    }

    @Test
    void whatIfJudgesTheSameValuesByAnotherVersionAndListsTheDifferences() {
        Map<String, Object> input = Map.of("unitCode", UNIT, "setId", SET, "againstVersion", 1, "date", "2024-12-31");
        graphQl().documentName("whatIf").variable("input", input).execute()
                .path("whatIf.officialSet.version").entity(Integer.class).isEqualTo(2)
                .path("whatIf.againstSet.version").entity(Integer.class).isEqualTo(1)
                .path("whatIf.units[0].differences[*].code").entityList(String.class).containsExactly("1")
                .path("whatIf.units[0].differences[0].indicators[*].code").entityList(String.class).containsExactly("1.2")
                .path("whatIf.units[0].differences[0].indicators[0].baseline").entity(String.class).isEqualTo("NOT_MET")
                .path("whatIf.units[0].differences[0].indicators[0].other").entity(String.class).isEqualTo("MET")
                .path("whatIf.units[0].differences[0].indicators[0].baselineThreshold").entity(Double.class).isEqualTo(65.0)
                .path("whatIf.units[0].differences[0].indicators[0].otherThreshold").entity(Double.class).isEqualTo(50.0)
                .path("whatIf.units[0].changed").entity(Boolean.class).isEqualTo(false);
        // a whole district: every commune under Lấp Vò with a record under the set (only this one)
        graphQl().documentName("whatIf").variable("input", Map.of("districtCode", "875", "setId", SET,
                        "againstVersion", 1, "date", "2023-12-31")).execute()
                .path("whatIf.units[*].unitCode").entityList(String.class).containsExactly(UNIT)
                .path("whatIf.officialMet").entity(Integer.class).isEqualTo(1);
        // an unrelated set needs a mapping of indicators
        graphQl().documentName("whatIf").variable("input", Map.of("unitCode", UNIT, "setId", SET,
                        "againstSetId", "commune-ntm-2021-2025")).execute()
                .errors().expect(e -> e.getErrorType().toString().equals("BAD_REQUEST")
                        && e.getMessage().contains("indicatorMap")).verify();
        // ... and through one, a value of a kind the other requirement cannot judge is no data, not a judgment
        graphQl().document("""
                        query($input: WhatIfInput!) { whatIf(input: $input) { unmatchedIndicators
                          units { whatIf { criteria { code result indicators { code result basis } } } } } }""")
                .variable("input", Map.of("unitCode", UNIT, "setId", SET, "againstSetId", "commune-ntm-2021-2025",
                        "date", "2023-12-31", "indicatorMap", List.of(
                                Map.of("indicatorCode", "1", "recordIndicatorCode", "2.1"),
                                Map.of("indicatorCode", "17", "recordIndicatorCode", "1.1")))).execute()
                .path("whatIf.unmatchedIndicators").entityList(String.class).doesNotContain("1", "17").contains("2", "19")
                .path("whatIf.units[0].whatIf.criteria[0].indicators[0].result").entity(String.class).isEqualTo("MET")
                .path("whatIf.units[0].whatIf.criteria[16].code").entity(String.class).isEqualTo("17")
                .path("whatIf.units[0].whatIf.criteria[16].indicators[0].basis").entity(String.class).isEqualTo("NO_DATA");
        graphQl().documentName("whatIf").variable("input", Map.of("unitCode", UNIT, "setId", SET,
                        "againstVersion", 9)).execute()
                .errors().expect(e -> e.getErrorType().toString().equals("BAD_REQUEST")).verify();
    }

    @Test
    void anOrderedReappraisalIsRecordedWithItsResultsAndShowsInTheHistory() {
        Map<String, Object> input = new HashMap<>(Map.of("unitCode", UNIT, "setId", SET, "againstVersion", 1,
                "date", "2024-12-31", "reason", "rà soát theo ngưỡng cũ",
                "basis", Map.of("number", "IT-9/KH-UBND", "date", "2024-12-01", "issuer", "UBND tỉnh")));
        long before = eventCount();
        graphQl("thapmuoi.verifier").documentName("orderReappraisal").variable("input", input).execute()
                .path("orderReappraisal.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED");
        input.put("basis", Map.of("number", ""));
        graphQl("dongthap.appraiser").documentName("orderReappraisal").variable("input", input).execute()
                .path("orderReappraisal.errors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        assertThat(eventCount()).as("nothing stored for refused orders").isEqualTo(before);

        input.put("basis", Map.of("number", "IT-9/KH-UBND", "date", "2024-12-01", "issuer", "UBND tỉnh"));
        GraphQlTester.Response ordered = graphQl("dongthap.appraiser").documentName("orderReappraisal")
                .variable("input", input).execute();
        ordered.path("orderReappraisal.errors").entityList(Object.class).hasSize(0)
                .path("orderReappraisal.results.units[*].unitCode").entityList(String.class).containsExactly(UNIT);
        String id = ordered.path("orderReappraisal.reappraisalId").entity(String.class).get();
        // the order as recorded, read back from the unit's history in the payload
        ordered.path("orderReappraisal.order.type").entity(String.class).isEqualTo("REAPPRAISAL_ORDERED")
                .path("orderReappraisal.order.stream").entity(String.class).isEqualTo("reappraisal:" + id)
                .path("orderReappraisal.order.actor").entity(String.class).isEqualTo("dongthap.appraiser")
                .path("orderReappraisal.order.unitCode").entity(String.class).isEqualTo(UNIT)
                .path("orderReappraisal.order.documents[0].number").entity(String.class).isEqualTo("IT-9/KH-UBND");
        assertThat(eventCount()).isEqualTo(before + 2);
        graphQl().documentName("history").variable("subject", Map.of("unitCode", UNIT))
                .variable("filter", Map.of("types", List.of("REAPPRAISAL_ORDERED", "UNIT_REAPPRAISED"))).execute()
                .path("history.edges[*].node.type").entityList(String.class)
                .containsExactly("REAPPRAISAL_ORDERED", "UNIT_REAPPRAISED")
                .path("history.edges[0].node.actor").entity(String.class).isEqualTo("dongthap.appraiser")
                .path("history.edges[0].node.documents[0].number").entity(String.class).isEqualTo("IT-9/KH-UBND")
                .path("history.edges[1].node.summary").entity(String.class)
                .satisfies(s -> assertThat(s).contains("it-asof phiên bản 1"));
        assertThat(jdbc.queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier = ?",
                Integer.class, "reappraisal:" + id)).isEqualTo(2);
    }
}
