package org.ntmrecords.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What each role may read: dashboards see standings only; accounts and the security log are for oversight. Besides
 * the cases written out, cases generated from the served schema and the enforced policy: every field closed to a
 * role, on every type the role can reach through fields open to it, is refused to that role (FORBIDDEN on that path,
 * a security-log entry) and read by the auditor with the same query; every field open to dashboards is read by them.
 */
class ReadPolicyIT extends IntegrationTest {
    private static final String STANDING = """
            { standing(unitCode: "30049", setId: "dongthap-commune-ntm-2021-2025") {
                criteriaMet unmetCriteria { code indicators { code result latestValue { display recordedBy } } } } }""";

    @Autowired
    private GraphQlSource graphQlSource;
    @Autowired
    private FieldAccessPolicy access;

    @BeforeEach
    void demoLoaded() {
        awaitProjections();
    }

    @Test
    void aDashboardSeesStandingsButNotValuesTheirAuthorsOrHistory() {
        graphQl("dashboard").document(STANDING).execute()
                .errors().expect(e -> e.getErrorType() == ErrorType.FORBIDDEN
                        && e.getPath().endsWith("latestValue")).verify()
                .path("standing.criteriaMet").entity(Integer.class).isEqualTo(17)
                .path("standing.unmetCriteria[0].indicators[0].result").entity(String.class).isEqualTo("NOT_MET")
                .path("standing.unmetCriteria[0].indicators[0].latestValue").valueIsNull();
        graphQl("dashboard").document("""
                { indicatorEntries(unitCode: "30049", setId: "dongthap-commune-ntm-2021-2025", indicatorCode: "17.7") { edges { node { id } } } }""")
                .execute().errors().expect(e -> e.getErrorType() == ErrorType.FORBIDDEN).verify();
        assertThat(jdbc.queryForObject("select count(*) from security.denied_attempt"
                + " where actor = 'dashboard' and command = 'READ Query.indicatorEntries'", Integer.class)).isPositive();
    }

    @Test
    void everyOtherRoleReadsValuesAndHistory() {
        for (String user : new String[] {"auditor", "tankieu.officer", "thapmuoi.tnmt", "dongthap.chairperson"}) {
            graphQl(user).document(STANDING).execute()
                    .path("standing.unmetCriteria[1].indicators[0].latestValue.display").entity(String.class)
                    .isEqualTo("71.32%");
        }
    }

    @Test
    void accountsAndTheSecurityLogAreForAdministratorsAndAuditors() {
        graphQl("admin").document("{ accounts(first: 200) { edges { node { username role } } } }").execute()
                .path("accounts.edges[?(@.node.username == 'tankieu.officer')].node.role").entityList(String.class)
                .containsExactly("COMMUNE_OFFICER");
        graphQl("auditor").document("{ securityLog { edges { node { id } } } }").execute()
                .path("securityLog.edges").entityList(Object.class);
        for (String user : new String[] {"tankieu.officer", "dashboard", "thapmuoi.vpdp"}) {
            graphQl(user).document("{ accounts { totalCount } }").execute()
                    .errors().expect(e -> e.getErrorType() == ErrorType.FORBIDDEN).verify();
            graphQl(user).document("{ securityLog { totalCount } }").execute()
                    .errors().expect(e -> e.getErrorType() == ErrorType.FORBIDDEN).verify();
        }
    }

    @Test
    void everyoneSeesWhoTheyAre() {
        graphQl("thapmuoi.tnmt").document("{ me { username role unitCode agencyId } }").execute()
                .path("me.role").entity(String.class).isEqualTo("DISTRICT_AGENCY")
                .path("me.unitCode").entity(String.class).isEqualTo("872")
                .path("me.agencyId").entity(String.class).isEqualTo("872-tnmt");
    }

    // ---- generated from the served schema and the enforced policy ----------------------------------------------------

