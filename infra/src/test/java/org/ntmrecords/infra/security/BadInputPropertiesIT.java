package org.ntmrecords.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.spring.JqwikSpringSupport;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Generated bad input for every mutation: a valid input with one to three fields replaced by values that
 * break that field's rules (empty, oversized, control characters, lone surrogates, malformed codes, unknown
 * references, numbers out of range, impossible ratios, future, ancient or non-existent dates, wrong value
 * kinds...). Every try must come back as a typed error — in the payload, or, for a value GraphQL itself cannot
 * read (a date that is not in the calendar, broken text), as a BAD_REQUEST error with its code and the field —
 * never an internal error, and store no event. The mutations run in-process through the GraphQL service, as an
 * account allowed to send them.
 */
@JqwikSpringSupport
class BadInputPropertiesIT extends IntegrationTest {
    private static final int TRIES = 1000;
    private static final Set<String> ERROR_CODES =
            Arrays.stream(RejectionCode.values()).map(Enum::name).collect(Collectors.toSet());
    private static final NtmPrincipal ADMIN = new NtmPrincipal("admin", "Admin", Role.ADMINISTRATOR, null, null);
    private static final NtmPrincipal OFFICE =
            new NtmPrincipal("thapmuoi.vpdp", "Văn phòng Điều phối", Role.DISTRICT_COORDINATION_OFFICE, "872", null);
    private static final NtmPrincipal CENTRAL = new NtmPrincipal("trunguong.appraiser",
            "Hội đồng thẩm định Trung ương", Role.CENTRAL_APPRAISER, null, null);
    private static final String NTM = "dongthap-commune-ntm-2021-2025";
    /** The model commune's four conditions, an itemised indicator (ITEMS_AT_LEAST). */
    private static final String MODEL = "commune-model-2021-2025";
    private static final String CASE = "30049@" + NTM + "@2023";
    private static final String PLAN = "prop-plan";
    private static final java.util.concurrent.atomic.AtomicInteger PLAN_SEQ = new java.util.concurrent.atomic.AtomicInteger();

    @Autowired
    ExecutionGraphQlService service;

    private String ownValue;

    // ---- the property every mutation must have ----

