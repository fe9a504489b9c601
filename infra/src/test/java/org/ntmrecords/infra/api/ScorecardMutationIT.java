package org.ntmrecords.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Recording, correcting and judging indicator values through GraphQL, against real PostgreSQL. Each test
 * tracks a sandbox commune of Lấp Vò of its own (99xxx, registered by the administrator: the demo tracks the real
 * ones, seed 001) so tests do not share records.
 * Queries run straight after mutations without waiting: the API holds a mutation's response until the read
 * tables show it.
 */
class ScorecardMutationIT extends IntegrationTest {
    private static final String SET = "dongthap-commune-ntm-2021-2025";
    /** Lấp Vò's coordination office, which may record for every commune of Lấp Vò. */
    private static final String OFFICE = "lapvo.vpdp";

    @BeforeEach
    void demoLoaded() {
        sandboxCommune("99175");
        sandboxCommune("99178");
        sandboxCommune("99193");
        sandboxCommune("99196");
        sandboxCommune("99199");
        awaitProjections();
    }

    /** Tracks a unit; the payload holds the new scorecard's standing, read back: nothing assessed yet. */
    private void track(String unit) {
        graphQl(OFFICE).documentName("trackUnit").variable("input", Map.of("unitCode", unit, "setId", SET, "region", "dbscl"))
                .execute().path("trackUnit.errors").entityList(Object.class).hasSize(0)
                .path("trackUnit.scorecard.scorecardId").entity(String.class).isEqualTo(unit + "@" + SET)
                .path("trackUnit.scorecard.region").entity(String.class).isEqualTo("dbscl")
                .path("trackUnit.scorecard.result").entity(String.class).isEqualTo("NOT_ASSESSED")
                .path("trackUnit.scorecard.criteriaTotal").entity(Integer.class).isEqualTo(19)
                .path("trackUnit.scorecard.notAssessedCriteria").entityList(Object.class).hasSize(19)
                .path("trackUnit.scorecard.trackedBy").entity(String.class).isEqualTo(OFFICE);
    }