    private static final String NTM = "dongthap-commune-ntm-2021-2025";
    /** Mỹ Quý's case for the advanced title: self-assessed, submitted and verified in the demo (seed 000). */
    private static final String CASE = "30067@dongthap-commune-advanced-2021-2025@2023";

    /** The demo account of each role that signs in (SYSTEM never does). */
    private static final Map<Role, String> ACCOUNTS = new EnumMap<>(Map.ofEntries(
            Map.entry(Role.COMMUNE_OFFICER, "tankieu.officer"), Map.entry(Role.DISTRICT_AGENCY, "thapmuoi.tnmt"),
            Map.entry(Role.DISTRICT_COORDINATION_OFFICE, "thapmuoi.vpdp"),
            Map.entry(Role.VERIFIER, "thapmuoi.verifier"), Map.entry(Role.APPRAISER, "dongthap.appraiser"),
            Map.entry(Role.DECISION_AUTHORITY, "dongthap.chairperson"),
            Map.entry(Role.CENTRAL_APPRAISER, "trunguong.appraiser"),
            Map.entry(Role.CENTRAL_AUTHORITY, "trunguong.authority"), Map.entry(Role.AUDITOR, "auditor"),
            Map.entry(Role.DASHBOARD_VIEWER, "dashboard"), Map.entry(Role.ADMINISTRATOR, "admin")));

    /** How to reach an instance of a type: an operation with {@code %s} where the selection goes, and its path. */
    private record Reach(String operation, String path) {
    }

    private static Map.Entry<String, Reach> reach(String type, String operation, String path) {
        return Map.entry(type, new Reach(operation, path));
    }

    private static final String THAP_MUOI_UNITS = "units(parentCode: \"872\", first: 2)";
    private static final String NTM_SET = "criteriaSet(id: \"" + NTM + "\")";
    private static final String TAN_KIEU_STANDING = "standing(unitCode: \"30049\", setId: \"" + NTM + "\")";
    private static final String THAP_MUOI_OVERVIEW = "districtOverview(districtCode: \"872\", setId: \"" + NTM + "\")";
    private static final String THAP_MUOI_CASES = "recognitionCases(districtCode: \"872\", first: 2)";
    /** Đức Thọ's titles of 2019 and 2020 under the 2016-2020 sets (seed 003). */
    private static final String DUC_THO_REQUALIFY = "requalifications(districtCode: \"440\", first: 2)";
    private static final String THAP_MUOI_AT_RISK = "recognitionsAtRisk(districtCode: \"872\", first: 2)";
    private static final String DONG_THAP_OVERVIEW = "provinceOverview(provinceCode: \"87\", setId: \"" + NTM + "\")";
    private static final String DONG_THAP_HISTORY = "provinceOverviewHistory(provinceCode: \"87\", setId: \"" + NTM
            + "\", from: \"2024-01-01\", to: \"2024-06-30\")";
    private static final String CRITERION_13 = "criterionOverview(areaCode: \"872\", setId: \"" + NTM
            + "\", criterionCode: \"13\")";

    private static final String MAU_10 = "reportingCompliance(unitCode: \"872\", dutyId: \"read-policy-mau-10\","
            + " asOf: \"2024-07-31\")";
    private static final String PLAN = "read-policy-plan";