    private void refused(NtmPrincipal as, String mutation, String inputType, Map<String, Object> input) {
        if (ownValue == null) {
            prepare();
        }
        SecurityContextHolder.getContext().setAuthentication(new NtmAuthentication(as));
        try {
            long before = head();
            GraphQlTester.Response response = ExecutionGraphQlServiceTester.create(service)
                    .document("mutation($i: " + inputType + "!) { " + mutation + "(input: $i) { errors { code field message } } }")
                    .variable("i", input)
                    .execute();
            List<org.springframework.graphql.ResponseError> requestErrors = new ArrayList<>();
            response.errors().satisfy(requestErrors::addAll);
            if (requestErrors.isEmpty()) {
                List<String> codes = response.path(mutation + ".errors[*].code").entityList(String.class).get();
                assertThat(codes).as("typed error for %s", input).isNotEmpty().allMatch(ERROR_CODES::contains);
                response.path(mutation + ".errors[0].message").entity(String.class).satisfies(m -> assertThat(m).isNotBlank());
            } else {
                assertThat(requestErrors).as("typed request error for %s", input).allSatisfy(e -> {
                    assertThat(e.getErrorType()).isEqualTo(org.springframework.graphql.execution.ErrorType.BAD_REQUEST);
                    assertThat(e.getExtensions().get("code")).isIn("INVALID_INPUT", "MALFORMED_TEXT");
                    assertThat(e.getMessage()).isNotBlank().doesNotContain("Exception", "java.");
                    assertThat(String.valueOf(e.getExtensions().getOrDefault("field", e.getExtensions().get("argument"))))
                            .as("names the field").isNotEqualTo("null");
                });
            }
            assertThat(head()).as("nothing stored for %s", input).isEqualTo(before);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private long head() {
        Long max = jdbc.queryForObject("select coalesce(max(global_index), 0) from event_store.domain_event_entry", Long.class);
        return max == null ? 0 : max;
    }

    /** Once per property (jqwik makes an instance per property): the records the base inputs refer to. */
    private void prepare() {
        awaitProjections();
        SecurityContextHolder.getContext().setAuthentication(new NtmAuthentication(ADMIN));
        try {
            var tester = ExecutionGraphQlServiceTester.create(service);
            if (jdbc.queryForObject("select count(*) from read_model.criteria_set where set_id = 'prop-set'", Integer.class) == 0) {
                tester.document("mutation($i: PublishCriteriaSetInput!) { publishCriteriaSet(input: $i) { errors { code } } }")
                        .variable("i", Map.of("document", setDocument("prop-set", "80"))).execute()
                        .path("publishCriteriaSet.errors").entityList(Object.class).hasSize(0);
                tester.document("mutation($i: RegisterAccountInput!) { registerAccount(input: $i) { errors { code } } }")
                        .variable("i", Map.of("username", "prop.target", "displayName", "Prop", "role", "AUDITOR",
                                "password", "prop-password-1")).execute()
                        .path("registerAccount.errors").entityList(Object.class).hasSize(0);
                tester.document("mutation($i: RegisterAccountInput!) { registerAccount(input: $i) { errors { code } } }")
                        .variable("i", Map.of("username", "prop.disabled", "displayName", "Prop", "role", "AUDITOR")).execute()
                        .path("registerAccount.errors").entityList(Object.class).hasSize(0);
                tester.document("mutation($i: AccountStateInput!) { disableAccount(input: $i) { errors { code } } }")
                        .variable("i", Map.of("username", "prop.disabled", "reason", "test")).execute()
                        .path("disableAccount.errors").entityList(Object.class).hasSize(0);
                tester.document("mutation($i: ResponsibilityInput!) { assignResponsibility(input: $i) { errors { code } } }")
                        .variable("i", Map.of("agencyId", "872-yte", "setId", "prop-set", "indicatorCodes", List.of("1.1"),
                                "basis", Map.of("number", "1/QĐ-PROP"))).execute()
                        .path("assignResponsibility.errors").entityList(Object.class).hasSize(0);
            }
            SecurityContextHolder.getContext().setAuthentication(new NtmAuthentication(OFFICE));
            if (jdbc.queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier = ?",
                    Integer.class, "recognition:" + CASE) == 0) {
                ExecutionGraphQlServiceTester.create(service)
                        .document("mutation($i: OpenRecognitionCaseInput!) { openRecognitionCase(input: $i) { errors { code } } }")
                        .variable("i", Map.of("unitCode", "30049", "setId", NTM, "year", 2023)).execute()
                        .path("openRecognitionCase.errors").entityList(Object.class).hasSize(0);
            }
            if (jdbc.queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier = ?",
                    Integer.class, "reporting:872/prop-duty") == 0) {
                ExecutionGraphQlServiceTester.create(service)
                        .document("mutation($i: EstablishReportingDutyInput!) { establishReportingDuty(input: $i) { errors { code } } }")
                        .variable("i", dutyInput("prop-duty")).execute()
                        .path("establishReportingDuty.errors").entityList(Object.class).hasSize(0);
                ExecutionGraphQlServiceTester.create(service)
                        .document("mutation($i: SubmitReportInput!) { submitReport(input: $i) { errors { code } } }")
                        .variable("i", map("unitCode", "872", "dutyId", "prop-duty", "submissionId", "prop-sub",
                                "body", TNMT, "period", "2024-Q1", "submittedOn", "2024-03-10")).execute()
                        .path("submitReport.errors").entityList(Object.class).hasSize(0);
            }
            if (jdbc.queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier = ?",
                    Integer.class, "target:872/prop-target") == 0) {
                ExecutionGraphQlServiceTester.create(service)
                        .document("mutation($i: SetTargetInput!) { setTarget(input: $i) { errors { code } } }")
                        .variable("i", map("unitCode", "872", "targetId", "prop-target", "content", targetContent("55")))
                        .execute().path("setTarget.errors").entityList(Object.class).hasSize(0);
            }
            if (jdbc.queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier = ?",
                    Integer.class, "plan:" + PLAN) == 0) {
                ExecutionGraphQlServiceTester.create(service)
                        .document("mutation($i: IssuePlanInput!) { issuePlan(input: $i) { errors { code } } }")
                        .variable("i", map("planId", PLAN, "unitCode", "872", "number", "1/KH-PROP", "date", "2024-01-26",
                                "issuer", map("name", "UBND huyện Tháp Mười"), "year", 2024, "title", "Kế hoạch thử"))
                        .execute().path("issuePlan.errors").entityList(Object.class).hasSize(0);
                ExecutionGraphQlServiceTester.create(service)
                        .document("mutation($i: AddPlanItemInput!) { addPlanItem(input: $i) { errors { code } } }")
                        .variable("i", map("planId", PLAN, "unitCode", "872", "itemId", "i1", "content", "Mục thử",
                                "unitCodes", List.of("872"), "lead", map("name", "Phòng Tài nguyên và Môi trường"),
                                "deadline", "Tháng 6/2024"))
                        .execute().path("addPlanItem.errors").entityList(Object.class).hasSize(0);
            }
            if (jdbc.queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier = ?",
                    Integer.class, "30049@" + MODEL) == 0) {
                ExecutionGraphQlServiceTester.create(service)
                        .document("mutation($i: TrackUnitInput!) { trackUnit(input: $i) { errors { code } } }")
                        .variable("i", map("unitCode", "30049", "setId", MODEL)).execute()
                        .path("trackUnit.errors").entityList(Object.class).hasSize(0);
            }
            ownValue = ExecutionGraphQlServiceTester.create(service)
                    .document("mutation($i: RecordIndicatorValueInput!) { recordIndicatorValue(input: $i) { entryId errors { code } } }")
                    .variable("i", Map.of("unitCode", "30049", "setId", NTM, "indicatorCode", "17.7",
                            "value", Map.of("kind", "PERCENTAGE", "percentage", 70), "period", Map.of("start", "2024-01-26")))
                    .execute().path("recordIndicatorValue.entryId").entity(String.class).get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    // ---- one property per mutation ----

    @Property(tries = TRIES)
    void registerUnit(@ForAll("badRegisterUnit") Map<String, Object> input) {
        refused(ADMIN, "registerUnit", "RegisterUnitInput", input);
    }

    @Property(tries = TRIES)
    void registerVillage(@ForAll("badRegisterVillage") Map<String, Object> input) {
        refused(ADMIN, "registerUnit", "RegisterUnitInput", input);
    }

    @Property(tries = TRIES)
    void renameUnit(@ForAll("badRenameUnit") Map<String, Object> input) {
        refused(ADMIN, "renameUnit", "RenameUnitInput", input);
    }

    @Property(tries = TRIES)
    void reorganizeUnit(@ForAll("badReorganizeUnit") Map<String, Object> input) {
        refused(ADMIN, "reorganizeUnit", "ReorganizeUnitInput", input);
    }

    @Property(tries = TRIES)
    void ceaseUnit(@ForAll("badCeaseUnit") Map<String, Object> input) {
        refused(ADMIN, "ceaseUnit", "CeaseUnitInput", input);
    }

    @Property(tries = TRIES)
    void openRecognitionCase(@ForAll("badOpenRecognitionCase") Map<String, Object> input) {
        refused(OFFICE, "openRecognitionCase", "OpenRecognitionCaseInput", input);
    }

    @Property(tries = TRIES)
    void recordSatisfactionSurvey(@ForAll("badSurvey") Map<String, Object> input) {
        refused(OFFICE, "recordSatisfactionSurvey", "SatisfactionSurveyInput", input);
    }

    @Property(tries = TRIES)
    void recordAppraisalOfADistrictTitle(@ForAll("badCentralAppraisal") Map<String, Object> input) {
        refused(CENTRAL, "recordAppraisal", "AppraisalInput", input);
    }

    @Property(tries = TRIES)
    void orderReappraisal(@ForAll("badOrderReappraisal") Map<String, Object> input) {
        refused(ADMIN, "orderReappraisal", "OrderReappraisalInput", input);
    }

    @Property(tries = TRIES)
    void changeUnitParent(@ForAll("badChangeUnitParent") Map<String, Object> input) {
        refused(ADMIN, "changeUnitParent", "ChangeUnitParentInput", input);
    }

    @Property(tries = TRIES)
    void publishCriteriaSet(@ForAll("badPublishCriteriaSet") Map<String, Object> input) {
        refused(ADMIN, "publishCriteriaSet", "PublishCriteriaSetInput", input);
    }

    @Property(tries = TRIES)
    void amendCriteriaSet(@ForAll("badAmendCriteriaSet") Map<String, Object> input) {
        refused(ADMIN, "amendCriteriaSet", "AmendCriteriaSetInput", input);
    }

    @Property(tries = TRIES)
    void amendCriteriaSetStructure(@ForAll("badAmendCriteriaSetStructure") Map<String, Object> input) {
        refused(ADMIN, "amendCriteriaSet", "AmendCriteriaSetInput", input);
    }

    @Property(tries = TRIES)
    void trackUnit(@ForAll("badTrackUnit") Map<String, Object> input) {
        refused(ADMIN, "trackUnit", "TrackUnitInput", input);
    }

    @Property(tries = TRIES)
    void recordIndicatorValue(@ForAll("badRecordIndicatorValue") Map<String, Object> input) {
        refused(OFFICE, "recordIndicatorValue", "RecordIndicatorValueInput", input);
    }

    @Property(tries = TRIES)
    void correctIndicatorValue(@ForAll("badCorrectIndicatorValue") Map<String, Object> input) {
        if (ownValue == null) {
            prepare();
        }
        refused(OFFICE, "correctIndicatorValue", "CorrectIndicatorValueInput", withOwnValue(input));
    }

    @Property(tries = TRIES)
    void markIndicatorNotAssessed(@ForAll("badMarkIndicatorNotAssessed") Map<String, Object> input) {
        refused(OFFICE, "markIndicatorNotAssessed", "MarkIndicatorNotAssessedInput", input);
    }

    @Property(tries = TRIES)
    void recordItemAssessment(@ForAll("badRecordItemAssessment") Map<String, Object> input) {
        refused(OFFICE, "recordItemAssessment", "RecordItemAssessmentInput", input);
    }

    @Property(tries = TRIES)
    void recordIndicatorDecision(@ForAll("badRecordIndicatorDecision") Map<String, Object> input) {
        refused(OFFICE, "recordIndicatorDecision", "RecordIndicatorDecisionInput", input);
    }

    @Property(tries = TRIES)
    void registerAgency(@ForAll("badRegisterAgency") Map<String, Object> input) {
        refused(ADMIN, "registerAgency", "RegisterAgencyInput", input);
    }

    @Property(tries = TRIES)
    void assignResponsibility(@ForAll("badAssignResponsibility") Map<String, Object> input) {
        refused(ADMIN, "assignResponsibility", "ResponsibilityInput", input);
    }

    @Property(tries = TRIES)
    void withdrawResponsibility(@ForAll("badWithdrawResponsibility") Map<String, Object> input) {
        refused(ADMIN, "withdrawResponsibility", "ResponsibilityInput", input);
    }

    @Property(tries = TRIES)
    void registerAccount(@ForAll("badRegisterAccount") Map<String, Object> input) {
        refused(ADMIN, "registerAccount", "RegisterAccountInput", input);
    }

    @Property(tries = TRIES)
    void changeAccountRole(@ForAll("badChangeAccountRole") Map<String, Object> input) {
        refused(ADMIN, "changeAccountRole", "ChangeAccountRoleInput", input);
    }

    @Property(tries = TRIES)
    void disableAccount(@ForAll("badAccountState") Map<String, Object> input) {
        refused(ADMIN, "disableAccount", "AccountStateInput", input);
    }

    /** A key rotation refused leaves no key behind either (the keys are made before the command is checked). */
    @Property(tries = TRIES)
    void rotateIntegrityKeys(@ForAll("badRotateIntegrityKeys") Map<String, Object> input) throws Exception {
        refused(ADMIN, "rotateIntegrityKeys", "RotateIntegrityKeysInput", input);
        try (var files = java.nio.file.Files.list(keyDirectory)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("keys left for %s", input)
                    .noneMatch(name -> name.startsWith("pending-") || name.startsWith("seal-"));
        }
    }

    @org.springframework.beans.factory.annotation.Value("${ntm.integrity.key-directory}")
    java.nio.file.Path keyDirectory;

    @Property(tries = TRIES)
    void enableAccount(@ForAll("badEnableAccount") Map<String, Object> input) {
        refused(ADMIN, "enableAccount", "AccountStateInput", input);
    }

    @Property(tries = TRIES)
    void issuePlan(@ForAll("badIssuePlan") Map<String, Object> input) {
        refused(OFFICE, "issuePlan", "IssuePlanInput", input);
    }

    @Property(tries = TRIES)
    void amendPlan(@ForAll("badAmendPlan") Map<String, Object> input) {
        refused(OFFICE, "amendPlan", "AmendPlanInput", input);
    }

    @Property(tries = TRIES)
    void addPlanItem(@ForAll("badAddPlanItem") Map<String, Object> input) {
        refused(OFFICE, "addPlanItem", "AddPlanItemInput", input);
    }

    @Property(tries = TRIES)
    void notePlanTaskProgress(@ForAll("badNotePlanTaskProgress") Map<String, Object> input) {
        refused(OFFICE, "notePlanTaskProgress", "NotePlanTaskProgressInput", input);
    }

    @Property(tries = TRIES)
    void closePlanTask(@ForAll("badDecidePlanTask") Map<String, Object> input) {
        refused(OFFICE, "closePlanTask", "DecidePlanTaskInput", input);
    }

    @Property(tries = TRIES)
    void reopenPlanTask(@ForAll("badDecidePlanTask") Map<String, Object> input) {
        refused(OFFICE, "reopenPlanTask", "DecidePlanTaskInput", input);
    }

    @Property(tries = TRIES)
    void recordPlanFunds(@ForAll("badRecordPlanFunds") Map<String, Object> input) {
        refused(OFFICE, "recordPlanFunds", "RecordPlanFundsInput", input);
    }

    @Property(tries = TRIES)
    void setAccountPassword(@ForAll("badSetAccountPassword") Map<String, Object> input) {
        refused(ADMIN, "setAccountPassword", "SetAccountPasswordInput", input);
    }

    @Property(tries = TRIES)
    void establishReportingDuty(@ForAll("badEstablishReportingDuty") Map<String, Object> input) {
        refused(OFFICE, "establishReportingDuty", "EstablishReportingDutyInput", input);
    }

    @Property(tries = TRIES)
    void submitReport(@ForAll("badSubmitReport") Map<String, Object> input) {
        refused(OFFICE, "submitReport", "SubmitReportInput", input);
    }

    @Property(tries = TRIES)
    void correctReportSubmission(@ForAll("badCorrectReportSubmission") Map<String, Object> input) {
        refused(OFFICE, "correctReportSubmission", "CorrectReportSubmissionInput", input);
    }

    @Property(tries = TRIES)
    void setTarget(@ForAll("badSetTarget") Map<String, Object> input) {
        refused(OFFICE, "setTarget", "SetTargetInput", input);
    }

    @Property(tries = TRIES)
    void amendTarget(@ForAll("badAmendTarget") Map<String, Object> input) {
        refused(OFFICE, "amendTarget", "AmendTargetInput", input);
    }

    @Property(tries = TRIES)
    void withdrawTarget(@ForAll("badWithdrawTarget") Map<String, Object> input) {
        refused(OFFICE, "withdrawTarget", "WithdrawTargetInput", input);
    }

    // ---- inputs: a valid base, then one to three fields broken ----

    private static final Map<String, Object> TNMT = Map.of("name", "Phòng Tài nguyên và Môi trường huyện",
            "agencyId", "872-tnmt");

    /** Seed 003 line 81's income target, with the value given. */
    private static Map<String, Object> targetContent(String value) {
        return map("kind", "INDICATOR_VALUE", "statement", "Phấn đấu thu nhập năm 2024 đạt 60,5 triệu đồng/người/năm",
                "year", 2024, "measure", "Thu nhập bình quân đầu người", "value", new BigDecimal(value),
                "valueAsWritten", value + " triệu đồng/người/năm", "baseline", new BigDecimal("56.15"),
                "baselineYear", 2023, "baselineAsWritten", "56,15 triệu đồng", "deadlineAsWritten", "năm 2024",
                "source", map("number", "KH-2024", "date", "2024-01-15"), "provenance", "seed 003 line 81");
    }

    private static Breaker[] contentBreakers() {
        return new Breaker[] {
            breaker("content.kind", Arbitraries.of("TITLE", "UNITS_REACHING_TITLE", "CRITERIA_MET")),
            breaker("content.statement", badText(2000)),
            breaker("content.year", Arbitraries.of(0, -5, 1999, 2101, 3000)),
            breaker("content.setId", Arbitraries.oneOf(badPresentCode(), unknownCode())),
            breaker("content.indicatorCode", Arbitraries.oneOf(badPresentCode(), Arbitraries.of("17.7"))),
            breaker("content.measure", badText(200)),
            breaker("content.value", Arbitraries.oneOf(negative(),
                    Arbitraries.of(new BigDecimal("1E+17"), new BigDecimal("0.1234567")))),
            breaker("content.valueAsWritten", badText(200)),
            breaker("content.baseline", negative()),
            breaker("content.baselineYear", Arbitraries.of(1999, 2025, 3000)),
            breaker("content.baselineAsWritten", badNonEmptyText(200)),
            breaker("content.count", Arbitraries.of(1, 5, 0)),
            breaker("content.unitCodes", Arbitraries.of(List.of("30049"), List.of("x y"))),
            breaker("content.deadlineAsWritten", Arbitraries.oneOf(badText(200), Arbitraries.of("sớm nhất có thể"))),
            breaker("content.deadlineLastDay", Arbitraries.oneOf(badDate(), Arbitraries.of("2024-06-30"))),
            breaker("content.source.number", badText(200)), breaker("content.source.date", badDate()),
            breaker("content.provenance", badNonEmptyText(200))};
    }

    @Provide
    Arbitrary<Map<String, Object>> badSetTarget() {
        List<Breaker> breakers = new ArrayList<>(List.of(contentBreakers()));
        breakers.add(breaker("unitCode", Arbitraries.oneOf(badCode(), unknownCode(), Arbitraries.of("30199", "875"))));
        breakers.add(breaker("targetId", Arbitraries.oneOf(badCode(), Arbitraries.of("prop-target"))));
        return broken(Arbitraries.strings().withCharRange('a', 'z').ofLength(10).map(s -> map("unitCode", "872",
                "targetId", "prop-" + s, "content", targetContent("60.5"))), breakers.toArray(Breaker[]::new));
    }

    @Provide
    Arbitrary<Map<String, Object>> badAmendTarget() {
        List<Breaker> breakers = new ArrayList<>(List.of(contentBreakers()));
        breakers.add(breaker("unitCode", Arbitraries.oneOf(badCode(), unknownCode(), Arbitraries.of("30199"))));
        breakers.add(breaker("targetId", Arbitraries.oneOf(badCode(), unknownCode())));
        breakers.add(breaker("reason", badText(2000)));
        return broken(Arbitraries.integers().between(56, 99).map(v -> map("unitCode", "872", "targetId",
                "prop-target", "content", targetContent(String.valueOf(v)), "reason", "điều chỉnh")),
                breakers.toArray(Breaker[]::new));
    }

    @Provide
    Arbitrary<Map<String, Object>> badWithdrawTarget() {
        return broken(Arbitraries.just(map("unitCode", "872", "targetId", "prop-target", "reason", "rút",
                        "basis", map("number", "1/QĐ", "date", "2024-06-01"))),
                breaker("unitCode", Arbitraries.oneOf(badCode(), unknownCode(), Arbitraries.of("30199"))),
                breaker("targetId", Arbitraries.oneOf(badCode(), unknownCode())),
                breaker("reason", badText(2000)),
                breaker("basis.number", badText(200)), breaker("basis.date", badDate()));
    }

    private static Map<String, Object> dutyInput(String dutyId) {
        return map("unitCode", "872", "dutyId", dutyId, "title", "Định kỳ báo cáo kết quả thực hiện",
                "recipient", map("name", "Văn phòng Điều phối huyện"), "owedBy", List.of(TNMT),
                "scheduleAsWritten", "Hàng tháng vào ngày 20 của tháng, quý … vào ngày 10 của tháng cuối quý",
                "schedule", List.of(map("frequency", "MONTHLY", "day", 20), map("frequency", "QUARTERLY", "day", 10)),
                "basis", map("number", "317/KH-UBND", "date", "2024-01-26"), "source", "seed 000 line 134");
    }

    @Provide
    Arbitrary<Map<String, Object>> badEstablishReportingDuty() {
        return broken(Arbitraries.strings().withCharRange('a', 'z').ofLength(10).map(s -> dutyInput("prop-" + s)),
                breaker("unitCode", Arbitraries.oneOf(badCode(), unknownCode(), Arbitraries.of("30199", "875"))),
                breaker("dutyId", Arbitraries.oneOf(badCode(), Arbitraries.of("prop-duty"))),
                breaker("title", badText(2000)), breaker("recipient.name", badText(200)),
                breaker("recipient.agencyId", Arbitraries.oneOf(badPresentCode(), unknownCode())),
                breaker("owedBy", Arbitraries.oneOf(
                        Arbitraries.just(List.of()),
                        Arbitraries.just(List.of(TNMT, TNMT)),
                        badText(200).map(n -> List.of(map("name", n))),
                        unknownCode().map(c -> List.of(map("name", "Phòng", "agencyId", c))),
                        unknownCode().map(c -> List.of(map("name", "UBND", "unitCode", c))),
                        Arbitraries.integers().between(101, 120).map(n -> repeat(map("name", "Phòng"), n)))),
                breaker("scheduleAsWritten", badText(2000)),
                breaker("schedule", Arbitraries.oneOf(
                        Arbitraries.of(0, -1, 32, 100).map(d -> List.of(map("frequency", "MONTHLY", "day", d))),
                        Arbitraries.just(List.of(map("frequency", "YEARLY", "day", 10))),
                        Arbitraries.of(0, 13).map(m -> List.of(map("frequency", "YEARLY", "day", 10, "month", m))),
                        Arbitraries.just(List.of(map("frequency", "MONTHLY", "day", 20, "month", 11))),
                        Arbitraries.just(List.of(map("frequency", "QUARTERLY", "day", 10),
                                map("frequency", "QUARTERLY", "day", 20))))),
                breaker("dueAsWritten", Arbitraries.oneOf(Arbitraries.of("đến ngày 10/7/2024", "Quý II/2024"),
                        badNonEmptyText(200))),
                breaker("dueLastDay", Arbitraries.oneOf(Arbitraries.of("2024-07-10"), badDate())),
                breaker("basis.number", badText(200)), breaker("basis.date", badDate()),
                breaker("source", badNonEmptyText(200)));
    }

    private static Arbitrary<Map<String, Object>> badSubmission(Map<String, Object> base, Breaker... more) {
        List<Breaker> breakers = new ArrayList<>(List.of(
                breaker("unitCode", Arbitraries.oneOf(badCode(), unknownCode(), Arbitraries.of("30199"))),
                breaker("dutyId", Arbitraries.oneOf(badCode(), unknownCode())),
                breaker("submissionId", Arbitraries.oneOf(badPresentCode(), Arbitraries.of("prop-sub"))),
                breaker("body", Arbitraries.oneOf(
                        badText(200).map(n -> map("name", n, "agencyId", "872-tnmt")),
                        Arbitraries.just(map("name", "Phòng Y tế")),
                        unknownCode().map(c -> map("name", "Phòng", "agencyId", c)),
                        badPresentCode().map(c -> map("name", "Phòng", "agencyId", c)))),
                breaker("period", Arbitraries.of("", "2024-W1", "2024-13", "Q1-2024", "1999-Q1", "2099-Q1", "2024-H1",
                        "2024-M9", "2024")),
                breaker("submittedOn", Arbitraries.oneOf(badDate(), Arbitraries.of("2023-12-31"))),
                breaker("document.number", badText(200)), breaker("document.date", badDate())));
        breakers.addAll(List.of(more));
        return broken(Arbitraries.just(base), breakers.toArray(Breaker[]::new));
    }

    @Provide
    Arbitrary<Map<String, Object>> badSubmitReport() {
        return badSubmission(map("unitCode", "872", "dutyId", "prop-duty", "body", TNMT, "period", "2024-Q1",
                "submittedOn", "2024-03-12", "document", map("number", "15/BC-TNMT", "date", "2024-03-12"),
                "note", "ghi chú"), breaker("note", badNonEmptyText(2000)));
    }

    @Provide
    Arbitrary<Map<String, Object>> badCorrectReportSubmission() {
        Map<String, Object> base = map("unitCode", "872", "dutyId", "prop-duty", "correctsSubmissionId", "prop-sub",
                "body", TNMT, "period", "2024-Q1", "submittedOn", "2024-03-09", "reason", "ngày nhận ghi nhầm");
        return badSubmission(base,
                breaker("correctsSubmissionId", Arbitraries.oneOf(badCode(), Arbitraries.of("prop-unknown"))),
                breaker("reason", badText(2000)));
    }

    // plans: every base input is valid against the plan prepare() issues; each breaker breaks one rule

    @Provide
    Arbitrary<Map<String, Object>> badIssuePlan() {
        return broken(Arbitraries.just(0).map(x -> map("planId", "prop-plan-" + PLAN_SEQ.incrementAndGet(),
                        "unitCode", "872", "number", "1/KH-PROP", "date", "2024-01-26",
                        "issuer", map("name", "UBND huyện Tháp Mười"), "year", 2024, "title", "Kế hoạch thử")),
                breaker("planId", Arbitraries.oneOf(badCode(), Arbitraries.of(PLAN))),
                breaker("unitCode", Arbitraries.oneOf(badCode(), unknownCode())),
                breaker("number", badText(200)), breaker("date", badDate()),
                breaker("issuer.name", badText(200)), breaker("year", Arbitraries.of(0, -5, 1999, 2101, 3000)),
                breaker("title", badText(2000)),
                breaker("aims[0]", badText(2000).map(t -> map("title", t))),
                breaker("legalBases[0]", Arbitraries.oneOf(badText(200).map(t -> map("number", t)),
                        badDate().map(d -> map("number", "1/QĐ", "date", d)))));
    }

    @Provide
    Arbitrary<Map<String, Object>> badAmendPlan() {
        return broken(Arbitraries.just(map("planId", PLAN, "unitCode", "872", "date", "2024-03-01",
                        "changes", "Điều chỉnh", "reason", "Lý do")),
                breaker("planId", Arbitraries.oneOf(badCode(), unknownCode())),
                breaker("unitCode", Arbitraries.oneOf(badCode(), unknownCode(), Arbitraries.of("30049"))),
                breaker("date", badDate()), breaker("changes", badText(2000)), breaker("reason", badText(2000)),
                breaker("title", badNonEmptyText(2000)), breaker("document.number", badText(200)));
    }

    @Provide
    Arbitrary<Map<String, Object>> badAddPlanItem() {
        return broken(Arbitraries.just(map("planId", PLAN, "unitCode", "872", "itemId", "prop-new",
                        "setId", "dongthap-district-advanced-2021-2025", "indicatorCode", "7.4", "content", "Mục",
                        "unitCodes", List.of("872"), "lead", map("name", "Phòng Tài nguyên và Môi trường"),
                        "deadline", "Tháng 6/2024", "cost", map("vnd", new BigDecimal("970000000"),
                                "asWritten", "970 triệu"))),
                breaker("itemId", Arbitraries.oneOf(badCode(), Arbitraries.of("i1"))),
                breaker("unitCode", Arbitraries.oneOf(badCode(), unknownCode(), Arbitraries.of("30049"))),
                breaker("setId", unknownCode()), breaker("indicatorCode", Arbitraries.of("99.9", "7.99", "17.7")),
                breaker("content", badText(2000)),
                breaker("unitCodes", Arbitraries.oneOf(Arbitraries.of(List.of(), List.of("30199"), List.of("875")),
                        unknownCode().map(List::of), badCode().map(List::of))),
                breaker("lead.name", badText(200)),
                breaker("deadline", Arbitraries.of("", "  ", "sớm nhất có thể", "Tháng 13/2024", "Quý V/2024",
                        "trước ngày 10/11")),
                // a date not in the calendar (a date disagreeing with a readable deadline is refused too, but with
                // an unreadable one it is the date meant: DeadlinesTest and PlanTest)
                breaker("deadlineLastDay", Arbitraries.of("2024-02-30", "2024-06-31", "2024-13-01")),
                breaker("cost.vnd", Arbitraries.of(new BigDecimal("-1"), new BigDecimal("0.5"),
                        new BigDecimal("1E+17"))),
                breaker("funding[0]", Arbitraries.of(map("source", "RESIDENTS",
                        "amount", map("vnd", new BigDecimal("-300"))), map("source", "RESIDENTS",
                        "asWritten", "x".repeat(201)))));
    }

    @Provide
    Arbitrary<Map<String, Object>> badNotePlanTaskProgress() {
        return broken(Arbitraries.just(map("planId", PLAN, "unitCode", "872", "itemId", "i1", "taskUnitCode", "872",
                        "date", "2024-04-01", "by", map("name", "Phòng Tài nguyên và Môi trường"), "note", "Tiến độ")),
                breaker("planId", Arbitraries.oneOf(badCode(), unknownCode())),
                breaker("itemId", Arbitraries.of("nope", "i2")),
                breaker("taskUnitCode", Arbitraries.oneOf(unknownCode(), Arbitraries.of("30049", "30199"))),
                breaker("date", badDate()), breaker("by.name", badText(200)), breaker("note", badText(2000)),
                breaker("evidence[0]", badText(200).map(t -> map("number", t))));
    }

    @Provide
    Arbitrary<Map<String, Object>> badDecidePlanTask() {
        return broken(Arbitraries.just(map("planId", PLAN, "unitCode", "872", "itemId", "i1", "taskUnitCode", "872",
                        "date", "2024-04-01", "reason", "Lý do", "decision", map("number", "1/QĐ-PROP"))),
                breaker("planId", Arbitraries.oneOf(badCode(), unknownCode())),
                breaker("unitCode", Arbitraries.oneOf(badCode(), unknownCode(), Arbitraries.of("30049"))),
                breaker("itemId", Arbitraries.of("nope", "i2")),
                breaker("taskUnitCode", Arbitraries.oneOf(unknownCode(), Arbitraries.of("30049", "30199"))),
                breaker("date", badDate()), breaker("reason", badText(2000)),
                breaker("decision.number", badText(200)));
    }

    @Provide
    Arbitrary<Map<String, Object>> badRecordPlanFunds() {
        return broken(Arbitraries.just(map("planId", PLAN, "unitCode", "872", "itemId", "i1", "source", "RESIDENTS",
                        "stage", "MOBILISED", "amount", map("vnd", new BigDecimal("300000000"), "asWritten", "300 triệu"),
                        "date", "2023-08-01", "by", map("name", "UBND xã"))),
                breaker("planId", Arbitraries.oneOf(badCode(), unknownCode())),
                breaker("unitCode", Arbitraries.oneOf(badCode(), unknownCode(), Arbitraries.of("30049"))),
                breaker("itemId", Arbitraries.oneOf(badCode(), Arbitraries.of("nope"))),
                breaker("amount.vnd", Arbitraries.of(new BigDecimal("-1"), new BigDecimal("0.5"),
                        new BigDecimal("1E+17"))),
                breaker("amount.asWritten", badNonEmptyText(200)),
                breaker("date", badDate()), breaker("by.name", badText(200)),
                breaker("statedShare", badNonEmptyText(200)), breaker("document.number", badText(200)));
    }

    @Provide
    Arbitrary<Map<String, Object>> badRegisterUnit() {
        return broken(Arbitraries.integers().between(98000, 98999).map(n -> map("code", String.valueOf(n),
                        "name", "Thử", "fullName", "Xã Thử", "kind", "COMMUNE", "parentCode", "872",
                        "source", map("number", "1/QĐ", "date", "2024-01-01"))),
                breaker("code", Arbitraries.oneOf(badCode(), Arbitraries.of("3004", "300490", "30049", "1"))),
                breaker("name", badText(200)), breaker("fullName", badText(200)),
                breaker("parentCode", Arbitraries.oneOf(unknownCode(), Arbitraries.of("30052", "30049"))),
                breaker("kind", Arbitraries.of("PROVINCE", "DISTRICT")),
                breaker("source.number", badText(200)), breaker("source.date", badDate()));
    }

    /** A village (thôn) under xã Tân Kiều: its code is the commune's, a hyphen and the commune's own code for it. */
    @Provide
    Arbitrary<Map<String, Object>> badRegisterVillage() {
        return broken(Arbitraries.integers().between(1, 999).map(n -> map("code", "30049-thu-" + n,
                        "name", "Thử " + n, "fullName", "Thôn Thử " + n, "kind", "THON", "parentCode", "30049",
                        "source", map("number", "1/KH", "date", "2024-01-01"))),
                breaker("code", Arbitraries.oneOf(badCode(), Arbitraries.of("3004", "30049-", "30049-Thu", "30049-thử",
                        "30049--a", "30049-a_b", "30050-thu", "872-thu", "30049-" + "a".repeat(41)))),
                breaker("name", badText(200)), breaker("fullName", badText(200)),
                // under a district or a province, an unknown commune, or a commune the code does not name
                breaker("parentCode", Arbitraries.oneOf(unknownCode(), Arbitraries.of("872", "87", "30052"))),
                breaker("kind", Arbitraries.of("COMMUNE", "PROVINCE", "DISTRICT")),
                breaker("source.number", badText(200)), breaker("source.date", badDate()));
    }

    @Provide
    Arbitrary<Map<String, Object>> badRenameUnit() {
        return broken(Arbitraries.just(map("code", "30070", "name", "Láng Biển Mới", "fullName", "Xã Láng Biển Mới",
                        "basis", map("number", "1/NQ"))),
                breaker("code", Arbitraries.oneOf(badCode(), unknownCode())),
                breaker("name", badText(200)), breaker("fullName", badText(200)),
                breaker("basis.number", badText(200)), breaker("basis.date", badDate()));
    }

    @Provide
    Arbitrary<Map<String, Object>> badChangeUnitParent() {
        return broken(Arbitraries.just(map("code", "30070", "parentCode", "875", "basis", map("number", "1/NQ"))),
                breaker("code", Arbitraries.oneOf(badCode(), unknownCode())),
                breaker("parentCode", Arbitraries.oneOf(badCode(), unknownCode(), Arbitraries.of("30052", "30049", "872"))),
                breaker("basis.number", badText(200)), breaker("basis.date", badDate()));
    }

    @Provide
    Arbitrary<Map<String, Object>> badReorganizeUnit() {
        return broken(Arbitraries.just(map("code", "30070", "name", "Láng Biển Mới", "fullName", "Xã Láng Biển Mới",
                        "effectiveFrom", "2025-07-01", "basis", map("number", "1663/NQ-UBTVQH15", "date", "2025-06-16"))),
                breaker("code", Arbitraries.oneOf(badCode(), unknownCode())),
                breaker("name", badText(200)), breaker("fullName", badText(200)),
                breaker("kind", Arbitraries.of("PROVINCE", "DISTRICT", "CITY")),
                breaker("parentCode", Arbitraries.oneOf(badPresentCode(), unknownCode(), Arbitraries.of("30049"))),
                breaker("effectiveFrom", badDate()),
                breaker("basis.number", badText(200)), breaker("basis.date", badDate()));
    }

    @Provide
    Arbitrary<Map<String, Object>> badCeaseUnit() {
        return broken(Arbitraries.just(map("code", "30070", "effectiveFrom", "2025-07-01",
                        "successors", List.of(map("code", "30073")),
                        "basis", map("number", "1663/NQ-UBTVQH15", "date", "2025-06-16"))),
                breaker("code", Arbitraries.oneOf(badCode(), unknownCode())),
                breaker("successors", Arbitraries.oneOf(
                        Arbitraries.oneOf(badCode(), unknownCode()).map(c -> List.of(map("code", c))),
                        Arbitraries.of(List.of(map("code", "30070")), List.of(map("code", "872")),
                                List.of(map("code", "30073"), map("code", "30073", "share", "PART"))))),
                breaker("effectiveFrom", badDate()),
                breaker("basis.number", badText(200)), breaker("basis.date", badDate()));
    }

    @Provide
    Arbitrary<Map<String, Object>> badOpenRecognitionCase() {
        return broken(Arbitraries.just(map("unitCode", "30049", "setId", NTM, "year", 2025,
                        "basis", map("number", "1/KH-PROP", "date", "2024-12-01"))),
                breaker("unitCode", Arbitraries.oneOf(badCode(), unknownCode(), Arbitraries.of("872", "30199"))),
                breaker("setId", Arbitraries.oneOf(badCode(), unknownCode(), Arbitraries.of("civilized-urban-2022"))),
                breaker("year", Arbitraries.of(0, -5, 1900, 2009, 3000)),
                breaker("basis.number", badText(200)), breaker("basis.date", badDate()));
    }

    @Provide
    Arbitrary<Map<String, Object>> badSurvey() {
        return broken(Arbitraries.just(map("caseId", CASE, "organiser", "Ủy ban MTTQ xã", "date", "2024-06-01",
                        "overallRate", 95)),
                breaker("caseId", Arbitraries.oneOf(badCode(), unknownCode(), Arbitraries.of("30199@" + NTM + "@2023", "30073@" + NTM + "@2023"))),
                breaker("organiser", badText(200)), breaker("date", badDate()),
                breaker("overallRate", Arbitraries.of(-1, 100.5, 1000)),
                breaker("contentRates", Arbitraries.of(List.of(map("subject", "Giao thông", "rate", 150)),
                        List.of(map("subject", "", "rate", 50)))));
    }

    /** Lấp Vò's district case (submitted in the demo): the ministries' comments broken in every way. */
    @Provide
    Arbitrary<Map<String, Object>> badCentralAppraisal() {
        return broken(Arbitraries.just(map("caseId", "875@dongthap-district-ntm-2021-2025@2023", "votesFor", 0,
                        "votesAgainst", 5, "abstentions", 0, "propose", false, "comments", "hoàn thiện hồ sơ",
                        "bodyComments", List.of(map("body", "Bộ Xây dựng", "comment", "bổ sung minh chứng")))),
                breaker("caseId", Arbitraries.oneOf(badCode(), unknownCode())),
                breaker("votesFor", Arbitraries.of(-1, 1001)),
                breaker("comments", badText(4000)),
                breaker("bodyComments", Arbitraries.of(
                        List.of(map("body", "", "comment", "x")), List.of(map("body", "Bộ", "comment", "")),
                        List.of(map("body", "Bộ", "comment", "a"), map("body", "Bộ", "comment", "b")),
                        java.util.Collections.nCopies(101, map("body", "Bộ", "comment", "x")))));
    }

    @Provide
    Arbitrary<Map<String, Object>> badOrderReappraisal() {
        return broken(Arbitraries.just(map("unitCode", "30049", "setId", NTM, "againstVersion", 1,
                        "date", "2024-12-31", "reason", "rà soát theo phiên bản 1",
                        "basis", map("number", "1/KH-PROP", "date", "2024-12-01"))),
                breaker("unitCode", Arbitraries.oneOf(badCode(), unknownCode())),
                breaker("setId", Arbitraries.oneOf(badCode(), unknownCode())),
                breaker("againstVersion", Arbitraries.of(0, -1, 99)),
                breaker("againstSetId", Arbitraries.oneOf(badCode(), unknownCode(), Arbitraries.of("district-ntm-2021-2025"))),
                breaker("date", badDate()), breaker("reason", badText(2000)),
                breaker("basis.number", badText(200)), breaker("basis.date", badDate()));
    }

    @Provide
    Arbitrary<Map<String, Object>> badPublishCriteriaSet() {
        Arbitrary<String> id = Arbitraries.strings().withCharRange('a', 'z').ofLength(10).map(s -> "prop-" + s);
        Arbitrary<String> bad = Arbitraries.oneOf(
                id.map(i -> setDocument(i, "180")),
                id.map(i -> setDocument(i, "-5")),
                id.map(i -> setDocument(i, "80").replace("PERCENT_AT_LEAST", "MOSTLY")),
                id.map(i -> setDocument(i, "80").replace("threshold:", "treshold:")),
                id.map(i -> setDocument(i, "80").replace("level: COMMUNE", "level: GALAXY")),
                id.map(i -> setDocument(i, "80").replace("code: \"1.1\"", "code: \"1 1\"")),
                id.map(i -> setDocument(i, "80").replace("{code: \"2\"", "{code: \"1\"")),
                id.map(i -> setDocument(i, "80").replace("2022-01-01", "2099-01-01")),
                id.map(i -> setDocument(i, "80").replace("title: \"Prop\"", "title: \"\"")),
                id.map(i -> setDocument(i, "80").replace("title: \"Prop\"", "title: \"Prop\\u0000\"")),
                id.map(i -> setDocument(i, "80") + "\nunexpected: [unclosed"),
                Arbitraries.just(setDocument(NTM, "80")),
                Arbitraries.strings().ofMaxLength(200).map(s -> "%%%" + s),
                Arbitraries.of("", "   ", "[]", "42", "null", "id: x"));
        return bad.map(document -> map("document", document));
    }

    @Provide
    Arbitrary<Map<String, Object>> badAmendCriteriaSet() {
        return broken(Arbitraries.integers().between(1, 90).map(t -> map("setId", "prop-set",
                        "legalBasis", map("decision", "2/QĐ-PROP", "date", "2024-01-01"), "effectiveFrom", "2024-01-01",
                        "reason", "r", "changes", List.of(map("indicatorCode", "1.1", "threshold", 80 + t % 10 + 1)))),
                breaker("setId", Arbitraries.oneOf(badCode(), unknownCode())),
                breaker("legalBasis.decision", badText(200)), breaker("legalBasis.date", badDate()),
                breaker("effectiveFrom", Arbitraries.of("2000-01-01", "1999-12-31", "2021-12-31")),
                breaker("reason", oversized(2000)),
                breaker("changes", Arbitraries.oneOf(
                        Arbitraries.of(List.of(), List.of(map("indicatorCode", "9.9", "threshold", 50)),
                                List.of(map("indicatorCode", "1.1", "threshold", 50), map("indicatorCode", "1.1", "threshold", 60))),
                        Arbitraries.oneOf(over100(), negative()).map(t -> List.of(map("indicatorCode", "1.1", "threshold", t))),
                        Arbitraries.oneOf(badCode(), Arbitraries.of("7.7", "2")).map(c -> List.of(map("indicatorCode", c, "threshold", 50))),
                        badNonEmptyText(2000).map(t -> List.of(map("indicatorCode", "1.1", "threshold", 55, "text", t))))));
    }

    private static Map<String, Object> structure(String change, String criterion, String indicator,
                                                 List<String> indicators, String reason) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("change", change);
        if (criterion != null) {
            m.put("criterionCode", criterion);
        }
        if (indicator != null) {
            m.put("indicatorCode", indicator);
        }
        m.put("indicators", indicators);
        m.put("reason", reason);
        return m;
    }

    @Provide
    Arbitrary<Map<String, Object>> badAmendCriteriaSetStructure() {
        String achieved = "{code: '%s', text: t, requirement: {kind: ACHIEVED}}";
        return broken(Arbitraries.integers().between(1, 90).map(n -> map("setId", "prop-set",
                        "legalBasis", map("decision", "3/QĐ-PROP", "date", "2024-01-01"), "effectiveFrom", "2024-01-01",
                        "reason", "r", "structureChanges", List.of(structure("ADDED", "1", null,
                                List.of(achieved.formatted("1.p" + n)), "thêm")))),
                breaker("setId", Arbitraries.oneOf(badCode(), unknownCode())),
                breaker("effectiveFrom", Arbitraries.of("2000-01-01", "2021-12-31")),
                breaker("structureChanges", Arbitraries.oneOf(
                        Arbitraries.of(
                                List.of(),
                                // the last indicator of criterion 2, an unknown one
                                List.of(structure("REMOVED", null, "2.1", List.of(), "bỏ")),
                                List.of(structure("REMOVED", null, "9.9", List.of(), "bỏ")),
                                // a split into one part, or into the old code
                                List.of(structure("SPLIT", null, "1.1", List.of(achieved.formatted("1.1a")), "tách")),
                                List.of(structure("SPLIT", null, "1.1", List.of(achieved.formatted("1.1"),
                                        achieved.formatted("1.1b")), "tách")),
                                // a code the set has, a criterion it lacks
                                List.of(structure("ADDED", "1", null, List.of(achieved.formatted("2.1")), "thêm")),
                                List.of(structure("ADDED", "7", null, List.of(achieved.formatted("7.1")), "thêm")),
                                // a change of kind that keeps the kind, or the code that changes
                                List.of(structure("KIND_CHANGED", null, "1.1", List.of(
                                        "{code: '1.1', text: t, requirement: {kind: PERCENT_AT_LEAST}}"), "đổi")),
                                List.of(structure("KIND_CHANGED", null, "1.1", List.of(achieved.formatted("1.x")), "đổi")),
                                // the same indicator twice
                                List.of(structure("REMOVED", null, "1.1", List.of(), "bỏ"),
                                        structure("KIND_CHANGED", null, "1.1", List.of(achieved.formatted("1.1")), "đổi"))),
                        // a broken indicator document, a missing or oversized reason
                        Arbitraries.of("", "{code: '1.q', text: t, requirement: {kind: ACHIEVED, treshold: 1}}",
                                        "[unclosed", "{code: '1 q', text: t, requirement: {kind: ACHIEVED}}",
                                        "{code: '1.q', requirement: {kind: ACHIEVED}}",
                                        "{code: '1.q', text: t, requirement: {kind: PERCENT_AT_LEAST, threshold: 180}}")
                                .map(d -> List.of(structure("ADDED", "1", null, List.of(d), "thêm"))),
                        Arbitraries.oneOf(Arbitraries.of("", "   "), oversized(2000)).map(r -> List.of(
                                structure("ADDED", "1", null, List.of(achieved.formatted("1.r")), r))))));
    }

    @Provide
    Arbitrary<Map<String, Object>> badTrackUnit() {
        return broken(Arbitraries.just(map("unitCode", "30070", "setId", "prop-set", "region", "dbscl",
                        "basis", map("number", "1/KH"))),
                breaker("unitCode", Arbitraries.oneOf(badCode(), unknownCode(), Arbitraries.of("872", "87"))),
                breaker("setId", Arbitraries.oneOf(badCode(), unknownCode(), Arbitraries.of("dongthap-district-ntm-2021-2025"))),
                breaker("region", Arbitraries.oneOf(badPresentCode(), Arbitraries.of("atlantis", "DBSCL", "mekong"))),
                breaker("basis.number", badText(200)), breaker("basis.date", badDate()));
    }

    @Provide
    Arbitrary<Map<String, Object>> badRecordIndicatorValue() {
        return broken(Arbitraries.integers().between(0, 100).map(p -> map("unitCode", "30049", "setId", NTM,
                        "indicatorCode", "17.7", "value", map("kind", "PERCENTAGE", "percentage", p),
                        "period", map("start", "2024-01-01", "end", "2024-03-31"), "sourceAgency", "Phòng TN&MT",
                        "evidence", List.of(map("number", "12/BC", "date", "2024-04-01")), "note", "ghi chú",
                        "breakdown", List.of(map("subUnit", "Ấp 1", "quantity", 3)))),
                breaker("indicatorCode", Arbitraries.oneOf(badCode(), Arbitraries.of("17.8", "13", "99"))),
                breaker("setId", Arbitraries.oneOf(badCode(), unknownCode())),
                breaker("value", badValue()),
                breaker("period.start", badDate()), breaker("period.end", badDate()),
                breaker("period", Arbitraries.just(map("start", "2024-03-31", "end", "2024-01-01"))),
                breaker("sourceAgency", badNonEmptyText(200)), breaker("note", badNonEmptyText(2000)),
                breaker("evidence", Arbitraries.oneOf(
                        badText(200).map(n -> List.of(map("number", n))),
                        badDate().map(d -> List.of(map("number", "12/BC", "date", d))),
                        badNonEmptyText(2000).map(t -> List.of(map("number", "12/BC", "title", t))),
                        Arbitraries.integers().between(51, 80).map(n -> repeat(map("number", "1/BC"), n)))),
                breaker("breakdown", Arbitraries.oneOf(
                        badText(200).map(u -> List.of(map("subUnit", u, "quantity", 1))),
                        negative().map(q -> List.of(map("subUnit", "Ấp 1", "quantity", q))),
                        Arbitraries.integers().between(501, 520).map(n -> repeat(map("subUnit", "Ấp", "quantity", 1), n)),
                        // a part naming no registered unit, a unit outside xã Tân Kiều (a village of Cẩm Ngọc, another
                        // commune), or a malformed code
                        Arbitraries.oneOf(unknownCode(), badPresentCode(), Arbitraries.of("30049-khong-co", "15169-dong-lao",
                                "30073", "872")).map(u -> List.of(map("subUnit", "Ấp 1", "quantity", 1, "unitCode", u))))),
                // the commune's own figure: a number, not negative
                breaker("breakdownTotal", Arbitraries.oneOf(negative().map(q -> map("quantity", q)),
                        badNonEmptyText(200).map(m -> map("quantity", 3, "measure", m)))),
                breaker("valueId", Arbitraries.oneOf(badCode(), Arbitraries.of("demo-30049-17.7"))));
    }

    @Provide
    Arbitrary<Map<String, Object>> badCorrectIndicatorValue() {
        return broken(Arbitraries.integers().between(0, 100).map(p -> map("unitCode", "30049", "setId", NTM,
                        "correctsValueId", "OWN", "indicatorCode", "17.7", "reason", "số liệu nhầm",
                        "value", map("kind", "PERCENTAGE", "percentage", p))),
                breaker("correctsValueId", Arbitraries.oneOf(badCode(), unknownCode())),
                breaker("indicatorCode", Arbitraries.oneOf(badCode(), Arbitraries.of("13.3", "1"))),
                breaker("reason", badText(2000)), breaker("value", badValue()),
                breaker("period.start", badDate()),
                breaker("period", Arbitraries.just(map("start", "2024-03-31", "end", "2024-01-01"))),
                breaker("evidence", Arbitraries.just(List.of(map("number", "")))));
    }

    @Provide
    Arbitrary<Map<String, Object>> badMarkIndicatorNotAssessed() {
        return broken(Arbitraries.just(map("unitCode", "30049", "setId", NTM, "indicatorCode", "10",
                        "period", map("start", "2023-01-01", "end", "2023-12-31"), "reason", "chưa có số liệu")),
                breaker("indicatorCode", Arbitraries.oneOf(badCode(), Arbitraries.of("10.1", "20"))),
                breaker("reason", badText(2000)), breaker("period.start", badDate()), breaker("period.end", badDate()),
                breaker("evidence", Arbitraries.just(List.of(map("number", "1/BC", "date", "2099-01-01")))),
                breaker("valueId", Arbitraries.oneOf(badCode(), Arbitraries.of("demo-30049-17.7"))));
    }

    private static List<Object> conditions(String... states) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < states.length; i++) {
            items.add(map("itemCode", String.valueOf(i + 1), "state", states[i]));
        }
        return items;
    }

    /** Tân Kiều (30049, tracked against the model commune's four conditions by prepare()), item by item. */
    @Provide
    Arbitrary<Map<String, Object>> badRecordItemAssessment() {
        List<Object> four = conditions("MET", "NOT_MET", "NOT_MET", "NOT_ASSESSED");
        return broken(Arbitraries.just(map("unitCode", "30049", "setId", MODEL, "indicatorCode", "dieu-kien",
                        "period", map("start", "2024-03-31"), "items", four, "assessedBy", "UBND xã Tân Kiều")),
                breaker("unitCode", Arbitraries.oneOf(badCode(), unknownCode(), Arbitraries.of("30199"))),
                breaker("setId", Arbitraries.oneOf(badCode(), unknownCode(), Arbitraries.of(NTM))),
                breaker("indicatorCode", Arbitraries.oneOf(badCode(), Arbitraries.of("1", "17.7", "dieu-kien-x"))),
                breaker("items", Arbitraries.oneOf(
                        // left out, too many, unknown, twice, empty
                        Arbitraries.of(List.of(), conditions("MET", "MET", "MET"),
                                conditions("MET", "MET", "MET", "MET", "MET"),
                                List.of(map("itemCode", "1", "state", "MET"), map("itemCode", "2", "state", "MET"),
                                        map("itemCode", "3", "state", "MET"), map("itemCode", "9", "state", "MET")),
                                List.of(map("itemCode", "1", "state", "MET"), map("itemCode", "1", "state", "MET"),
                                        map("itemCode", "3", "state", "MET"), map("itemCode", "4", "state", "MET"))),
                        badCode().map(code -> {
                            List<Object> items = new ArrayList<>(conditions("MET", "MET", "MET", "MET"));
                            items.set(0, map("itemCode", code, "state", "MET"));
                            return items;
                        }),
                        badNonEmptyText(2000).map(note -> {
                            List<Object> items = new ArrayList<>(conditions("MET", "MET", "MET", "MET"));
                            items.set(0, map("itemCode", "1", "state", "MET", "note", note));
                            return items;
                        }))),
                breaker("period.start", badDate()), breaker("period.end", badDate()),
                breaker("assessedBy", badNonEmptyText(200)),
                breaker("evidence", Arbitraries.just(List.of(map("number", "1/BC", "date", "2099-01-01")))),
                breaker("reason", Arbitraries.just("không có lần đánh giá nào được đính chính")),
                breaker("correctsAssessmentId", Arbitraries.oneOf(unknownCode(),
                        Arbitraries.of("demo-30049-17.7", "demo-30199-dieu-kien-items"))),
                breaker("assessmentId", badCode()));
    }

    @Provide
    Arbitrary<Map<String, Object>> badRecordIndicatorDecision() {
        return broken(Arbitraries.just(map("unitCode", "30049", "setId", NTM, "indicatorCode", "1", "result", "MET",
                        "period", map("start", "2024-01-26"), "decidedBy", "UBND huyện Tháp Mười",
                        "basis", List.of(map("number", "317/KH-UBND")))),
                breaker("indicatorCode", Arbitraries.oneOf(badCode(), Arbitraries.of("1.1", "20"))),
                breaker("result", Arbitraries.just("NOT_ASSESSED")),
                breaker("decidedBy", badText(200)),
                breaker("basis", Arbitraries.oneOf(Arbitraries.just(List.of()),
                        badText(200).map(n -> List.of(map("number", n))),
                        badDate().map(d -> List.of(map("number", "317/KH-UBND", "date", d))))),
                breaker("period.start", badDate()), breaker("note", badNonEmptyText(2000)),
                breaker("decisionId", Arbitraries.oneOf(badCode(), Arbitraries.of("demo-30049-1-report"))));
    }

    @Provide
    Arbitrary<Map<String, Object>> badRegisterAgency() {
        return broken(Arbitraries.strings().withCharRange('a', 'z').ofLength(8).map(s -> map("agencyId", "prop-" + s,
                        "name", "Phòng Thử", "unitCode", "872", "basis", map("number", "1/QĐ"))),
                breaker("agencyId", Arbitraries.oneOf(badCode(), Arbitraries.of("872-tnmt"))),
                breaker("name", badText(200)), breaker("unitCode", Arbitraries.oneOf(badCode(), unknownCode())),
                breaker("basis.number", badText(200)), breaker("basis.date", badDate()));
    }

    @Provide
    Arbitrary<Map<String, Object>> badAssignResponsibility() {
        return broken(Arbitraries.of("13.3", "13").map(code -> map("agencyId", "872-yte", "setId", NTM,
                        code.contains(".") ? "indicatorCodes" : "criterionCodes", List.of(code),
                        "basis", map("number", "317/KH-UBND"))),
                breaker("agencyId", Arbitraries.oneOf(badCode(), unknownCode())),
                breaker("setId", Arbitraries.oneOf(badCode(), unknownCode())),
                breaker("indicatorCodes", Arbitraries.of(List.of("99.9"), List.of("1 1"), List.of(""))),
                breaker("criterionCodes", Arbitraries.of(List.of("99"), List.of("x/y"))),
                breaker("basis", Arbitraries.oneOf(Arbitraries.just(map("number", "")),
                        badDate().map(d -> map("number", "1/QĐ", "date", d)))));
    }

    @Provide
    Arbitrary<Map<String, Object>> badWithdrawResponsibility() {
        return broken(Arbitraries.just(map("agencyId", "872-yte", "setId", "prop-set", "indicatorCodes", List.of("1.1"),
                        "reason", "hết nhiệm vụ", "basis", map("number", "2/QĐ-PROP"))),
                breaker("agencyId", Arbitraries.oneOf(badCode(), unknownCode())),
                breaker("reason", badText(2000)),
                breaker("indicatorCodes", Arbitraries.of(List.of("9.9"), List.of(""), List.of("2.1"))),
                breaker("setId", Arbitraries.oneOf(badCode(), unknownCode())),
                breaker("basis.date", badDate()));
    }

    @Provide
    Arbitrary<Map<String, Object>> badRegisterAccount() {
        return broken(Arbitraries.strings().withCharRange('a', 'z').ofLength(8).map(s -> map("username", "prop." + s,
                        "displayName", "Cán bộ", "role", "COMMUNE_OFFICER", "unitCode", "30049",
                        "password", "a-fine-password-1")),
                breaker("username", Arbitraries.oneOf(badCode(), Arbitraries.of("Admin", "ab", "a b", "admin", "x@y"))),
                breaker("displayName", badText(200)),
                breaker("role", Arbitraries.of("SYSTEM", "AUDITOR", "DISTRICT_AGENCY")),
                breaker("unitCode", Arbitraries.oneOf(badPresentCode(), unknownCode())),
                breaker("agencyId", Arbitraries.of("872-tnmt", "nope")),
                breaker("password", Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(11),
                        Arbitraries.strings().ofMinLength(129).ofMaxLength(140),
                        Arbitraries.just(" leading-space-password"), Arbitraries.just("control\u0001-char-pass"))));
    }

    @Provide
    Arbitrary<Map<String, Object>> badChangeAccountRole() {
        return broken(Arbitraries.just(map("username", "prop.target", "role", "COMMUNE_OFFICER", "unitCode", "30049")),
                breaker("username", Arbitraries.oneOf(badCode(), Arbitraries.of("nobody.here"))),
                breaker("role", Arbitraries.of("SYSTEM", "DISTRICT_AGENCY", "ADMINISTRATOR")),
                breaker("unitCode", Arbitraries.oneOf(badPresentCode(), unknownCode())),
                breaker("agencyId", Arbitraries.of("872-tnmt", "nope")),
                breaker("reason", oversized(2000)));
    }

    @Provide
    Arbitrary<Map<String, Object>> badAccountState() {
        return broken(Arbitraries.just(map("username", "prop.target", "reason", "chuyển công tác")),
                breaker("username", Arbitraries.oneOf(badCode(), Arbitraries.of("nobody.here"))),
                breaker("reason", badText(2000)));
    }

    @Provide
    Arbitrary<Map<String, Object>> badRotateIntegrityKeys() {
        java.time.Instant now = java.time.Instant.now();
        return broken(Arbitraries.just(map("effectiveFrom", now.plus(java.time.Duration.ofDays(2)).toString(),
                        "reason", "thay khóa định kỳ", "basis", map("number", "15/QĐ-VPĐP", "date", "2024-12-01"))),
                // the past, now, inside the notice (one hour), and what is no moment at all
                breaker("effectiveFrom", Arbitraries.oneOf(
                        Arbitraries.integers().between(-100_000_000, 3_000).map(s -> now.plusSeconds(s).toString()),
                        Arbitraries.of("2024-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "hôm nay", "", "31/12/2026"))),
                breaker("reason", badText(2000)),
                breaker("basis.number", badText(200)), breaker("basis.date", badDate()));
    }

    @Provide
    Arbitrary<Map<String, Object>> badEnableAccount() {
        return broken(Arbitraries.just(map("username", "prop.disabled", "reason", "trở lại công tác")),
                breaker("username", Arbitraries.oneOf(badCode(), Arbitraries.of("nobody.here", "prop.target"))),
                breaker("reason", badText(2000)));
    }

    @Provide
    Arbitrary<Map<String, Object>> badSetAccountPassword() {
        return broken(Arbitraries.just(map("username", "prop.target", "password", "a-fine-password-2")),
                breaker("username", Arbitraries.oneOf(unknownCode(), Arbitraries.of("nobody.here"))),
                breaker("password", Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(11),
                        Arbitraries.strings().ofMinLength(129).ofMaxLength(200),
                        Arbitraries.strings().alpha().ofLength(14).map(s -> s + "\u0000"),
                        Arbitraries.just("trailing-space-password "))));
    }

    // ---- bad values ----

    private static final char[] CONTROLS = {'\u0000', '\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u000E',
        '\u001B', '\u001F', '\u007F', '\u0085', '\u200E', '\u202E', '\uFEFF'};

    /** Required text made bad: empty, blank, oversized or with a control character. */
    static Arbitrary<String> badText(int max) {
        return Arbitraries.oneOf(Arbitraries.of("", "   ", "\t"), badNonEmptyText(max));
    }

    /** Optional text made bad: oversized or with a control character. */
    static Arbitrary<String> badNonEmptyText(int max) {
        return Arbitraries.oneOf(oversized(max), withControl(), withLoneSurrogate());
    }

    /** Text with half of a surrogate pair alone: not Unicode, cannot be stored as UTF-8. */
    static Arbitrary<String> withLoneSurrogate() {
        return Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(8), Arbitraries.of('\uD800', '\uDBFF', '\uDC00', '\uDFFF'),
                Arbitraries.strings().alpha().ofMaxLength(8)).as((a, c, b) -> "Tân" + a + c + b);
    }

    static Arbitrary<String> oversized(int max) {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('ệ', 'ữ', 'đ').ofMinLength(max + 1).ofMaxLength(max + 40);
    }

    static Arbitrary<String> withControl() {
        return Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(8), Arbitraries.of(CONTROLS),
                Arbitraries.strings().alpha().ofMaxLength(8)).as((a, c, b) -> "Tân" + a + c + b);
    }

    static Arbitrary<String> badCode() {
        return Arbitraries.oneOf(Arbitraries.of("", "  ", "30 049", "x/y", "à", "-abc", ".x", "a,b", "a;drop"),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(65).ofMaxLength(80), withControl());
    }

    /** For optional fields, where a blank value means "absent": malformed but present. */
    static Arbitrary<String> badPresentCode() {
        return badCode().filter(code -> !code.isBlank());
    }

    static Arbitrary<String> unknownCode() {
        return Arbitraries.integers().between(97000, 97999).map(String::valueOf);
    }

    static Arbitrary<String> badDate() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(2030, 2099).map(y -> y + "-06-15"),
                Arbitraries.integers().between(1000, 1899).map(y -> y + "-01-01"),
                // days the calendar does not have: refused, never moved to the nearest one
                Arbitraries.of("2024-02-30", "2023-02-29", "2024-04-31", "2024-06-31", "2024-13-01", "2024-00-10",
                        "2024-06-00", "2024-6-5", "24-06-05", "2024/06/05", "05/06/2024"));
    }

    static Arbitrary<BigDecimal> over100() {
        return Arbitraries.bigDecimals().between(new BigDecimal("100.0001"), new BigDecimal("1000000")).ofScale(4);
    }

    static Arbitrary<BigDecimal> negative() {
        return Arbitraries.bigDecimals().between(new BigDecimal("-1000000"), new BigDecimal("-0.0001")).ofScale(4);
    }

    static Arbitrary<Map<String, Object>> badValue() {
        return Arbitraries.oneOf(
                over100().map(p -> map("kind", "PERCENTAGE", "percentage", p)),
                negative().map(p -> map("kind", "PERCENTAGE", "percentage", p)),
                Arbitraries.just(map("kind", "PERCENTAGE", "percentage", new BigDecimal("50.1234567"))),
                Arbitraries.integers().between(1, 1000).map(d -> map("kind", "RATIO", "numerator", d + 1, "denominator", d)),
                Arbitraries.integers().between(0, 1000).map(n -> map("kind", "RATIO", "numerator", n, "denominator", 0)),
                negative().map(n -> map("kind", "RATIO", "numerator", n, "denominator", 10)),
                Arbitraries.just(map("kind", "RATIO", "numerator", new BigDecimal("2E+13"), "denominator", new BigDecimal("3E+13"))),
                Arbitraries.integers().between(0, 50).map(c -> map("kind", "COUNT", "count", c)),
                Arbitraries.of(true, false).map(a -> map("kind", "ACHIEVED", "achieved", a)),
                Arbitraries.just(map("kind", "SUB_INDICATORS", "met", 3, "of", 27)),
                Arbitraries.just(map("kind", "LEVEL", "level", "mức độ 1")),
                Arbitraries.integers().between(0, 100).map(p -> map("kind", "PERCENTAGE", "percentage", p, "count", 1)),
                Arbitraries.just(map("kind", "PERCENTAGE")),
                Arbitraries.just(map("kind", "RATIO", "numerator", 5)));
    }

    // ---- plumbing ----

    record Breaker(String path, Arbitrary<?> values) {
    }

    static Breaker breaker(String path, Arbitrary<?> values) {
        return new Breaker(path, values);
    }

    @SuppressWarnings("unchecked")
    static Arbitrary<Map<String, Object>> broken(Arbitrary<Map<String, Object>> base, Breaker... breakers) {
        // at most one breaker per top-level field, so that no breaker undoes another
        return Arbitraries.of(breakers).list().ofMinSize(1).ofMaxSize(3)
                .uniqueElements(b -> b.path().split("[.\\[]")[0]).flatMap(chosen ->
                Combinators.combine(base, Combinators.combine(chosen.stream().map(b -> (Arbitrary<Object>) b.values())
                        .toList()).as(values -> values)).as((valid, values) -> {
                            Map<String, Object> input = deepCopy(valid);
                            for (int i = 0; i < chosen.size(); i++) {
                                set(input, chosen.get(i).path(), values.get(i));
                            }
                            return input;
                        }));
    }

    @SuppressWarnings("unchecked")
    private static void set(Map<String, Object> input, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> current = input;
        for (int i = 0; i < parts.length - 1; i++) {
            current = (Map<String, Object>) child(current, parts[i], true);
        }
        String last = parts[parts.length - 1];
        if (last.endsWith("[0]")) {
            String name = last.substring(0, last.length() - 3);
            List<Object> list = new ArrayList<>((List<Object>) current.getOrDefault(name, List.of(map())));
            list.set(0, value);
            current.put(name, list);
        } else {
            current.put(last, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object child(Map<String, Object> parent, String part, boolean create) {
        if (part.endsWith("[0]")) {
            String name = part.substring(0, part.length() - 3);
            List<Object> list = new ArrayList<>((List<Object>) parent.getOrDefault(name, List.of(map())));
            if (list.isEmpty()) {
                list.add(map());
            }
            Map<String, Object> first = new LinkedHashMap<>((Map<String, Object>) list.get(0));
            list.set(0, first);
            parent.put(name, list);
            return first;
        }
        Object existing = parent.get(part);
        Map<String, Object> child = existing instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : map();
        parent.put(part, child);
        return child;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m)
                : v instanceof List<?> l ? l.stream().map(e -> e instanceof Map<?, ?> em
                ? (Object) deepCopy((Map<String, Object>) em) : e).collect(Collectors.toCollection(ArrayList::new)) : v));
        return copy;
    }

    private Map<String, Object> withOwnValue(Map<String, Object> input) {
        if ("OWN".equals(input.get("correctsValueId"))) {
            Map<String, Object> copy = new LinkedHashMap<>(input);
            copy.put("correctsValueId", ownValue);
            return copy;
        }
        return input;
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static List<Map<String, Object>> repeat(Map<String, Object> item, int times) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            list.add(item);
        }
        return list;
    }

    static String setDocument(String id, String threshold) {
        return """
                id: %s
                title: "Prop"
                level: COMMUNE
                grade: NTM
                legalBasis: {decision: "1/QĐ-PROP", date: 2022-01-01}
                effectiveFrom: 2022-01-01
                criteria:
                  - {code: "1", name: "Một", indicators: [{code: "1.1", text: "t", requirement: {kind: PERCENT_AT_LEAST, threshold: %s}}]}
                  - {code: "2", name: "Hai", indicators: [{code: "2.1", text: "t", requirement: {kind: ACHIEVED}}]}
                """.formatted(id, threshold);
    }
}
