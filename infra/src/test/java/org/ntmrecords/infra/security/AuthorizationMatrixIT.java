package org.ntmrecords.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.infra.support.IntegrationTest;

/**
 * Every role × every mutation × a target inside and outside the account's jurisdiction, through HTTP
 * GraphQL: a refused attempt answers NOT_ALLOWED and stores no event; an allowed one gets past the check
 * (it may still fail on its own rules, e.g. a unit already tracked).
 */
class AuthorizationMatrixIT extends IntegrationTest {
    private static final String NTM = "dongthap-commune-ntm-2021-2025";
    private static final AtomicInteger SEQ = new AtomicInteger();
    /** Lấp Vò's district NTM case, submitted to the province in the demo. */
    private static final String DISTRICT_CASE = "875@dongthap-district-ntm-2021-2025@2023";

    /** The demo account of each role, the unit inside its jurisdiction, and one outside it. */
    record Account(String username, Role role, String inside, String outside) {
    }

    private static final List<Account> ACCOUNTS = List.of(
            new Account("tankieu.officer", Role.COMMUNE_OFFICER, "30049", "30073"),
            new Account("thapmuoi.tnmt", Role.DISTRICT_AGENCY, "30049", "30199"),
            new Account("thapmuoi.vpdp", Role.DISTRICT_COORDINATION_OFFICE, "30049", "30199"),
            new Account("thapmuoi.verifier", Role.VERIFIER, "30049", "30199"),
            new Account("dongthap.appraiser", Role.APPRAISER, "30049", "29479"),
            new Account("dongthap.chairperson", Role.DECISION_AUTHORITY, "30049", "29479"),
            // nationwide: no unit, so inside and outside are any two units
            new Account("trunguong.appraiser", Role.CENTRAL_APPRAISER, "30049", "29479"),
            new Account("trunguong.authority", Role.CENTRAL_AUTHORITY, "30049", "29479"),
            new Account("auditor", Role.AUDITOR, "30049", "30199"),
            new Account("dashboard", Role.DASHBOARD_VIEWER, "30049", "30199"),
            new Account("admin", Role.ADMINISTRATOR, "30049", "30199"));