    /** From the demo (Tân Kiều 30049, Tháp Mười 872, Mỹ Quý's case), or prepared here (a merger, 99301 into 99302). */
    private static final Map<String, Reach> REACH = Map.ofEntries(
            reach("Query", "{ %s }", ""),
            reach("Mutation", "mutation { %s }", ""),
            reach("Principal", "{ me { %s } }", "me"),
            reach("Unit", "{ unit(code: \"30049\") { %s } }", "unit"),
            reach("Succession", "{ unit(code: \"99302\") { predecessors { %s } } }", "unit.predecessors"),
            reach("UnitConnection", "{ " + THAP_MUOI_UNITS + " { %s } }", "units"),
            reach("UnitEdge", "{ " + THAP_MUOI_UNITS + " { edges { %s } } }", "units.edges"),
            reach("PageInfo", "{ " + THAP_MUOI_UNITS + " { pageInfo { %s } } }", "units.pageInfo"),
            reach("CriteriaSetVersion", "{ " + NTM_SET + " { %s } }", "criteriaSet"),
            reach("LegalBasis", "{ " + NTM_SET + " { legalBasis { %s } } }", "criteriaSet.legalBasis"),
            reach("CriterionDefinition", "{ " + NTM_SET + " { criteria { %s } } }", "criteriaSet.criteria"),
            reach("IndicatorDefinition", "{ " + NTM_SET + " { criteria { indicators { %s } } } }",
                    "criteriaSet.criteria.indicators"),
            reach("Requirement", "{ " + NTM_SET + " { criteria { indicators { requirement { %s } } } } }",
                    "criteriaSet.criteria.indicators.requirement"),
            reach("Standing", "{ " + TAN_KIEU_STANDING + " { %s } }", "standing"),
            reach("CriterionStanding", "{ " + TAN_KIEU_STANDING + " { unmetCriteria { %s } } }", "standing.unmetCriteria"),
            reach("IndicatorStanding", "{ " + TAN_KIEU_STANDING + " { unmetCriteria { indicators { %s } } } }",
                    "standing.unmetCriteria.indicators"),
            reach("DistrictOverview", "{ " + THAP_MUOI_OVERVIEW + " { %s } }", "districtOverview"),
            reach("UnitStanding", "{ " + THAP_MUOI_OVERVIEW + " { units { %s } } }", "districtOverview.units"),
            reach("OverviewSummary", "{ " + THAP_MUOI_OVERVIEW + " { summary { %s } } }", "districtOverview.summary"),
            reach("CriteriaMetCount", "{ " + THAP_MUOI_OVERVIEW + " { summary { byCriteriaMet { %s } } } }",
                    "districtOverview.summary.byCriteriaMet"),
            reach("ProvinceOverview", "{ " + DONG_THAP_OVERVIEW + " { %s } }", "provinceOverview"),
            reach("DistrictSummary", "{ " + DONG_THAP_OVERVIEW + " { districts { %s } } }",
                    "provinceOverview.districts"),
            reach("ProvinceOverviewHistory", "{ " + DONG_THAP_HISTORY + " { %s } }", "provinceOverviewHistory"),
            reach("QuarterOverview", "{ " + DONG_THAP_HISTORY + " { quarters { %s } } }",
                    "provinceOverviewHistory.quarters"),
            reach("CriterionOverview", "{ " + CRITERION_13 + " { %s } }", "criterionOverview"),
            reach("CriterionSummary", "{ " + CRITERION_13 + " { summary { %s } } }", "criterionOverview.summary"),
            reach("CriterionUnitConnection", "{ " + CRITERION_13 + " { units { %s } } }", "criterionOverview.units"),
            reach("CriterionUnitEdge", "{ " + CRITERION_13 + " { units { edges { %s } } } }",
                    "criterionOverview.units.edges"),
            reach("CriterionUnit", "{ " + CRITERION_13 + " { units { edges { node { %s } } } } }",
                    "criterionOverview.units.edges.node"),
            reach("RecognitionCase", "{ recognitionCase(caseId: \"" + CASE + "\") { %s } }", "recognitionCase"),
            reach("RecognitionCaseConnection", "{ " + THAP_MUOI_CASES + " { %s } }", "recognitionCases"),
            reach("RecognitionCaseEdge", "{ " + THAP_MUOI_CASES + " { edges { %s } } }", "recognitionCases.edges"),
            reach("RecognitionAtRiskConnection", "{ " + THAP_MUOI_AT_RISK + " { %s } }", "recognitionsAtRisk"),
            reach("RecognitionAtRiskEdge", "{ " + THAP_MUOI_AT_RISK + " { edges { %s } } }",
                    "recognitionsAtRisk.edges"),
            reach("RecognitionAtRisk", "{ " + THAP_MUOI_AT_RISK + " { edges { node { %s } } } }",
                    "recognitionsAtRisk.edges.node"),
            reach("RequalificationConnection", "{ " + DUC_THO_REQUALIFY + " { %s } }", "requalifications"),
            reach("RequalificationEdge", "{ " + DUC_THO_REQUALIFY + " { edges { %s } } }", "requalifications.edges"),
            reach("Requalification", "{ " + DUC_THO_REQUALIFY + " { edges { node { %s } } } }",
                    "requalifications.edges.node"),
            // a plan prepared here (preparePlan): its header, rows, tasks and budget
            reach("Plan", "{ plan(planId: \"" + PLAN + "\") { %s } }", "plan"),
            reach("PlanItem", "{ plan(planId: \"" + PLAN + "\") { items { %s } } }", "plan.items"),
            reach("PlanTask", "{ planTasks(planId: \"" + PLAN + "\") { edges { node { %s } } } }",
                    "planTasks.edges.node"),
            reach("SourceBudget", "{ planBudget(planId: \"" + PLAN + "\") { items { sources { %s } } } }",
                    "planBudget.items.sources"),
            // commands neither a dashboard nor an auditor may send: the command side refuses them, the payload is read
            reach("ScorecardChangePayload", "mutation { markIndicatorNotAssessed(input: {unitCode: \"30049\", setId: \""
                    + NTM + "\", indicatorCode: \"17.7\", period: {start: \"2023-01-01\"}, reason: \"read policy\"}) { %s } }",
                    "markIndicatorNotAssessed"),
            reach("ReappraisalPayload", "mutation { orderReappraisal(input: {unitCode: \"30049\", setId: \"" + NTM
                    + "\", againstVersion: 1, reason: \"read policy\", basis: {number: \"1/KH-TEST\"}}) { %s } }",
                    "orderReappraisal"),
            reach("EvidencePayload", "mutation { withdrawEvidence(input: {documentId: \"read-policy\", unitCode: \"30049\","
                    + " reason: \"read policy\"}) { %s } }", "withdrawEvidence"),
            reach("CertificationPayload", "mutation { renewStandard(input: {certificationId: \"read-policy\","
                    + " unitCode: \"30049\", validUntil: \"2099-12-31\"}) { %s } }", "renewStandard"),
            // a duty prepared here (the demo has none yet): Tháp Mười's mẫu số 10 (seed 000 line 132)
            reach("ReportingCompliance", "{ " + MAU_10 + " { %s } }", "reportingCompliance"),
            reach("ReportingDuty", "{ " + MAU_10 + " { duty { %s } } }", "reportingCompliance.duty"),
            reach("ReportingDutyPayload", "mutation { establishReportingDuty(input: {unitCode: \"872\", dutyId: \""
                    + "read-policy-mau-10\", title: \"read policy\", recipient: {name: \"VPĐP\"}, owedBy: [{name: \"P\"}]})"
                    + " { %s } }", "establishReportingDuty"),
            reach("ReportSubmissionPayload", "mutation { submitReport(input: {unitCode: \"872\", dutyId: \""
                    + "read-policy-mau-10\", body: {name: \"Phòng Y tế\"}, submittedOn: \"2024-07-01\"}) { %s } }",
                    "submitReport"),
            // a target prepared here: Tân Kiều's 17.7 (seed 000 line 193)
            reach("Target", "{ targets(unitCode: \"30049\", first: 1) { edges { node { %s } } } }",
                    "targets.edges.node"),
            // refused to everyone: an agency that exists, an account that does not
            reach("AgencyPayload", "mutation { registerAgency(input: {agencyId: \"872-tnmt\", name: \"read policy\","
                    + " unitCode: \"872\"}) { %s } }", "registerAgency"),
            reach("AccountPayload", "mutation { disableAccount(input: {username: \"no.such.account\","
                    + " reason: \"read policy\"}) { %s } }", "disableAccount"),
            // refused to everyone: only administrators rotate keys, and never from a moment in the past
            reach("RotateIntegrityKeysPayload", "mutation { rotateIntegrityKeys(input: {effectiveFrom: "
                    + "\"2000-01-01T00:00:00Z\", reason: \"read policy\"}) { %s } }", "rotateIntegrityKeys"));

