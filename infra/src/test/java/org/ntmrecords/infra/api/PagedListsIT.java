package org.ntmrecords.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The growing lists of indicator entries, recognition cases, pending actions, discrepancies, evidence documents and
 * expiring standards, through GraphQL: each paged forward and backward, page by page, gives the whole list in order
 * without gaps or repeats, with the same {@code totalCount} on every page; a cursor of another list (or one made by
 * hand) is refused. A sandbox commune of Lấp Vò (99172) is tracked against the national commune set here, with entries,
 * a case, documents and standards of its own, so that no other test's records are counted. Evidence targets are
 * given in the {@code @oneOf} form.
 */
class PagedListsIT extends IntegrationTest {
    private static final String UNIT = "99172";
    private static final String SET = "commune-ntm-2021-2025";
    private static final String CASE = UNIT + "@" + SET + "@2024";
    private static final String OFFICE = "lapvo.vpdp";
    private static final int ENTRIES = 5;
    private static final int DOCUMENTS = 5;
    private static final int STANDARDS = 4;

    @BeforeEach
    void prepare() {
        sandboxCommune("99172");
        awaitProjections();
        if (jdbc.queryForObject("select count(*) from read_model.scorecard where scorecard_id = ?", Integer.class,
                UNIT + "@" + SET) > 0) {
            return;
        }
        mutate("trackUnit", "TrackUnitInput", Map.of("unitCode", UNIT, "setId", SET, "region", "dbscl"));
        for (int year = 2020; year < 2020 + ENTRIES; year++) {
            mutate("recordIndicatorValue", "RecordIndicatorValueInput", Map.of("unitCode", UNIT, "setId", SET,
                    "indicatorCode", "3.1", "value", Map.of("kind", "PERCENTAGE", "percentage", 60 + year - 2020),
                    "period", Map.of("start", year + "-01-01", "end", year + "-12-31")));
        }
        mutate("openRecognitionCase", "OpenRecognitionCaseInput", Map.of("unitCode", UNIT, "setId", SET, "year", 2024));
        // every criterion claimed met, none met as computed: 19 discrepancies
        mutate("recordSelfAssessment", "SelfAssessmentInput", Map.of("caseId", CASE, "assessments",
                IntStream.rangeClosed(1, 19).mapToObj(i -> Map.of("criterionCode", String.valueOf(i), "assessed", "MET"))
                        .toList()));
        List<Map<String, Object>> targets = List.of(Map.of("unitCode", UNIT),
                Map.of("indicator", Map.of("unitCode", UNIT, "setId", SET, "code", "3.1")),
                Map.of("criterion", Map.of("unitCode", UNIT, "setId", SET, "code", "3")),
                Map.of("caseId", CASE), Map.of("unitCode", UNIT));
        for (int i = 0; i < DOCUMENTS; i++) {
            mutate("attachEvidence", "AttachEvidenceInput", Map.of("target", targets.get(i), "kind", "báo cáo",
                    "document", Map.of("number", (i + 1) + "/BC-PAGED", "date", "2024-05-0" + (i + 1))));
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        for (int i = 1; i <= STANDARDS; i++) {
            mutate("certifyStandard", "CertifyStandardInput", Map.of("unitCode", UNIT, "subject", "Trường " + i,
                    "standard", "chuẩn quốc gia", "validUntil", today.plusDays(10L * i).toString(), "setId", SET,
                    "indicatorCode", "5"));
        }
        awaitProjections();
    }

    private void mutate(String mutation, String inputType, Map<String, Object> input) {
        graphQl(OFFICE).document("mutation($i: " + inputType + "!) { " + mutation + "(input: $i) { errors { code message } } }")
                .variable("i", input).execute().path(mutation + ".errors").entityList(Object.class).hasSize(0);
    }

    @Test
    void indicatorEntriesArePagedOldestFirst() {
        List<String> ids = pagesBothWays(OFFICE, "indicatorEntries",
                "unitCode: \"" + UNIT + "\", setId: \"" + SET + "\", indicatorCode: \"3.1\"", "id display", 2);
        assertThat(ids).hasSize(ENTRIES);
        assertThat(ids.get(0)).endsWith(" 60%");
        assertThat(ids.get(ENTRIES - 1)).endsWith(" 64%");
    }

    @Test
    void recognitionCasesArePagedByUnitYearAndCase() {
        List<String> cases = pagesBothWays("auditor", "recognitionCases", "districtCode: \"872\"", "caseId year", 5);
        // the demo's: every Tháp Mười commune's 2019 title, four advanced titles of 2023, two cases of 2024
        assertThat(cases).hasSizeGreaterThanOrEqualTo(18)
                .contains("30049@commune-ntm-2016-2020@2019 2019", "30073@dongthap-commune-advanced-2021-2025@2023 2023")
                .isSortedAccordingTo(java.util.Comparator.comparing((String c) -> c.substring(0, c.indexOf('@')))
                        .thenComparing(c -> Integer.parseInt(c.substring(c.lastIndexOf(' ') + 1)))
                        .thenComparing(c -> c));
    }

    @Test
    void pendingActionsArePagedTheLongestWaitingFirst() {
        List<String> all = pagesBothWays("admin", "pendingActions", "", "caseId", 2);
        assertThat(all).hasSizeGreaterThanOrEqualTo(4).contains(CASE, "875@dongthap-district-ntm-2021-2025@2023");
        // a coordination office's own work list: its commune's case waits for the dossier; Tháp Mười's do not
        graphQl(OFFICE).document("{ pendingActions { totalCount edges { node { caseId pendingStep } } } }").execute()
                .path("pendingActions.edges[?(@.node.caseId == '" + CASE + "')].node.pendingStep")
                .entityList(String.class).containsExactly("SUBMISSION")
                .path("pendingActions.edges[*].node.caseId").entityList(String.class)
                .doesNotContain("30067@dongthap-commune-advanced-2021-2025@2023");
    }

    @Test
    void recognitionDiscrepanciesArePaged() {
        List<String> rows = pagesBothWays(OFFICE, "recognitionDiscrepancies", "unitCode: \"" + UNIT + "\"",
                "caseId step round criterionCode assessed computed", 4);
        assertThat(rows).hasSize(19).allSatisfy(row -> assertThat(row).startsWith(CASE + " SELF_ASSESSMENT 1 "));
    }

    @Test
    void evidenceDocumentsArePagedInTheOrderAttached() {
        List<String> documents = pagesBothWays(OFFICE, "evidenceDocuments", "unitCode: \"" + UNIT + "\"",
                "number targetKind", 2);
        assertThat(documents).containsExactly("1/BC-PAGED UNIT", "2/BC-PAGED INDICATOR", "3/BC-PAGED CRITERION",
                "4/BC-PAGED CASE", "5/BC-PAGED UNIT");
    }

    @Test
    void expiringStandardsArePagedSoonestFirst() {
        List<String> items = pagesBothWays(OFFICE, "expiringSoon", "unitCode: \"" + UNIT + "\", withinDays: 60",
                "subject daysLeft", 3);
        assertThat(items).containsExactly("Trường 1: chuẩn quốc gia 10", "Trường 2: chuẩn quốc gia 20",
                "Trường 3: chuẩn quốc gia 30", "Trường 4: chuẩn quốc gia 40");
    }

    @Test
    void aCursorOfAnotherListOrMadeByHandIsRefused() {
        String unitsCursor = graphQl().document("{ units(parentCode: \"875\", first: 1) { pageInfo { endCursor } } }")
                .execute().path("units.pageInfo.endCursor").entity(String.class).get();
        String casesCursor = graphQl().document("{ recognitionCases(districtCode: \"872\", first: 1) { pageInfo { endCursor } } }")
                .execute().path("recognitionCases.pageInfo.endCursor").entity(String.class).get();
        Map<String, String> lists = new LinkedHashMap<>();
        lists.put("indicatorEntries", "unitCode: \"" + UNIT + "\", setId: \"" + SET + "\", indicatorCode: \"3.1\", ");
        lists.put("recognitionCases", "districtCode: \"872\", ");
        lists.put("pendingActions", "");
        lists.put("recognitionDiscrepancies", "unitCode: \"" + UNIT + "\", ");
        lists.put("recognitionsAtRisk", "");
        lists.put("evidenceDocuments", "unitCode: \"" + UNIT + "\", ");
        lists.put("expiringSoon", "");
        lists.forEach((list, arguments) -> {
            String foreign = list.equals("recognitionCases") ? unitsCursor : casesCursor;
            for (String direction : List.of("first: 2, after", "last: 2, before")) {
                refused(list, "{ " + list + "(" + arguments + direction + ": \"" + foreign + "\") { totalCount } }");
            }
        });
        // the right list's name, keys of the wrong kind or missing: not a cursor this list issued either
        refused("indicatorEntries", "{ indicatorEntries(" + lists.get("indicatorEntries") + "after: \""
                + cursor("indicatorEntries", "{\"recordedAt\":\"yesterday\",\"id\":\"x\"}") + "\") { totalCount } }");
        refused("recognitionCases", "{ recognitionCases(districtCode: \"872\", after: \""
                + cursor("recognitionCases", "{\"unit\":\"30049\"}") + "\") { totalCount } }");
        refused("recognitionDiscrepancies", "{ recognitionDiscrepancies(unitCode: \"" + UNIT + "\", before: \""
                + cursor("recognitionDiscrepancies", "{\"unit\":1,\"case\":2,\"recordedAt\":3,\"step\":4,\"round\":\"5\","
                + "\"criterion\":6}") + "\") { totalCount } }");
        refused("expiringSoon", "{ expiringSoon(after: \"" + cursor("expiringSoon",
                "{\"validUntil\":\"31/12/2024\",\"id\":\"x\"}") + "\") { totalCount } }");
    }

    /** A cursor as the service writes them (base64url of the list's name and keys), made by hand. */
    private static String cursor(String list, String keys) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"l\":\"" + list + "\",\"k\":" + keys + "}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private void refused(String list, String query) {
        graphQl("admin").document(query).execute()
                .errors().expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST
                        && e.getMessage().equals("Con trỏ này không do danh sách này cấp")
                        && e.getPath().equals(list)).verify();
    }

    @Test
    void anEvidenceTargetIsExactlyOneOfAUnitACriterionAnIndicatorOrACase() {
        long before = eventCount();
        // two targets at once: the schema refuses it before anything runs
        graphQl(OFFICE).documentName("attachEvidence").variable("input", Map.of("target", Map.of("unitCode", UNIT,
                        "caseId", CASE), "kind", "báo cáo", "document", Map.of("number", "9/BC-PAGED")))
                .execute().errors().expect(e -> e.getMessage().contains("EvidenceTargetInput")).verify();
        // both forms at once
        Map<String, Object> both = new HashMap<>(Map.of("target", Map.of("unitCode", UNIT), "targetKind", "UNIT",
                "unitCode", UNIT, "kind", "báo cáo", "document", Map.of("number", "9/BC-PAGED")));
        graphQl(OFFICE).documentName("attachEvidence").variable("input", both).execute()
                .path("attachEvidence.errors[*].code").entityList(String.class).containsExactly("INVALID_INPUT")
                .path("attachEvidence.errors[0].field").entity(String.class).isEqualTo("target")
                .path("attachEvidence.document").valueIsNull();
        // a refusal names the field as the client gave it, in either form
        graphQl(OFFICE).documentName("attachEvidence").variable("input", Map.of("target", Map.of("indicator",
                        Map.of("unitCode", UNIT, "setId", SET, "code", "99.9")), "kind", "báo cáo",
                        "document", Map.of("number", "9/BC-PAGED")))
                .execute()
                .path("attachEvidence.errors[0].code").entity(String.class).isEqualTo("UNKNOWN_INDICATOR")
                .path("attachEvidence.errors[0].field").entity(String.class).isEqualTo("target.indicator.code");
        graphQl(OFFICE).documentName("attachEvidence").variable("input", Map.of("targetKind", "INDICATOR",
                        "unitCode", UNIT, "setId", SET, "code", "99.9", "kind", "báo cáo",
                        "document", Map.of("number", "9/BC-PAGED")))
                .execute()
                .path("attachEvidence.errors[0].code").entity(String.class).isEqualTo("UNKNOWN_INDICATOR")
                .path("attachEvidence.errors[0].field").entity(String.class).isEqualTo("code");
        graphQl(OFFICE).documentName("attachEvidence").variable("input", Map.of("target", Map.of("caseId",
                        UNIT + "@" + SET + "@2019"), "kind", "báo cáo", "document", Map.of("number", "9/BC-PAGED")))
                .execute()
                .path("attachEvidence.errors[0].field").entity(String.class).isEqualTo("target.caseId");
        assertThat(eventCount()).as("nothing stored").isEqualTo(before);
        // the case's document, attached by its target in prepare(), read back with the one form
        graphQl(OFFICE).document("{ evidenceDocuments(caseId: \"" + CASE + "\") { edges { node { targetKind unitCode caseId number } } } }")
                .execute()
                .path("evidenceDocuments.edges[*].node.number").entityList(String.class).containsExactly("4/BC-PAGED")
                .path("evidenceDocuments.edges[0].node.unitCode").entity(String.class).isEqualTo(UNIT);
    }

    /**
     * Pages through a list forward ({@code first}/{@code after}) and backward ({@code last}/{@code before}), {@code
     * size} items a page, checking each page against the whole list read at once; answers the whole list, each item
     * as the values of its selected fields joined by spaces.
     */
    private List<String> pagesBothWays(String user, String list, String arguments, String selection, int size) {
        String query = "query($first: Int, $after: String, $last: Int, $before: String) { " + list + "("
                + (arguments.isEmpty() ? "" : arguments + ", ") + "first: $first, after: $after, last: $last,"
                + " before: $before) { totalCount pageInfo { hasPreviousPage hasNextPage startCursor endCursor }"
                + " edges { cursor node { " + selection + " } } } }";
        Page whole = page(user, query, list, Map.of("first", 200));
        assertThat(whole.hasNextPage()).as("the whole of %s in one page", list).isFalse();
        assertThat(whole.items()).as("%s", list).hasSize(whole.totalCount()).hasSizeGreaterThan(size)
                .doesNotHaveDuplicates();

        List<String> forward = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new HashMap<>(Map.of("first", size));
            variables.put("after", after);
            Page page = page(user, query, list, variables);
            assertThat(page.totalCount()).as("totalCount on every page").isEqualTo(whole.totalCount());
            assertThat(page.hasPreviousPage()).as("a page after another has one before it").isEqualTo(after != null);
            more = page.hasNextPage();
            assertThat(page.items()).hasSize(more ? size : page.items().size()).hasSizeLessThanOrEqualTo(size);
            forward.addAll(page.items());
            after = page.endCursor();
            assertThat(forward.size()).as("paging forward ends").isLessThanOrEqualTo(whole.totalCount());
        }
        assertThat(forward).as("%s paged forward", list).containsExactlyElementsOf(whole.items());

        List<String> backward = new ArrayList<>();
        String before = null;
        more = true;
        while (more) {
            Map<String, Object> variables = new HashMap<>(Map.of("last", size));
            variables.put("before", before);
            Page page = page(user, query, list, variables);
            assertThat(page.totalCount()).isEqualTo(whole.totalCount());
            assertThat(page.hasNextPage()).as("a page before another has one after it").isEqualTo(before != null);
            more = page.hasPreviousPage();
            assertThat(page.items()).hasSize(more ? size : page.items().size()).hasSizeLessThanOrEqualTo(size);
            backward.addAll(0, page.items());
            before = page.startCursor();
            assertThat(backward.size()).as("paging backward ends").isLessThanOrEqualTo(whole.totalCount());
        }
        assertThat(backward).as("%s paged backward", list).containsExactlyElementsOf(whole.items());
        return whole.items();
    }

    private record Page(int totalCount, boolean hasPreviousPage, boolean hasNextPage, String startCursor,
                        String endCursor, List<String> items) {
    }

    private Page page(String user, String query, String list, Map<String, Object> variables) {
        GraphQlTester.Response response = graphQl(user).document(query).variables(variables).execute();
        response.errors().verify();
        Map<String, Object> info = response.path(list + ".pageInfo")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
        List<Map<String, Object>> edges = response.path(list + ".edges")
                .entity(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).get();
        if (!edges.isEmpty()) {
            assertThat(info.get("startCursor")).isEqualTo(edges.get(0).get("cursor"));
            assertThat(info.get("endCursor")).isEqualTo(edges.get(edges.size() - 1).get("cursor"));
        }
        @SuppressWarnings("unchecked")
        List<String> items = edges.stream().map(edge -> ((Map<String, Object>) edge.get("node")).values().stream()
                .map(String::valueOf).collect(Collectors.joining(" "))).toList();
        return new Page(response.path(list + ".totalCount").entity(Integer.class).get(),
                (Boolean) info.get("hasPreviousPage"), (Boolean) info.get("hasNextPage"),
                (String) info.get("startCursor"), (String) info.get("endCursor"), items);
    }
}