    /** A mutation: its name, how to build its input for a target unit, and who may send it where. */
    record Mutation(String name, String inputType, BiFunction<String, Integer, Map<String, Object>> input,
                    Set<Role> inside, Set<Role> outside) {
    }

    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMINISTRATOR);
    private static final Set<Role> NOBODY = EnumSet.noneOf(Role.class);
    /** A recognition case's own steps for a commune: its officer or the district's coordination office. */
    private static final Set<Role> LOCAL_STEP = EnumSet.of(Role.COMMUNE_OFFICER, Role.DISTRICT_COORDINATION_OFFICE);

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String setDocument(int n) {
        return """
                id: matrix-set-%d
                title: "Matrix set"
                level: COMMUNE
                grade: NTM
                legalBasis: {decision: "1/QĐ-TEST", date: 2022-01-01}
                effectiveFrom: 2022-01-01
                criteria:
                  - {code: "1", name: "Một", indicators: [{code: "1.1", text: "t", requirement: {kind: ACHIEVED}}]}
                """.formatted(n);
    }

    private static final Set<Role> EVIDENCE = EnumSet.of(Role.COMMUNE_OFFICER, Role.DISTRICT_AGENCY,
            Role.DISTRICT_COORDINATION_OFFICE, Role.VERIFIER, Role.APPRAISER, Role.DECISION_AUTHORITY);

    /** Reports are recorded by the body that reports (its agency, its commune) or the office receiving them. */
    private static final Set<Role> REPORTERS = EnumSet.of(Role.COMMUNE_OFFICER, Role.DISTRICT_AGENCY,
            Role.DISTRICT_COORDINATION_OFFICE);

    /** Targets are set by the unit's coordination office or commune officer, and by administrators anywhere. */
    private static final Set<Role> TARGET_SETTERS = EnumSet.of(Role.COMMUNE_OFFICER,
            Role.DISTRICT_COORDINATION_OFFICE, Role.ADMINISTRATOR);

    private static Map<String, Object> targetContent(int n) {
        return map("kind", "INDICATOR_VALUE", "statement", "Chỉ tiêu " + n, "year", 2024, "measure", "Thu nhập",
                "value", 50 + n, "valueAsWritten", (50 + n) + " triệu đồng", "deadlineAsWritten", "năm 2024",
                "source", map("number", n + "/KH-TEST"));
    }

    /** Plans: the unit's committee (its commune officer) or the district's coordination office, and administrators. */
    private static final Set<Role> PLANNERS = EnumSet.of(Role.ADMINISTRATOR, Role.COMMUNE_OFFICER,
            Role.DISTRICT_COORDINATION_OFFICE);

    private static final List<Mutation> MUTATIONS = List.of(
            new Mutation("registerUnit", "RegisterUnitInput", (unit, n) -> map("code", String.valueOf(99500 + n),
                    "name", "Ma trận " + n, "fullName", "Xã Ma trận " + n, "kind", "COMMUNE",
                    "parentCode", unit.equals("30049") ? "872" : "875"), ADMIN, ADMIN),
            // a village (thôn) under the commune, coded after it
            new Mutation("registerUnit", "RegisterUnitInput", (unit, n) -> map("code", unit + "-ma-tran-" + n,
                    "name", "Ma trận " + n, "fullName", "Thôn Ma trận " + n, "kind", "THON", "parentCode", unit),
                    ADMIN, ADMIN),
            new Mutation("renameUnit", "RenameUnitInput", (unit, n) -> map("code", unit, "name", "Tên " + n,
                    "fullName", "Xã Tên " + n), ADMIN, ADMIN),
            new Mutation("changeUnitParent", "ChangeUnitParentInput", (unit, n) -> map("code", "99001",
                    "parentCode", n % 2 == 0 ? "872" : "875"), ADMIN, ADMIN),
            new Mutation("reorganizeUnit", "ReorganizeUnitInput", (unit, n) -> map("code", "99001",
                    "name", "Ma trận " + n, "fullName", "Xã Ma trận " + n, "effectiveFrom", "2025-07-01",
                    "basis", map("number", n + "/NQ-TEST", "date", "2025-06-16")), ADMIN, ADMIN),
            new Mutation("ceaseUnit", "CeaseUnitInput", (unit, n) -> map("code", String.valueOf(99700 + n),
                    "effectiveFrom", "2025-07-01", "successors", List.of(map("code", "99001")),
                    "basis", map("number", n + "/NQ-TEST", "date", "2025-06-16")), ADMIN, ADMIN),
            new Mutation("publishCriteriaSet", "PublishCriteriaSetInput", (unit, n) -> map("document", setDocument(n)),
                    ADMIN, ADMIN),
            new Mutation("amendCriteriaSet", "AmendCriteriaSetInput", (unit, n) -> map("setId", "matrix-base",
                    "legalBasis", map("decision", n + "/QĐ-TEST"), "effectiveFrom", "2024-01-01",
                    "changes", List.of(map("indicatorCode", "1.1", "threshold", 50 + n % 40))), ADMIN, ADMIN),
            new Mutation("trackUnit", "TrackUnitInput", (unit, n) -> map("unitCode", unit, "setId", "commune-ntm-2021-2025"),
                    EnumSet.of(Role.ADMINISTRATOR, Role.COMMUNE_OFFICER, Role.DISTRICT_COORDINATION_OFFICE), ADMIN),
            new Mutation("recordIndicatorValue", "RecordIndicatorValueInput", (unit, n) -> map("unitCode", unit,
                    "setId", NTM, "indicatorCode", "17.7", "value", map("kind", "PERCENTAGE", "percentage", 80),
                    "period", map("start", "2024-03-01")),
                    EnumSet.of(Role.COMMUNE_OFFICER, Role.DISTRICT_AGENCY, Role.DISTRICT_COORDINATION_OFFICE), NOBODY),
            // a value for the commune's village: the commune's officer and the district's office, as for the commune
            new Mutation("recordIndicatorValue", "RecordIndicatorValueInput", (unit, n) -> map("unitCode",
                    unit + "-ma-tran", "setId", "matrix-village", "indicatorCode", "1.1",
                    "value", map("kind", "ACHIEVED", "achieved", n % 2 == 0), "period", map("start", "2024-03-01")),
                    EnumSet.of(Role.COMMUNE_OFFICER, Role.DISTRICT_COORDINATION_OFFICE), NOBODY),
            new Mutation("correctIndicatorValue", "CorrectIndicatorValueInput", (unit, n) -> map("unitCode", unit,
                    "setId", NTM, "correctsValueId", "demo-" + unit + "-17.7", "indicatorCode", "17.7", "reason", "r",
                    "value", map("kind", "PERCENTAGE", "percentage", 72)),
                    EnumSet.of(Role.COMMUNE_OFFICER, Role.DISTRICT_AGENCY, Role.DISTRICT_COORDINATION_OFFICE), NOBODY),
            new Mutation("markIndicatorNotAssessed", "MarkIndicatorNotAssessedInput", (unit, n) -> map("unitCode", unit,
                    "setId", NTM, "indicatorCode", "17.7", "period", map("start", "2023-01-01"), "reason", "chưa có số liệu"),
                    EnumSet.of(Role.COMMUNE_OFFICER, Role.DISTRICT_AGENCY, Role.DISTRICT_COORDINATION_OFFICE), NOBODY),
            // the same accounts as recordIndicatorValue; 17.7 is not itemised, so an allowed attempt fails on its own
            // rules (WRONG_VALUE_KIND) and stores nothing
            new Mutation("recordItemAssessment", "RecordItemAssessmentInput", (unit, n) -> map("unitCode", unit,
                    "setId", NTM, "indicatorCode", "17.7", "period", map("start", "2024-03-01"),
                    "items", List.of(map("itemCode", "1", "state", "MET"))),
                    EnumSet.of(Role.COMMUNE_OFFICER, Role.DISTRICT_AGENCY, Role.DISTRICT_COORDINATION_OFFICE), NOBODY),
            new Mutation("recordIndicatorDecision", "RecordIndicatorDecisionInput", (unit, n) -> map("unitCode", unit,
                    "setId", NTM, "indicatorCode", "17.7", "result", "MET", "period", map("start", "2023-06-01"),
                    "decidedBy", "Hội đồng", "basis", List.of(map("number", n + "/BC"))),
                    EnumSet.of(Role.DISTRICT_COORDINATION_OFFICE, Role.VERIFIER, Role.APPRAISER, Role.DISTRICT_AGENCY),
                    NOBODY),
            new Mutation("orderReappraisal", "OrderReappraisalInput", (unit, n) -> map("unitCode", unit, "setId", NTM,
                    "againstVersion", 1, "date", "2024-12-31", "reason", "rà soát " + n,
                    "basis", map("number", n + "/KH-TEST", "date", "2024-12-01")),
                    EnumSet.of(Role.APPRAISER, Role.DECISION_AUTHORITY, Role.ADMINISTRATOR), ADMIN),
            new Mutation("openRecognitionCase", "OpenRecognitionCaseInput", (unit, n) -> map("unitCode", unit,
                    "setId", NTM, "year", 2024), LOCAL_STEP, NOBODY),
            new Mutation("recordSelfAssessment", "SelfAssessmentInput", (unit, n) -> map("caseId", unit + "@" + NTM + "@2024",
                    "assessments", List.of(map("criterionCode", "1", "assessed", "MET"))), LOCAL_STEP, NOBODY),
            new Mutation("recordSatisfactionSurvey", "SatisfactionSurveyInput", (unit, n) -> map("caseId",
                    unit + "@" + NTM + "@2024", "organiser", "MTTQ", "date", "2024-06-01", "overallRate", 95),
                    LOCAL_STEP, NOBODY),
            new Mutation("submitDossier", "DossierInput", (unit, n) -> map("caseId", unit + "@" + NTM + "@2024"),
                    LOCAL_STEP, NOBODY),
            new Mutation("recordVerification", "VerificationInput", (unit, n) -> map("caseId", unit + "@" + NTM + "@2024",
                    "findings", List.of(map("criterionCode", "1", "assessed", "MET")), "forward", true),
                    EnumSet.of(Role.VERIFIER), NOBODY),
            new Mutation("recordAppraisal", "AppraisalInput", (unit, n) -> map("caseId", unit + "@" + NTM + "@2024",
                    "votesFor", 5, "votesAgainst", 0, "abstentions", 0, "propose", true),
                    EnumSet.of(Role.APPRAISER), NOBODY),
            new Mutation("decideRecognition", "DecisionInput", (unit, n) -> map("caseId", unit + "@" + NTM + "@2024",
                    "grant", true, "authority", "UBND tỉnh"), EnumSet.of(Role.DECISION_AUTHORITY), NOBODY),
            new Mutation("announceRecognition", "AnnouncementInput", (unit, n) -> map("caseId", unit + "@" + NTM + "@2024",
                    "date", "2024-06-25", "place", "UBND xã"), EnumSet.of(Role.DECISION_AUTHORITY), NOBODY),
            // a district title (Lấp Vò's case, whatever the target unit): the province verifies and announces, the
            // central council appraises, the Prime Minister decides (each out of order or incomplete here, so nothing
            // is stored by an allowed attempt)
            new Mutation("recordVerification", "VerificationInput", (unit, n) -> map("caseId", DISTRICT_CASE,
                    "findings", List.of(map("criterionCode", "1", "assessed", "MET")), "forward", true),
                    EnumSet.of(Role.APPRAISER), EnumSet.of(Role.APPRAISER)),
            new Mutation("recordAppraisal", "AppraisalInput", (unit, n) -> map("caseId", DISTRICT_CASE,
                    "votesFor", 5, "votesAgainst", 0, "abstentions", 0, "propose", true),
                    EnumSet.of(Role.CENTRAL_APPRAISER), EnumSet.of(Role.CENTRAL_APPRAISER)),
            new Mutation("decideRecognition", "DecisionInput", (unit, n) -> map("caseId", DISTRICT_CASE,
                    "grant", true, "authority", "Thủ tướng Chính phủ"),
                    EnumSet.of(Role.CENTRAL_AUTHORITY), EnumSet.of(Role.CENTRAL_AUTHORITY)),
            new Mutation("announceRecognition", "AnnouncementInput", (unit, n) -> map("caseId", DISTRICT_CASE,
                    "date", "2024-06-25", "place", "Huyện Lấp Vò"),
                    EnumSet.of(Role.DECISION_AUTHORITY), EnumSet.of(Role.DECISION_AUTHORITY)),
            new Mutation("openRevocationCase", "OpenRevocationCaseInput", (unit, n) -> map("recognitionCaseId",
                    unit + "@" + NTM + "@2024", "year", 2025), EnumSet.of(Role.DISTRICT_COORDINATION_OFFICE,
                    Role.VERIFIER, Role.APPRAISER, Role.DECISION_AUTHORITY), NOBODY),
            new Mutation("attachEvidence", "AttachEvidenceInput", (unit, n) -> map("targetKind", "UNIT", "unitCode", unit,
                    "kind", "báo cáo", "document", map("number", n + "/BC-TEST")), EVIDENCE, NOBODY),
            new Mutation("withdrawEvidence", "WithdrawEvidenceInput", (unit, n) -> map("documentId", "matrix-doc-" + n,
                    "unitCode", unit, "reason", "nhầm"), EVIDENCE, NOBODY),
            // plans: issued and decided on by the unit's committee or coordination office (or an administrator); the
            // plans named after issuePlan do not exist, so an allowed attempt fails on its own rules
            new Mutation("issuePlan", "IssuePlanInput", (unit, n) -> map("planId", "matrix-plan-" + n, "unitCode", unit,
                    "number", n + "/KH-UBND", "date", "2024-01-26", "issuer", map("name", "UBND " + unit),
                    "year", 2024, "title", "Kế hoạch " + n), PLANNERS, ADMIN),
            new Mutation("amendPlan", "AmendPlanInput", (unit, n) -> map("planId", "matrix-plan-x" + n, "unitCode", unit,
                    "date", "2024-03-01", "changes", "c", "reason", "r"), PLANNERS, ADMIN),
            new Mutation("addPlanItem", "AddPlanItemInput", (unit, n) -> map("planId", "matrix-plan-x" + n,
                    "unitCode", unit, "itemId", "i" + n, "content", "c", "unitCodes", List.of(unit),
                    "lead", map("name", "UBND"), "deadline", "Tháng 6/2024"), PLANNERS, ADMIN),
            new Mutation("notePlanTaskProgress", "NotePlanTaskProgressInput", (unit, n) -> map("planId",
                    "matrix-plan-x" + n, "unitCode", unit, "itemId", "i", "taskUnitCode", unit, "date", "2024-04-01",
                    "by", map("name", "UBND"), "note", "n"),
                    EnumSet.of(Role.ADMINISTRATOR, Role.COMMUNE_OFFICER, Role.DISTRICT_AGENCY,
                            Role.DISTRICT_COORDINATION_OFFICE), ADMIN),
            new Mutation("closePlanTask", "DecidePlanTaskInput", (unit, n) -> map("planId", "matrix-plan-x" + n,
                    "unitCode", unit, "itemId", "i", "taskUnitCode", unit, "date", "2024-04-01", "reason", "r"),
                    PLANNERS, ADMIN),
            new Mutation("reopenPlanTask", "DecidePlanTaskInput", (unit, n) -> map("planId", "matrix-plan-x" + n,
                    "unitCode", unit, "itemId", "i", "taskUnitCode", unit, "date", "2024-04-01", "reason", "r"),
                    PLANNERS, ADMIN),
            new Mutation("recordPlanFunds", "RecordPlanFundsInput", (unit, n) -> map("planId", "matrix-plan-x" + n,
                    "unitCode", unit, "itemId", "i", "source", "RESIDENTS", "stage", "MOBILISED",
                    "amount", map("vnd", "300000000", "asWritten", "300 triệu"), "date", "2023-08-01",
                    "by", map("name", "UBND")), PLANNERS, ADMIN),
            new Mutation("certifyStandard", "CertifyStandardInput", (unit, n) -> map("unitCode", unit, "subject",
                    "Trường " + n, "standard", "chuẩn quốc gia", "validUntil", "2099-12-31", "setId", NTM,
                    "indicatorCode", "17.7"),
                    EnumSet.of(Role.COMMUNE_OFFICER, Role.DISTRICT_AGENCY, Role.DISTRICT_COORDINATION_OFFICE), NOBODY),
            new Mutation("renewStandard", "RenewStandardInput", (unit, n) -> map("certificationId", "matrix-cert-" + n,
                    "unitCode", unit, "validUntil", "2099-12-31"), EVIDENCE, NOBODY),
            new Mutation("establishReportingDuty", "EstablishReportingDutyInput", (unit, n) -> map("unitCode", unit,
                    "dutyId", "matrix-" + n, "title", "Báo cáo " + n, "recipient", map("name", "Văn phòng Điều phối"),
                    "owedBy", List.of(map("name", "Phòng " + n))),
                    EnumSet.of(Role.DISTRICT_COORDINATION_OFFICE, Role.ADMINISTRATOR), ADMIN),
            // a body naming both the demo agency and the target unit: the agency records its own report, the commune
            // officer its commune's, the coordination office any report to a duty of its jurisdiction
            new Mutation("submitReport", "SubmitReportInput", (unit, n) -> map("unitCode", unit, "dutyId", "matrix-duty",
                    "body", map("name", "Phòng Tài nguyên và Môi trường", "agencyId", "872-tnmt", "unitCode", unit),
                    "submittedOn", "2024-04-01"), REPORTERS, NOBODY),
            new Mutation("correctReportSubmission", "CorrectReportSubmissionInput", (unit, n) -> map("unitCode", unit,
                    "dutyId", "matrix-duty", "correctsSubmissionId", "matrix-s" + n,
                    "body", map("name", "Phòng Tài nguyên và Môi trường", "agencyId", "872-tnmt", "unitCode", unit),
                    "submittedOn", "2024-04-01", "reason", "nhầm"), REPORTERS, NOBODY),
            new Mutation("setTarget", "SetTargetInput", (unit, n) -> map("unitCode", unit, "targetId", "matrix-" + n,
                    "content", targetContent(n)), TARGET_SETTERS, ADMIN),
            new Mutation("amendTarget", "AmendTargetInput", (unit, n) -> map("unitCode", unit, "targetId",
                    "matrix-target", "content", targetContent(n), "reason", "r"), TARGET_SETTERS, ADMIN),
            new Mutation("withdrawTarget", "WithdrawTargetInput", (unit, n) -> map("unitCode", unit, "targetId",
                    "matrix-target", "reason", "r"), TARGET_SETTERS, ADMIN),
            new Mutation("registerAgency", "RegisterAgencyInput", (unit, n) -> map("agencyId", "matrix-" + n,
                    "name", "Phòng " + n, "unitCode", unit.equals("30049") ? "872" : "875"), ADMIN, ADMIN),
            new Mutation("assignResponsibility", "ResponsibilityInput", (unit, n) -> map("agencyId", "872-ktht",
                    "setId", NTM, "indicatorCodes", List.of(n % 2 == 0 ? "13.3" : "17.7"),
                    "basis", map("number", "317/KH-UBND")), ADMIN, ADMIN),
            new Mutation("withdrawResponsibility", "ResponsibilityInput", (unit, n) -> map("agencyId", "872-gddt",
                    "setId", "dongthap-district-advanced-2021-2025", "indicatorCodes", List.of("5.4"), "reason", "r"),
                    ADMIN, ADMIN),
            new Mutation("registerAccount", "RegisterAccountInput", (unit, n) -> map("username", "matrix." + n,
                    "displayName", "Cán bộ " + n, "role", "COMMUNE_OFFICER", "unitCode", unit), ADMIN, ADMIN),
            new Mutation("changeAccountRole", "ChangeAccountRoleInput", (unit, n) -> map("username", "matrix.target",
                    "role", "COMMUNE_OFFICER", "unitCode", unit), ADMIN, ADMIN),
            new Mutation("disableAccount", "AccountStateInput", (unit, n) -> map("username", "matrix.target",
                    "reason", "r"), ADMIN, ADMIN),
            new Mutation("enableAccount", "AccountStateInput", (unit, n) -> map("username", "matrix.target",
                    "reason", "r"), ADMIN, ADMIN),
            new Mutation("setAccountPassword", "SetAccountPasswordInput", (unit, n) -> map("username", "matrix.target",
                    "password", "another-password-" + n), ADMIN, ADMIN));

    @BeforeEach
    void prepare() {
        awaitProjections();
        if (jdbc.queryForObject("select count(*) from read_model.criteria_set where set_id = 'matrix-base'", Integer.class) == 0) {
            graphQl("admin").document("mutation($i: PublishCriteriaSetInput!) { publishCriteriaSet(input: $i) { errors { code } } }")
                    .variable("i", map("document", setDocument(0).replace("matrix-set-0", "matrix-base"))).execute()
                    .path("publishCriteriaSet.errors").entityList(Object.class).hasSize(0);
            graphQl("admin").document("mutation($i: RegisterUnitInput!) { registerUnit(input: $i) { errors { code } } }")
                    .variable("i", map("code", "99001", "name", "Ma trận", "fullName", "Xã Ma trận", "kind", "COMMUNE",
                            "parentCode", "875")).execute();
            graphQl("admin").document("mutation($i: RegisterAccountInput!) { registerAccount(input: $i) { errors { code } } }")
                    .variable("i", map("username", "matrix.target", "displayName", "Target", "role", "AUDITOR",
                            "password", "matrix-password-1")).execute()
                    .path("registerAccount.errors").entityList(Object.class).hasSize(0);
            // a village under every commune the matrix acts on, tracked against a village set
            graphQl("admin").document("mutation($i: PublishCriteriaSetInput!) { publishCriteriaSet(input: $i) { errors { code } } }")
                    .variable("i", map("document", setDocument(0).replace("matrix-set-0", "matrix-village")
                            .replace("level: COMMUNE", "level: VILLAGE").replace("grade: NTM", "grade: MODEL")))
                    .execute().path("publishCriteriaSet.errors").entityList(Object.class).hasSize(0);
            for (String commune : ACCOUNTS.stream().flatMap(a -> java.util.stream.Stream.of(a.inside(), a.outside()))
                    .distinct().toList()) {
                graphQl("admin").document("mutation($i: RegisterUnitInput!) { registerUnit(input: $i) { errors { code } } }")
                        .variable("i", map("code", commune + "-ma-tran", "name", "Ma trận", "fullName", "Thôn Ma trận",
                                "kind", "THON", "parentCode", commune)).execute()
                        .path("registerUnit.errors").entityList(Object.class).hasSize(0);
                awaitProjections();
                graphQl("admin").document("mutation($i: TrackUnitInput!) { trackUnit(input: $i) { errors { code } } }")
                        .variable("i", map("unitCode", commune + "-ma-tran", "setId", "matrix-village")).execute()
                        .path("trackUnit.errors").entityList(Object.class).hasSize(0);
            }
            // the demo assigns 872-tnmt no commune indicator (it only coordinates 17.7): the agency's cells need one
            graphQl("admin").document("mutation($i: ResponsibilityInput!) { assignResponsibility(input: $i) { errors { code } } }")
                    .variable("i", map("agencyId", "872-tnmt", "setId", NTM, "indicatorCodes", List.of("17.7"),
                            "basis", map("number", "1/QĐ-MATRIX"))).execute()
                    .path("assignResponsibility.errors").entityList(Object.class).hasSize(0);
            awaitProjections();
        }
    }

    @Test
    void everyRoleMayDoWhatItsRoleAndJurisdictionAllowAndNothingElse() {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Account account : ACCOUNTS) {
            for (Mutation mutation : MUTATIONS) {
                for (boolean inside : new boolean[] {true, false}) {
                    cells++;
                    String unit = inside ? account.inside() : account.outside();
                    boolean expected = (inside ? mutation.inside() : mutation.outside()).contains(account.role());
                    long before = eventCount();
                    List<Map<String, Object>> errors = graphQl(account.username())
                            .document("mutation($i: " + mutation.inputType() + "!) { " + mutation.name()
                                    + "(input: $i) { errors { code message } } }")
                            .variable("i", mutation.input().apply(unit, SEQ.incrementAndGet()))
                            .execute()
                            .path(mutation.name() + ".errors").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                            .get();
                    boolean refused = errors.stream().anyMatch(e -> "NOT_ALLOWED".equals(e.get("code")));
                    String cell = account.role() + " × " + mutation.name() + " × " + (inside ? "inside" : "outside");
                    if (refused == expected) {
                        wrong.add(cell + ": expected " + (expected ? "allowed" : "refused") + ", got " + errors);
                    }
                    if (refused && eventCount() != before) {
                        wrong.add(cell + ": refused but stored events");
                    }
                }
            }
        }
        assertThat(cells).isEqualTo(ACCOUNTS.size() * MUTATIONS.size() * 2);
        assertThat(wrong).isEmpty();
    }

    @Test
    void anAgencyRecordsOnlyTheIndicatorsAssignedToIt() {
        long before = eventCount();
        graphQl("thapmuoi.tnmt").documentName("recordIndicatorValue").variable("input", map("unitCode", "30049",
                        "setId", NTM, "indicatorCode", "13.3", "value", map("kind", "COUNT", "count", 1),
                        "period", map("start", "2024-03-01")))
                .execute()
                .path("recordIndicatorValue.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED")
                .path("recordIndicatorValue.errors[0].message").entity(String.class)
                .satisfies(m -> assertThat(m).contains("không được phân công phụ trách chỉ tiêu 13.3"));
        assertThat(eventCount()).isEqualTo(before);
        graphQl("thapmuoi.tnmt").documentName("recordIndicatorValue").variable("input", map("unitCode", "872",
                        "setId", "dongthap-district-advanced-2021-2025", "indicatorCode", "7.1",
                        "value", map("kind", "PERCENTAGE", "percentage", 93.5), "period", map("start", "2024-06-30")))
                .execute()
                .path("recordIndicatorValue.errors").entityList(Object.class).hasSize(0);
    }

    @Test
    void refusalsAreInTheSecurityLogNotTheEventStore() {
        long before = eventCount();
        graphQl("tankieu.officer").documentName("recordIndicatorValue").variable("input", map("unitCode", "30073",
                        "setId", NTM, "indicatorCode", "17.7", "value", map("kind", "PERCENTAGE", "percentage", 90),
                        "period", map("start", "2024-03-01")))
                .execute().path("recordIndicatorValue.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED");
        assertThat(eventCount()).isEqualTo(before);
        graphQl("auditor").document("{ securityLog(first: 1) { edges { node { actor role unitCode command targetUnit reason } } } }")
                .execute()
                .path("securityLog.edges[0].node.actor").entity(String.class).isEqualTo("tankieu.officer")
                .path("securityLog.edges[0].node.role").entity(String.class).isEqualTo("COMMUNE_OFFICER")
                .path("securityLog.edges[0].node.unitCode").entity(String.class).isEqualTo("30049")
                .path("securityLog.edges[0].node.command").entity(String.class).isEqualTo("RecordIndicatorValueCommand")
                .path("securityLog.edges[0].node.targetUnit").entity(String.class).isEqualTo("30073");
    }
}