    /** Arguments of the fields under test that need some ({@code {now}}: the instant the query is sent). */
    private static final Map<String, String> ARGUMENTS = Map.ofEntries(
            Map.entry("Query.indicatorEntries", "(unitCode: \"30049\", setId: \"" + NTM + "\", indicatorCode: \"17.7\")"),
            // Định Yên's model-commune conditions, item by item (demo, seed 001 line 49)
            Map.entry("Query.itemAssessment", "(unitCode: \"30199\", setId: \"commune-model-2021-2025\", "
                    + "indicatorCode: \"dieu-kien\")"),
            Map.entry("Query.history", "(subject: {unitCode: \"30049\"}, first: 1)"),
            Map.entry("Query.standingAsOf", "(unitCode: \"30049\", setId: \"" + NTM + "\")"),
            Map.entry("Query.asOfComparison", "(unitCode: \"30049\", setId: \"" + NTM
                    + "\", recordedAt: \"{now}\", date: \"2024-12-31\")"),
            Map.entry("Query.explainIndicator", "(unitCode: \"30049\", setId: \"" + NTM + "\", indicatorCode: \"17.7\")"),
            Map.entry("Query.explainCriterion", "(unitCode: \"30049\", setId: \"" + NTM + "\", criterionCode: \"17\")"),
            Map.entry("Query.whatIf", "(input: {unitCode: \"30049\", setId: \"" + NTM
                    + "\", againstVersion: 1, date: \"2024-12-31\"})"),
            Map.entry("Query.evidenceDocuments", "(unitCode: \"15169\")"),
            Map.entry("Query.recognitionDiscrepancies", "(districtCode: \"872\")"),
            Map.entry("Query.securityLog", "(first: 1)"),
            Map.entry("Query.storeVerification", "(id: \"no-such-verification\")"),
            Map.entry("Query.importRun", "(id: \"no-such-run\")"),
            Map.entry("Query.unitHistoryExport", "(unitCode: \"30049\")"),
            Map.entry("Query.reportingDuty", "(unitCode: \"872\", dutyId: \"read-policy-mau-10\")"));