    private static Map<String, Object> valueInput(String unit, String indicator, Map<String, Object> value) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("unitCode", unit);
        input.put("setId", SET);
        input.put("indicatorCode", indicator);
        input.put("value", value);
        input.put("period", Map.of("start", "2024-01-01", "end", "2024-03-31"));
        input.put("sourceAgency", "Phòng Tài nguyên và Môi trường");
        input.put("evidence", List.of(Map.of("number", "12/BC-UBND", "date", "2024-04-02", "issuer", "UBND xã")));
        input.put("note", "quý I/2024");
        return input;
    }

    private GraphQlTester.Response record(Map<String, Object> input) {
        return graphQl(OFFICE).documentName("recordIndicatorValue").variable("input", input).execute();
    }

    @Test
    void aRecordedValueIsJudgedAndShowsInTheStandingAtOnce() {
        track("99199");
        GraphQlTester.Response response = record(valueInput("99199", "17.7",
                Map.of("kind", "RATIO", "numerator", 1110, "denominator", 1432)));
        response.path("recordIndicatorValue.errors").entityList(Object.class).hasSize(0)
                .path("recordIndicatorValue.indicator.result").entity(String.class).isEqualTo("NOT_MET")
                .path("recordIndicatorValue.indicator.basis").entity(String.class).isEqualTo("COMPUTED")
                .path("recordIndicatorValue.indicator.measured").entity(Double.class).isEqualTo(77.514)
                .path("recordIndicatorValue.indicator.threshold").entity(Double.class).isEqualTo(85.0)
                .path("recordIndicatorValue.criterion.result").entity(String.class).isEqualTo("NOT_MET")
                .path("recordIndicatorValue.standing.criteriaMet").entity(Integer.class).isEqualTo(0)
                .path("recordIndicatorValue.standing.unmetCriteria").entityList(String.class).containsExactly("17");
        String entryId = response.path("recordIndicatorValue.entryId").entity(String.class).get();
        // the standing after the change, read back from the read tables: the new value is already its latest
        response.path("recordIndicatorValue.scorecard.scorecardId").entity(String.class).isEqualTo("99199@" + SET)
                .path("recordIndicatorValue.scorecard.result").entity(String.class).isEqualTo("NOT_MET")
                .path("recordIndicatorValue.scorecard.unmetCriteria[*].code").entityList(String.class).containsExactly("17")
                .path("recordIndicatorValue.scorecard.unmetCriteria[0].indicators[?(@.code == '17.7')].latestValue.id")
                .entityList(String.class).containsExactly(entryId)
                .path("recordIndicatorValue.scorecard.notAssessedCriteria").entityList(Object.class).hasSize(18);

        GraphQlTester.Response standing = graphQl().documentName("standing")
                .variable("unit", "99199").variable("set", SET).execute();
        standing.path("standing.unmetCriteria[0].indicators[0].latestValue.id").entity(String.class).isEqualTo(entryId)
                .path("standing.unmetCriteria[0].indicators[0].latestValue.value.numerator").entity(Integer.class).isEqualTo(1110)
                .path("standing.unmetCriteria[0].indicators[0].latestValue.value.denominator").entity(Integer.class).isEqualTo(1432)
                .path("standing.unmetCriteria[0].indicators[0].latestValue.display").entity(String.class).isEqualTo("1110/1432 (77.51%)")
                .path("standing.unmetCriteria[0].indicators[0].latestValue.evidence[0].number").entity(String.class).isEqualTo("12/BC-UBND")
                .path("standing.unmetCriteria[0].indicators[0].latestValue.recordedBy").entity(String.class).isEqualTo(OFFICE);
    }

    @Test
    void aCriterionJudgmentAValueLeavesAsItWasIsNotRecordedAgainButItsTimeFollows() {
        sandboxCommune("99176");
        track("99176");
        record(valueInput("99176", "17.7", Map.of("kind", "PERCENTAGE", "percentage", 71.32)))
                .path("recordIndicatorValue.criterion.result").entity(String.class).isEqualTo("NOT_MET");
        long head = storeHead();
        Map<String, Object> lower = valueInput("99176", "17.7", Map.of("kind", "PERCENTAGE", "percentage", 60));
        lower.put("period", Map.of("start", "2024-04-01", "end", "2024-06-30"));
        record(lower).path("recordIndicatorValue.errors").entityList(Object.class).hasSize(0)
                .path("recordIndicatorValue.indicator.measured").entity(Double.class).isEqualTo(60.0)
                // as last recorded, by the first value: still not met, 17 the unmet criterion
                .path("recordIndicatorValue.criterion.result").entity(String.class).isEqualTo("NOT_MET")
                .path("recordIndicatorValue.standing.unmetCriteria").entityList(String.class).containsExactly("17");
        assertThat(storedAfter(head)).containsOnly(Map.entry("IndicatorValueRecordedEvent", 1L),
                Map.entry("IndicatorJudgedEvent", 1L));
        // read-your-writes: the criterion's and the standing's times are the second judgment's
        String id = "99176@" + SET;
        java.sql.Timestamp judged = jdbc.queryForObject("select last_changed_at from read_model.indicator_standing "
                + "where scorecard_id = ? and indicator_code = '17.7'", java.sql.Timestamp.class, id);
        assertThat(jdbc.queryForObject("select last_changed_at from read_model.criterion_standing "
                + "where scorecard_id = ? and criterion_code = '17'", java.sql.Timestamp.class, id)).isEqualTo(judged);
        assertThat(jdbc.queryForObject("select last_changed_at from read_model.scorecard where scorecard_id = ?",
                java.sql.Timestamp.class, id)).isEqualTo(judged);
    }

    @Test
    void aCorrectionIsANewEntryThatNamesTheOneItCorrects() {
        track("99193");
        String first = record(valueInput("99193", "17.7", Map.of("kind", "PERCENTAGE", "percentage", 71.32)))
                .path("recordIndicatorValue.entryId").entity(String.class).get();
        long before = eventCount();
        GraphQlTester.Response corrected = graphQl(OFFICE).documentName("correctIndicatorValue").variable("input", Map.of(
                        "unitCode", "99193", "setId", SET, "correctsValueId", first, "indicatorCode", "17.7",
                        "reason", "số liệu báo cáo nhầm", "value", Map.of("kind", "PERCENTAGE", "percentage", 87.5)))
                .execute();
        corrected.path("correctIndicatorValue.errors").entityList(Object.class).hasSize(0)
                .path("correctIndicatorValue.indicator.result").entity(String.class).isEqualTo("MET")
                // before the correction 17 was unmet; the standing read back after it has no criterion unmet
                .path("correctIndicatorValue.scorecard.scorecardId").entity(String.class).isEqualTo("99193@" + SET)
                .path("correctIndicatorValue.scorecard.unmetCriteria").entityList(Object.class).hasSize(0);
        String second = corrected.path("correctIndicatorValue.entryId").entity(String.class).get();
        // the correction, and the indicator, criterion and standing judgments: nothing rewritten
        assertThat(eventCount()).isEqualTo(before + 4);

        graphQl().documentName("indicatorEntries").variable("unit", "99193").variable("set", SET)
                .variable("indicator", "17.7").execute()
                .path("indicatorEntries.totalCount").entity(Integer.class).isEqualTo(2)
                .path("indicatorEntries.edges[*].node.id").entityList(String.class).containsExactly(first, second)
                .path("indicatorEntries.edges[0].node.display").entity(String.class).isEqualTo("71.32%")
                .path("indicatorEntries.edges[0].node.correctedByEntryId").entity(String.class).isEqualTo(second)
                .path("indicatorEntries.edges[1].node.type").entity(String.class).isEqualTo("CORRECTION")
                .path("indicatorEntries.edges[1].node.correctsEntryId").entity(String.class).isEqualTo(first)
                .path("indicatorEntries.edges[1].node.correctionReason").entity(String.class).isEqualTo("số liệu báo cáo nhầm")
                .path("indicatorEntries.edges[1].node.period.start").entity(String.class).isEqualTo("2024-01-01");
        graphQl().documentName("standing").variable("unit", "99193").variable("set", SET).execute()
                .path("standing.unmetCriteria").entityList(Object.class).hasSize(0);

        graphQl(OFFICE).documentName("correctIndicatorValue").variable("input", Map.of(
                        "unitCode", "99193", "setId", SET, "correctsValueId", first, "indicatorCode", "17.7",
                        "reason", "again", "value", Map.of("kind", "PERCENTAGE", "percentage", 80)))
                .execute()
                .path("correctIndicatorValue.errors[0].code").entity(String.class).isEqualTo("ALREADY_CORRECTED");
    }

    @Test
    void markingNotAssessedAndRecordingADecisionAreJudgedAsSuch() {
        track("99196");
        graphQl(OFFICE).documentName("markIndicatorNotAssessed").variable("input", Map.of("unitCode", "99196", "setId", SET,
                        "indicatorCode", "10", "period", Map.of("start", "2023-01-01", "end", "2023-12-31"),
                        "reason", "chưa có đánh giá thu nhập năm 2023"))
                .execute()
                .path("markIndicatorNotAssessed.indicator.result").entity(String.class).isEqualTo("NOT_ASSESSED")
                .path("markIndicatorNotAssessed.indicator.basis").entity(String.class).isEqualTo("MARKED_NOT_ASSESSED")
                .path("markIndicatorNotAssessed.scorecard.result").entity(String.class).isEqualTo("NOT_ASSESSED")
                .path("markIndicatorNotAssessed.scorecard.notAssessedCriteria[*].code").entityList(String.class)
                .contains("10").hasSize(19);
        graphQl(OFFICE).documentName("recordIndicatorDecision").variable("input", Map.of("unitCode", "99196", "setId", SET,
                        "indicatorCode", "1", "result", "MET", "period", Map.of("start", "2024-03-31"),
                        "decidedBy", "UBND huyện Lấp Vò", "basis", List.of(Map.of("number", "110/KH-UBND"))))
                .execute()
                .path("recordIndicatorDecision.indicator.result").entity(String.class).isEqualTo("MET")
                .path("recordIndicatorDecision.indicator.basis").entity(String.class).isEqualTo("HUMAN_DECISION")
                .path("recordIndicatorDecision.standing.criteriaMet").entity(Integer.class).isEqualTo(1)
                .path("recordIndicatorDecision.standing.notAssessedCriteria").entityList(String.class).hasSize(18)
                // criterion 1 (one indicator) is met by the decision, and the standing read back shows it
                .path("recordIndicatorDecision.scorecard.criteriaMet").entity(Integer.class).isEqualTo(1)
                .path("recordIndicatorDecision.scorecard.notAssessedCriteria[*].code").entityList(String.class)
                .doesNotContain("1").hasSize(18);
    }

    @Test
    void trackingTwiceIsRefusedAndStoresNothing() {
        track("99175");
        long before = eventCount();
        graphQl(OFFICE).documentName("trackUnit").variable("input", Map.of("unitCode", "99175", "setId", SET)).execute()
                .path("trackUnit.scorecardId").valueIsNull()
                .path("trackUnit.scorecard").valueIsNull()
                .path("trackUnit.errors[0].code").entity(String.class).isEqualTo("ALREADY_TRACKED");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void badInputGetsATypedErrorAndStoresNothing() {
        track("99178");
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        // a unit nobody's jurisdiction covers: refused before anything else is checked
        cases.put("NOT_ALLOWED", valueInput("99999", "17.7", Map.of("kind", "PERCENTAGE", "percentage", 50)));
        Map<String, Object> untracked = valueInput("99178", "14.1", Map.of("kind", "PERCENTAGE", "percentage", 50));
        untracked.put("setId", "dongthap-commune-advanced-2021-2025");
        cases.put("NOT_TRACKED", untracked);
        cases.put("UNKNOWN_INDICATOR", valueInput("99178", "17.99", Map.of("kind", "PERCENTAGE", "percentage", 50)));
        cases.put("WRONG_VALUE_KIND", valueInput("99178", "17.7", Map.of("kind", "COUNT", "count", 5)));
        cases.put("OUT_OF_RANGE", valueInput("99178", "17.7", Map.of("kind", "PERCENTAGE", "percentage", 100.5)));
        cases.put("IMPOSSIBLE_RATIO", valueInput("99178", "17.7", Map.of("kind", "RATIO", "numerator", 5, "denominator", 0)));
        Map<String, Object> future = valueInput("99178", "17.7", Map.of("kind", "PERCENTAGE", "percentage", 50));
        future.put("period", Map.of("start", "2099-01-01"));
        cases.put("FUTURE_DATE", future);
        Map<String, Object> backwards = valueInput("99178", "17.7", Map.of("kind", "PERCENTAGE", "percentage", 50));
        backwards.put("period", Map.of("start", "2024-03-31", "end", "2024-01-01"));
        cases.put("INVALID_PERIOD", backwards);
        cases.put("INVALID_INPUT", valueInput("99178", "17.7", Map.of("kind", "PERCENTAGE", "percentage", 50, "count", 3)));
        Map<String, Object> control = valueInput("99178", "17.7", Map.of("kind", "PERCENTAGE", "percentage", 50));
        control.put("note", "ghi chú\u0007");
        cases.put("INVALID_INPUT ", control);
        Map<String, Object> oversized = valueInput("99178", "17.7", Map.of("kind", "PERCENTAGE", "percentage", 50));
        oversized.put("note", "x".repeat(2001));
        cases.put("INVALID_INPUT  ", oversized);
        Map<String, Object> unknownSet = valueInput("99178", "17.7", Map.of("kind", "PERCENTAGE", "percentage", 50));
        unknownSet.put("setId", "no-such-set");
        cases.put("UNKNOWN_CRITERIA_SET", unknownSet);

        long events = eventCount();
        Integer entries = jdbc.queryForObject("select count(*) from read_model.indicator_entry", Integer.class);
        cases.forEach((expected, input) -> record(input)
                .path("recordIndicatorValue.entryId").valueIsNull()
                .path("recordIndicatorValue.scorecard").valueIsNull()
                .path("recordIndicatorValue.errors[0].code").entity(String.class).isEqualTo(expected.strip())
                .path("recordIndicatorValue.errors[0].message").entity(String.class)
                .satisfies(message -> assertThat(message).isNotBlank()));
        assertThat(eventCount()).isEqualTo(events);
        assertThat(jdbc.queryForObject("select count(*) from read_model.indicator_entry", Integer.class))
                .isEqualTo(entries);
    }

    @Test
    void inputThatDoesNotFitTheSchemaIsAGraphQlErrorAndStoresNothing() {
        long events = eventCount();
        graphQl(OFFICE).documentName("recordIndicatorValue").variable("input", Map.of("unitCode", "99178", "setId", SET,
                        "indicatorCode", "17.7", "value", Map.of("kind", "PERCENTAGE", "percentage", "many"),
                        "period", Map.of("start", "2024-01-01")))
                .execute()
                .errors().expect(error -> error.getMessage() != null).verify();
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void unitsCanBeRegisteredRenamedAndMovedAndAreFoundInEitherUnicodeForm() {
        String nfd = Normalizer.normalize("Xã Thử Nghiệm", Normalizer.Form.NFD);
        graphQl("admin").documentName("registerUnit").variable("input", Map.of("code", "99001", "name",
                        Normalizer.normalize("Thử Nghiệm", Normalizer.Form.NFD), "fullName", nfd, "kind", "COMMUNE",
                        "parentCode", "875"))
                .execute().path("registerUnit.code").entity(String.class).isEqualTo("99001")
                // the payload's unit is the read model's, in NFC whatever form was sent
                .path("registerUnit.unit.fullName").entity(String.class).isEqualTo("Xã Thử Nghiệm")
                .path("registerUnit.unit.parent.code").entity(String.class).isEqualTo("875");
        graphQl("admin").documentName("registerUnit").variable("input", Map.of("code", "99001", "name", "Thử Nghiệm",
                        "fullName", "Xã Thử Nghiệm", "kind", "COMMUNE", "parentCode", "875"))
                .execute().path("registerUnit.errors[0].code").entity(String.class).isEqualTo("ALREADY_EXISTS")
                .path("registerUnit.unit").valueIsNull();
        graphQl().documentName("units").variable("search", "Thử Nghiệm").execute()
                .path("units.edges[*].node.fullName").entityList(String.class).containsExactly("Xã Thử Nghiệm");
        graphQl("admin").documentName("renameUnit").variable("input", Map.of("code", "99001", "name", "Thử Nghiệm Mới",
                "fullName", "Xã Thử Nghiệm Mới")).execute().path("renameUnit.errors").entityList(Object.class).hasSize(0)
                .path("renameUnit.unit.fullName").entity(String.class).isEqualTo("Xã Thử Nghiệm Mới");
        // moved to Trà Cú, whose composition no other test counts
        graphQl("admin").documentName("changeUnitParent").variable("input", Map.of("code", "99001", "parentCode", "849"))
                .execute().path("changeUnitParent.errors").entityList(Object.class).hasSize(0)
                .path("changeUnitParent.unit.parent.code").entity(String.class).isEqualTo("849");
        // a commune may sit under a district or (since July 2025) a province, never under another commune
        graphQl("admin").documentName("changeUnitParent").variable("input", Map.of("code", "99001", "parentCode", "30049"))
                .execute().path("changeUnitParent.errors[0].code").entity(String.class).isEqualTo("INVALID_PARENT");
        graphQl().documentName("unit").variable("code", "99001").execute()
                .path("unit.fullName").entity(String.class).isEqualTo("Xã Thử Nghiệm Mới")
                .path("unit.parent.code").entity(String.class).isEqualTo("849");
        graphQl("admin").documentName("renameUnit").variable("input", Map.of("code", "99999", "name", "X", "fullName", "Xã X"))
                .execute().path("renameUnit.errors[0].code").entity(String.class).isEqualTo("UNKNOWN_UNIT");
    }

    private static final String NATIONAL = "commune-ntm-2021-2025";

    /** The raw JSON of a query's answer, as a client reads it (numbers as written). */
    private String rawAnswer(String query) {
        return org.springframework.test.web.reactive.server.WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + "/graphql")
                .defaultHeaders(headers -> headers.setBasicAuth("auditor", PASSWORD)).build()
                .post().contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void decimalsAreStoredProjectedAndServedWithTheScaleTheyWereEnteredWith() {
        // Tháp Mười's Phú Điền against the national set: a ratio written as seed 004 writes its roads, 15.2/21.0 km
        graphQl("thapmuoi.vpdp").documentName("trackUnit").variable("input", Map.of("unitCode", "30052",
                "setId", NATIONAL, "region", "dbscl")).execute().path("trackUnit.errors").entityList(Object.class).hasSize(0);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("unitCode", "30052");
        input.put("setId", NATIONAL);
        input.put("indicatorCode", "3.1");
        input.put("value", Map.of("kind", "RATIO", "numerator", new java.math.BigDecimal("15.20"),
                "denominator", new java.math.BigDecimal("21.0")));
        input.put("period", Map.of("start", "2023-01-01", "end", "2023-12-31"));
        graphQl("thapmuoi.vpdp").documentName("recordIndicatorValue").variable("input", input).execute()
                .path("recordIndicatorValue.errors").entityList(Object.class).hasSize(0)
                .path("recordIndicatorValue.indicator.result").entity(String.class).isEqualTo("NOT_MET");
        // a literal in the query keeps its digits too
        graphQl("thapmuoi.vpdp").document("""
                mutation { recordIndicatorValue(input: {unitCode: "30052", setId: "commune-ntm-2021-2025",
                  indicatorCode: "3.1", value: {kind: PERCENTAGE, percentage: 85.50}, period: {start: "2024-01-01"}})
                  { errors { code } } }""").execute()
                .path("recordIndicatorValue.errors").entityList(Object.class).hasSize(0);

        assertThat(jdbc.queryForObject("select concat_ws(' ', value->>'numerator', value->>'denominator', display)"
                + " from read_model.indicator_entry where scorecard_id = ? and period_start = '2023-01-01'",
                String.class, "30052@" + NATIONAL)).as("the read table keeps the scale")
                .isEqualTo("15.20 21.0 15.20/21.0 (72.38%)");
        assertThat(jdbc.queryForObject("select value->>'percentage' || ' ' || display from read_model.indicator_entry"
                + " where scorecard_id = ? and period_start = '2024-01-01'", String.class, "30052@" + NATIONAL))
                .isEqualTo("85.50 85.50%");
        assertThat(rawAnswer("{ indicatorEntries(unitCode: \"30052\", setId: \"" + NATIONAL
                + "\", indicatorCode: \"3.1\") { edges { node { display value { numerator denominator percentage } } } } }"))
                .contains("\"numerator\":15.20").contains("\"denominator\":21.0")
                .contains("15.20/21.0 (72.38%)").contains("\"percentage\":85.50").contains("85.50%");
        // the events hold what was entered
        assertThat(jdbc.queryForList("select convert_from(payload, 'UTF8') from event_store.domain_event_entry"
                        + " where aggregate_identifier = ? and payload_type like '%IndicatorValueRecordedEvent'",
                String.class, "30052@" + NATIONAL))
                .anySatisfy(json -> assertThat(json).contains("\"numerator\":15.20").contains("\"denominator\":21.0"));
    }

    @Test
    void aProvincesVariantIsNotTrackedForAUnitOfAnotherProvince() {
        long before = eventCount();
        // Cẩm Ngọc (Cẩm Thủy, Thanh Hóa) against Đồng Tháp's variant of the commune set
        graphQl("admin").documentName("trackUnit").variable("input", Map.of("unitCode", "15169", "setId", SET,
                        "region", "btb"))
                .execute()
                .path("trackUnit.scorecardId").valueIsNull()
                .path("trackUnit.errors[0].code").entity(String.class).isEqualTo("OUTSIDE_SET_PROVINCE")
                .path("trackUnit.errors[0].field").entity(String.class).isEqualTo("setId")
                .path("trackUnit.errors[0].message").entity(String.class).satisfies(message -> assertThat(message)
                        .contains("tỉnh 87 Đồng Tháp").contains("đơn vị 15169 Cẩm Ngọc thuộc tỉnh 38 Thanh Hóa")
                        .contains("bộ tiêu chí quốc gia commune-ntm-2021-2025"));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void theRegionGivenIsTheProvincesOrTdmnpbOnTheDecisionListingASpecialDifficultyCommune() {
        long before = eventCount();
        // Kim Sơn (Trà Cú, Trà Vinh: dbscl by the reference data)
        for (String region : List.of("tdmnpb", "btb")) {
            graphQl("admin").documentName("trackUnit").variable("input", Map.of("unitCode", "29482",
                            "setId", NATIONAL, "region", region))
                    .execute()
                    .path("trackUnit.errors[0].code").entity(String.class).isEqualTo("REGION_MISMATCH")
                    .path("trackUnit.errors[0].field").entity(String.class).isEqualTo("region")
                    .path("trackUnit.errors[0].message").entity(String.class).satisfies(message -> assertThat(message)
                            .contains("tỉnh 84 Trà Vinh thuộc vùng dbscl")
                            .contains("provincial-variants-2021-2025.yaml"));
        }
        graphQl("admin").documentName("trackUnit").variable("input", Map.of("unitCode", "29482", "setId", NATIONAL,
                        "region", "dbscl", "regionBasis", Map.of("number", "IT-ĐBKK/QĐ")))
                .execute().path("trackUnit.errors[0].field").entity(String.class).isEqualTo("regionBasis");
        assertThat(eventCount()).as("nothing stored").isEqualTo(before);

        // a test document standing for the decision that lists the commune as special-difficulty
        graphQl("admin").documentName("trackUnit").variable("input", Map.of("unitCode", "29482", "setId", NATIONAL,
                        "region", "tdmnpb", "regionBasis", Map.of("number", "IT-ĐBKK/QĐ", "date", "2021-06-04",
                                "issuer", "ScorecardMutationIT", "title", "danh sách xã đặc biệt khó khăn (test)")))
                .execute().path("trackUnit.errors").entityList(Object.class).hasSize(0)
                .path("trackUnit.scorecardId").entity(String.class).isEqualTo("29482@" + NATIONAL);
        graphQl().documentName("standing").variable("unit", "29482").variable("set", NATIONAL).execute()
                .path("standing.region").entity(String.class).isEqualTo("tdmnpb");
        graphQl().documentName("history").variable("subject", Map.of("unitCode", "29482", "setId", NATIONAL))
                .variable("filter", Map.of("types", List.of("UNIT_TRACKED"))).variable("first", 10).execute()
                .path("history.edges[0].node.summary").entity(String.class).satisfies(summary -> assertThat(summary)
                        .contains("vùng tdmnpb, là xã đặc biệt khó khăn có tên trong IT-ĐBKK/QĐ"));
    }
}