    /** One field closed to a role, on a type the role reaches through fields open to it. */
    private record Case(Role role, String type, GraphQLFieldDefinition field) {
        String coordinate() {
            return type + "." + field.getName();
        }
    }

    /** The coordinates already read by an account the policy admits, with the query of their first case. */
    private final Set<String> readByAnAdmittedAccount = ConcurrentHashMap.newKeySet();

    @TestFactory
    Stream<DynamicTest> everyFieldClosedToARoleIsRefusedToItAndReadByTheAuditor() {
        prepareAMerger();
        preparePlan();
        GraphQLSchema schema = graphQlSource.schema();
        ReadPolicy policy = access.policy();
        assertThat(ACCOUNTS.keySet()).as("a demo account for every role that signs in")
                .containsAll(Set.of(Role.values()).stream().filter(r -> r != Role.SYSTEM).toList());
        List<Case> cases = new ArrayList<>();
        for (Role role : ACCOUNTS.keySet()) {
            for (String type : policy.reachableBy(role, schema)) {
                for (GraphQLFieldDefinition field : schema.getObjectType(type).getFieldDefinitions()) {
                    if (!field.getName().startsWith("__") && !policy.allows(role, type, field.getName())) {
                        cases.add(new Case(role, type, field));
                    }
                }
            }
        }
        assertThat(cases.stream().filter(c -> c.role() == Role.DASHBOARD_VIEWER).map(Case::coordinate))
                .as("the dashboard's reads a probe found").contains("RecognitionCase.timeline",
                        "RecognitionCase.granted", "RecognitionCase.decisionNumber", "RecognitionCase.decisionDate",
                        "Query.recognitionDiscrepancies", "Standing.trackedBy");
        assertThat(cases.stream().filter(c -> c.role() == Role.COMMUNE_OFFICER).map(Case::coordinate))
                .as("oversight").containsExactlyInAnyOrder("Query.accounts", "Query.securityLog",
                        "Query.storeVerification", "Query.unitHistoryExport", "Mutation.startStoreVerification",
                        "AccountPayload.account");
        return cases.stream().map(c -> dynamicTest(c.role() + " reading " + c.coordinate(), () -> refused(c, policy)));
    }

    private void refused(Case c, ReadPolicy policy) {
        Reach reach = REACH.get(c.type());
        assertThat(reach).as("how to reach %s from the root, for %s (add it to REACH)", c.type(), c.coordinate())
                .isNotNull();
        String operation = reach.operation().formatted("__typename " + selection(c.coordinate(), c.field()));
        List<String> fieldPath = new ArrayList<>(names(reach.path()));
        fieldPath.add(c.field().getName());
        String account = ACCOUNTS.get(c.role());

        long mark = lastRefusal();
        Map<String, Object> response = post(account, operation);
        assertThat(errors(response)).as("%s refused to %s: %s", c.coordinate(), account, operation)
                .isNotEmpty().allSatisfy(error -> {
                    assertThat(classification(error)).isEqualTo(ErrorType.FORBIDDEN.name());
                    assertThat(withoutIndices(error.get("path"))).isEqualTo(fieldPath);
                });
        // one row per refused request; the refused read is among the things it lists
        assertThat(jdbc.queryForObject("select count(*) from security.denied_attempt where id > ? and actor = ?"
                + " and exists (select 1 from unnest(refusals) r where r like ?)", Integer.class, mark, account,
                "READ " + c.coordinate() + ":%"))
                .as("security log of %s reading %s", account, c.coordinate()).isPositive();
        if (!(c.field().getType() instanceof GraphQLNonNull)) {
            assertThat(instances(response.get("data"), reach.path())).as("the rest of %s", operation).isNotEmpty();
        }

        if (readByAnAdmittedAccount.add(c.coordinate())) {
            ReadPolicy.Audience audience = policy.audience(c.type(), c.field().getName());
            Role reader = audience.admits(Role.AUDITOR) ? Role.AUDITOR
                    : ACCOUNTS.keySet().stream().filter(audience::admits).findFirst().orElseThrow();
            Map<String, Object> read = post(ACCOUNTS.get(reader), operation);
            assertThat(errors(read)).as("%s read by %s: %s", c.coordinate(), reader, operation).isEmpty();
            assertThat(instances(read.get("data"), reach.path())).as("%s reached by %s", c.type(), operation)
                    .isNotEmpty();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFieldOpenToDashboardsIsReadByThem() {
        prepareAMerger();
        preparePlan();
        GraphQLSchema schema = graphQlSource.schema();
        ReadPolicy policy = access.policy();
        Set<String> reachable = policy.reachableBy(Role.DASHBOARD_VIEWER, schema);
        return REACH.entrySet().stream()
                .filter(e -> !e.getKey().equals("Query") && e.getValue().operation().startsWith("{"))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> dynamicTest(e.getKey(), () -> {
                    assertThat(reachable).contains(e.getKey());
                    GraphQLObjectType type = schema.getObjectType(e.getKey());
                    String selection = type.getFieldDefinitions().stream()
                            .filter(f -> policy.allows(Role.DASHBOARD_VIEWER, type.getName(), f.getName()))
                            .map(f -> selection(type.getName() + "." + f.getName(), f))
                            .collect(Collectors.joining(" "));
                    String operation = e.getValue().operation().formatted(selection);
                    Map<String, Object> response = post("dashboard", operation);
                    assertThat(errors(response)).as(operation).isEmpty();
                    assertThat(instances(response.get("data"), e.getValue().path())).as(operation).isNotEmpty();
                }));
    }

    /** A field as selected in a test: its arguments, and {@code __typename} below it when it is an object. */
    private static String selection(String coordinate, GraphQLFieldDefinition field) {
        String arguments = ARGUMENTS.get(coordinate);
        if (arguments == null) {
            assertThat(field.getArguments()).as("arguments for %s (add them to ARGUMENTS)", coordinate)
                    .noneMatch(a -> a.getType() instanceof GraphQLNonNull && !a.hasSetDefaultValue());
            arguments = "";
        }
        return field.getName() + arguments.replace("{now}", Instant.now().toString())
                + (GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(field.getType())) ? "" : " { __typename }");
    }

    /** A plan of Tháp Mười with a row for 7.4, its residents' share planned and partly mobilised, a progress note. */
    private void preparePlan() {
        if (jdbc.queryForObject("select count(*) from read_model.plan_version where plan_id = ?", Integer.class,
                PLAN) > 0) {
            return;
        }
        graphQl("thapmuoi.vpdp").documentName("issuePlan").variable("input", Map.of("planId", PLAN, "unitCode", "872",
                        "number", "1/KH-TEST", "date", "2024-01-26", "issuer", Map.of("name", "UBND huyện"),
                        "year", 2024, "title", "Kế hoạch thử", "legalBases", List.of(Map.of("number", "863/QĐ-UBND-HC"))))
                .execute().path("issuePlan.errors").entityList(Object.class).hasSize(0);
        graphQl("thapmuoi.vpdp").documentName("addPlanItem").variable("input", Map.of("planId", PLAN,
                        "unitCode", "872", "itemId", "i1", "setId", "dongthap-district-advanced-2021-2025",
                        "indicatorCode", "7.4", "content", "7.4", "unitCodes", List.of("872"),
                        "lead", Map.of("name", "Phòng Tài nguyên và Môi trường huyện", "agencyId", "872-tnmt"),
                        "deadline", "Tháng 6/2024",
                        "funding", List.of(Map.of("source", "RESIDENTS", "amount", Map.of("vnd", "970000000")))))
                .execute().path("addPlanItem.errors").entityList(Object.class).hasSize(0);
        graphQl("thapmuoi.vpdp").documentName("recordPlanFunds").variable("input", Map.of("planId", PLAN,
                        "unitCode", "872", "itemId", "i1", "source", "RESIDENTS", "stage", "MOBILISED",
                        "amount", Map.of("vnd", "300000000"), "date", "2024-03-01", "by", Map.of("name", "UBND"),
                        "statedShare", "đạt 30.92 %"))
                .execute().path("recordPlanFunds.errors").entityList(Object.class).hasSize(0);
        graphQl("thapmuoi.tnmt").documentName("notePlanTaskProgress").variable("input", Map.of("planId", PLAN,
                        "unitCode", "872", "itemId", "i1", "taskUnitCode", "872", "date", "2024-04-01",
                        "by", Map.of("name", "Phòng Tài nguyên và Môi trường huyện"), "note", "đang làm"))
                .execute().path("notePlanTaskProgress.errors").entityList(Object.class).hasSize(0);
        awaitProjections();
    }

    /** Two test communes under Trà Cú (849), the first merged into the second: a succession to read. */
    private void prepareAMerger() {
        prepareADuty();
        if (jdbc.queryForObject("select count(*) from read_model.unit where code = '99302'", Integer.class) > 0) {
            return;
        }
        for (String code : List.of("99301", "99302")) {
            graphQl("admin").documentName("registerUnit").variable("input", Map.of("code", code, "name", "Thử " + code,
                            "fullName", "Xã Thử " + code, "kind", "COMMUNE", "parentCode", "849"))
                    .execute().path("registerUnit.errors").entityList(Object.class).hasSize(0);
        }
        graphQl("admin").documentName("ceaseUnit").variable("input", Map.of("code", "99301", "effectiveFrom",
                        "2025-07-01", "successors", List.of(Map.of("code", "99302")),
                        "basis", Map.of("number", "IT-2/NQ", "date", "2025-06-16", "issuer", "ReadPolicyIT")))
                .execute().path("ceaseUnit.errors").entityList(Object.class).hasSize(0);
        awaitProjections();
    }

    /** A reporting duty to read compliance of: Tháp Mười's mẫu số 10, due 10/7/2024 (seed 000 line 132). */
    private void prepareADuty() {
        if (jdbc.queryForObject("select count(*) from read_model.target where target_id = 'read-policy-17-7'",
                Integer.class) == 0) {
            graphQl("tankieu.officer").documentName("setTarget").variable("input", Map.of("unitCode", "30049",
                            "targetId", "read-policy-17-7", "content", Map.of("kind", "INDICATOR_VALUE",
                                    "statement", "Chỉ tiêu 17.7: 85%, Tháng 6/2024", "year", 2024,
                                    "setId", NTM, "indicatorCode", "17.7", "measure", "Tỷ lệ bao gói thuốc BVTV",
                                    "value", 85, "valueAsWritten", "85%", "deadlineAsWritten", "Tháng 6/2024",
                                    "source", Map.of("number", "317/KH-UBND"))))
                    .execute().path("setTarget.errors").entityList(Object.class).hasSize(0);
        }
        if (jdbc.queryForObject("select count(*) from read_model.reporting_duty where duty_id = 'read-policy-mau-10'",
                Integer.class) > 0) {
            return;
        }
        graphQl("thapmuoi.vpdp").documentName("establishReportingDuty").variable("input", Map.of("unitCode", "872",
                        "dutyId", "read-policy-mau-10", "title", "Báo cáo kết quả huyện NTM nâng cao theo mẫu số 10",
                        "recipient", Map.of("name", "Văn phòng Điều phối huyện"),
                        "owedBy", List.of(Map.of("name", "Phòng Tài nguyên và Môi trường huyện", "agencyId", "872-tnmt")),
                        "dueAsWritten", "đến ngày 10/7/2024", "source", "seed 000 line 132"))
                .execute().path("establishReportingDuty.errors").entityList(Object.class).hasSize(0);
        awaitProjections();
    }

    private long lastRefusal() {
        Long id = jdbc.queryForObject("select coalesce(max(id), 0) from security.denied_attempt", Long.class);
        return id == null ? 0 : id;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(String username, String operation) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(Duration.ofSeconds(60))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build()
                .post().headers(h -> h.setBasicAuth(username, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", operation)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Map<String, Object> response) {
        Object errors = response.get("errors");
        return errors == null ? List.of() : (List<Map<String, Object>>) errors;
    }

    @SuppressWarnings("unchecked")
    private static Object classification(Map<String, Object> error) {
        Object extensions = error.get("extensions");
        return extensions instanceof Map<?, ?> map ? ((Map<String, Object>) map).get("classification") : null;
    }

    private static List<Object> withoutIndices(Object path) {
        return path instanceof List<?> list ? list.stream().filter(p -> !(p instanceof Number)).map(p -> (Object) p)
                .toList() : List.of();
    }

    private static List<String> names(String path) {
        return path.isEmpty() ? List.of() : List.of(path.split("\\."));
    }

    /** The non-null objects at a path of the data, lists flattened. */
    private static List<Object> instances(Object data, String path) {
        List<Object> level = data == null ? List.of() : List.of(data);
        for (String name : names(path)) {
            List<Object> below = new ArrayList<>();
            for (Object parent : level) {
                Object value = parent instanceof Map<?, ?> map ? map.get(name) : null;
                if (value instanceof List<?> list) {
                    list.stream().filter(java.util.Objects::nonNull).forEach(below::add);
                } else if (value != null) {
                    below.add(value);
                }
            }
            level = below;
        }
        return level;
    }
}
