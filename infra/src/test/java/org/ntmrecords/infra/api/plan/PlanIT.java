package org.ntmrecords.infra.api.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

/**
 * Plans through HTTP GraphQL on PostgreSQL, built from the seeds:
 * <ul>
 *   <li>seed 000 ({@code 000_ff42783eca411e0d.txt}), Kế hoạch 317/KH-UBND of UBND huyện Tháp Mười: number (line 3),
 *       date (line 5), title (line 8), legal bases (lines 10, 12), the annex heading's "316/KH-UBND" (line 183),
 *       Phụ lục 6 rows A.II.2 = 17.7 for Tân Kiều (line 193) and E.II.4.1–4.3 = 7.1, 7.4, 7.8 for the district
 *       (lines 212–214): requirement, state, solution, lead and coordinating bodies, "Tháng 6/2024";</li>
 *   <li>seed 004 ({@code 004_bedcbf93154cdfce.txt}), Cẩm Ngọc's 2023 plan: number as written "/ KH- UBND" (line 3),
 *       its date line "ngày tháng 8 năm 2023" with the day blank (line 5: kept as written, no date), year 2023
 *       (line 9), criterion 18's water works with 12.8 tỷ đồng of investment (line 155) and
 *       the residents' contribution "300 triệu/ 970 triệu; đạt 30.92 %" (line 157), criterion 6's 6.1 at
 *       "1.150 tỷ đồng" (line 119, read as 1,150,000,000 đồng: the document writes the decimal point as a dot, as
 *       in "3.5 tỷ" and "12.8 tỷ"). Neither row states its own deadline; the test gives them the plan's year,
 *       "năm 2023" (line 9).</li>
 * </ul>
 * The amendment of plan 317 and the progress notes and decisions are the test's own (no seed states any). The demo
 * holds Cẩm Ngọc's plan as {@code 15169-2023} (demo/cam-ngoc-2023.yaml, read by CamNgocScenarioIT); this test issues
 * its own two-row copy under another id, to prove the mutations and the budget's arithmetic on it.
 * Changes demo data (Tân Kiều's 17.7), so it runs in a context of its own.
 */
// builds its own plans, duties and targets from the seeds: the demo's are not loaded in its store
@TestPropertySource(properties = {"ntm.test.isolated=plans", "ntm.demo.planning=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanIT extends IntegrationTest {
    private static final String PLAN = "872-2024-317";
    private static final String CAM_NGOC_PLAN = "15169-2023-plan-it";
    private static final String DISTRICT_SET = "dongthap-district-advanced-2021-2025";
    private static final String COMMUNE_SET = "dongthap-commune-ntm-2021-2025";
    private static final String OFFICE = "thapmuoi.vpdp";
    private static final String TNMT = "thapmuoi.tnmt";
    private static final Map<String, Object> TNMT_BODY = body("Phòng Tài nguyên và Môi trường huyện", "872-tnmt",
            null);

    private static Map<String, Object> body(String name, String agencyId, String unitCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("agencyId", agencyId);
        body.put("unitCode", unitCode);
        return body;
    }

    private GraphQlTester.Response mutate(String user, String operation, Map<String, Object> input) {
        return graphQl(user).documentName(operation).variable("input", input).execute();
    }

    private static Map<String, Object> item(String itemId, String row, String setId, String indicator, String content,
                                            List<String> units, String requirement, String state, String solution,
                                            Map<String, Object> lead, List<Map<String, Object>> coordinating,
                                            String deadline) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("planId", PLAN);
        input.put("unitCode", "872");
        input.put("itemId", itemId);
        input.put("row", row);
        input.put("setId", setId);
        input.put("indicatorCode", indicator);
        input.put("content", content);
        input.put("unitCodes", units);
        input.put("requirement", requirement);
        input.put("stateAsWritten", state);
        input.put("solution", solution);
        input.put("lead", lead);
        input.put("coordinating", coordinating);
        input.put("deadline", deadline);
        return input;
    }

    private String historyEventId(String unit, String set, String indicator, String type) {
        List<String> ids = graphQl().documentName("history").variable("subject", Map.of("unitCode", unit, "setId", set,
                        "indicatorCode", indicator)).variable("filter", Map.of("types", List.of(type)))
                .variable("first", 200).execute().path("history.edges[*].node.eventId").entityList(String.class).get();
        assertThat(ids).as("%s of %s %s", type, unit, indicator).isNotEmpty();
        return ids.get(ids.size() - 1);
    }

    @Test
    @Order(1)
    void plan317IsIssuedWithItsAnnexRowsAndEveryVersionStaysReadable() {
        awaitProjections();
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("planId", PLAN);
        issue.put("unitCode", "872");
        issue.put("number", "317/KH-UBND");                       // seed 000 line 3
        issue.put("annexNumber", "316/KH-UBND");                  // seed 000 line 183
        issue.put("date", "2024-01-26");                          // seed 000 line 5
        issue.put("issuer", body("Ủy ban nhân dân huyện Tháp Mười", null, "872"));
        issue.put("year", 2024);
        issue.put("title", "Xây dựng huyện Tháp Mười đạt chuẩn nông thôn mới nâng cao năm 2024"); // line 8
        issue.put("aims", List.of(Map.of("setId", DISTRICT_SET, "title", "huyện nông thôn mới nâng cao năm 2024")));
        issue.put("legalBases", List.of(                          // seed 000 lines 10, 12
                Map.of("number", "863/QĐ-UBND-HC", "date", "2022-08-08", "issuer", "Ủy ban nhân dân tỉnh Đồng Tháp"),
                Map.of("number", "102/KH-UBND", "date", "2023-03-20", "issuer", "Ủy ban nhân dân tỉnh Đồng Tháp")));
        // a commune officer does not issue the district's plan; the coordination office does
        mutate("tankieu.officer", "issuePlan", issue).path("issuePlan.errors[*].code").entityList(String.class)
                .containsExactly("NOT_ALLOWED");
        mutate(OFFICE, "issuePlan", issue).path("issuePlan.errors").entityList(Object.class).hasSize(0)
                .path("issuePlan.plan.number").entity(String.class).isEqualTo("317/KH-UBND")
                .path("issuePlan.plan.annexNumber").entity(String.class).isEqualTo("316/KH-UBND")
                .path("issuePlan.plan.version").entity(Integer.class).isEqualTo(1);
        mutate(OFFICE, "issuePlan", issue).path("issuePlan.errors[*].code").entityList(String.class)
                .containsExactly("ALREADY_EXISTS");

        // the state of 17.7 when the plan was made, linked to the demo's recorded value and judgment of that day
        String value177 = historyEventId("30049", COMMUNE_SET, "17.7", "INDICATOR_VALUE_RECORDED");
        String judged177 = historyEventId("30049", COMMUNE_SET, "17.7", "INDICATOR_JUDGED");
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> row177 = item("a-ii-2", "A.II.2", COMMUNE_SET, "17.7",
                "Xã Tân Kiều chưa đạt tiêu chí số 17 Môi trường và an toàn thực phẩm. Do chưa đạt chỉ tiêu 17.7",
                List.of("30049"), "85%", "71,32%",
                "Tiếp tục vận động người dân trên địa bàn xã thu gom, xử lý rác đáp ứng yêu cầu về bảo vệ môi trường",
                body("UBND xã Tân Kiều", null, "30049"),
                List.of(TNMT_BODY, body("các tổ chức chính trị-xã hội huyện", null, null)), "Tháng 6/2024"); // line 193
        row177.put("stateValueEventIds", List.of(value177));
        row177.put("stateJudgmentEventId", judged177);
        rows.add(row177);
        List<Map<String, Object>> districtCoordination = List.of(body("Các tổ chức chính trị-xã hội huyện", null, null),
                body("các đơn vị liên quan", null, null), body("UBND các xã", null, null));
        rows.add(item("e-ii-4-1", "E.II.4.1", DISTRICT_SET, "7.1", "Chưa đạt đạt chỉ tiêu 7.1", List.of("872"),
                "≥ 95%", "Chưa đạt 92,01/95%", "Tiếp tục tuyên truyền vận động và mở rộng phạm vi thu gom",
                TNMT_BODY, districtCoordination, "Tháng 6/2024"));                                      // line 212
        rows.add(item("e-ii-4-2", "E.II.4.2", DISTRICT_SET, "7.4", "Chưa đạt chỉ tiêu 7.4", List.of("872"),
                "≥ 70%", "Chưa đạt 64,8/70%", "Tiếp tục tuyên truyền vận động hộ gia đình thực hiện phân loại",
                TNMT_BODY, districtCoordination, "Tháng 6/2024"));                                      // line 213
        rows.add(item("e-ii-4-3", "E.II.4.3", DISTRICT_SET, "7.8", "Chưa đạt chỉ tiêu 7.8", List.of("872"),
                "≥ 85%", "Chưa đạt 83.7%/85%", "Tiếp tục tuyên truyền vận động người dân thu gom chất thải nhựa",
                TNMT_BODY, districtCoordination, "Tháng 6/2024"));                                      // line 214
        for (Map<String, Object> row : rows) {
            mutate(OFFICE, "addPlanItem", row).path("addPlanItem.errors").entityList(Object.class).hasSize(0);
        }
        // a row for a unit outside the plan's district is refused, nothing stored
        long before = eventCount();
        mutate(OFFICE, "addPlanItem", item("x", null, null, null, "x", List.of("30199"), null, null, null, TNMT_BODY,
                null, "Tháng 6/2024")).path("addPlanItem.errors[*].code").entityList(String.class)
                .containsExactly("INVALID_PARENT");
        assertThat(eventCount()).isEqualTo(before);

        // an amendment (the test's own) adds a version; version 1 stays readable as issued
        mutate(OFFICE, "amendPlan", Map.of("planId", PLAN, "unitCode", "872", "date", "2024-03-01",
                "changes", "Điều chỉnh tên kế hoạch (dữ liệu thử)", "reason", "Kiểm thử phiên bản",
                "title", "Kế hoạch điều chỉnh (dữ liệu thử)"))
                .path("amendPlan.errors").entityList(Object.class).hasSize(0)
                .path("amendPlan.plan.version").entity(Integer.class).isEqualTo(2);
        graphQl("dashboard").documentName("plan").variable("planId", PLAN).variable("version", 1).execute()
                .errors().satisfy(e -> assertThat(e).isNotEmpty()); // legalBases are documents: not for dashboards
        GraphQlTester.Response first = graphQl().documentName("plan").variable("planId", PLAN).variable("version", 1)
                .execute();
        first.path("plan.version").entity(Integer.class).isEqualTo(1)
                .path("plan.latestVersion").entity(Integer.class).isEqualTo(2)
                .path("plan.title").entity(String.class)
                .isEqualTo("Xây dựng huyện Tháp Mười đạt chuẩn nông thôn mới nâng cao năm 2024")
                .path("plan.legalBases[*].number").entityList(String.class)
                .containsExactly("863/QĐ-UBND-HC", "102/KH-UBND")
                .path("plan.versions[*].version").entityList(Integer.class).containsExactly(1, 2)
                .path("plan.items[*].indicatorCode").entityList(String.class)
                .containsExactly("17.7", "7.1", "7.4", "7.8")
                .path("plan.items[1].lead.agencyId").entity(String.class).isEqualTo("872-tnmt")
                .path("plan.items[1].coordinating[*].name").entityList(String.class).containsExactly(
                        "Các tổ chức chính trị-xã hội huyện", "các đơn vị liên quan", "UBND các xã")
                .path("plan.items[2].stateAsWritten").entity(String.class).isEqualTo("Chưa đạt 64,8/70%")
                .path("plan.items[2].deadline.asWritten").entity(String.class).isEqualTo("Tháng 6/2024")
                .path("plan.items[2].deadline.lastDay").entity(String.class).isEqualTo("2024-06-30")
                .path("plan.items[0].lead.name").entity(String.class).isEqualTo("UBND xã Tân Kiều")
                .path("plan.items[0].stateValueEventIds").entityList(String.class).containsExactly(value177)
                .path("plan.items[0].stateJudgmentEventId").entity(String.class).isEqualTo(judged177);
        graphQl().documentName("plan").variable("planId", PLAN).execute()
                .path("plan.version").entity(Integer.class).isEqualTo(2)
                .path("plan.title").entity(String.class).isEqualTo("Kế hoạch điều chỉnh (dữ liệu thử)")
                .path("plan.changes").entity(String.class).isEqualTo("Điều chỉnh tên kế hoạch (dữ liệu thử)");
        graphQl().document("{ plans(districtCode: \"872\") { totalCount edges { node { planId number version } } } }")
                .execute().path("plans.edges[*].node.planId").entityList(String.class).containsExactly(PLAN)
                .path("plans.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    @Order(2)
    void tasksAreOpenOverdueAndDueByTheBusinessDateAndOverdueCountsGoByLead() {
        awaitProjections();
        graphQl("dashboard").documentName("tasksDue").variable("withinDays", 30).variable("districtCode", "872")
                .variable("asOf", "2024-06-15").execute()
                .path("tasksDue.totalCount").entity(Integer.class).isEqualTo(4)
                .path("tasksDue.edges[*].node.daysLeft").entityList(Integer.class)
                .satisfies(days -> assertThat(days).hasSize(4).containsOnly(15));
        graphQl().documentName("tasksDue").variable("withinDays", 10).variable("districtCode", "872")
                .variable("asOf", "2024-06-01").execute()
                .path("tasksDue.totalCount").entity(Integer.class).isEqualTo(0);
        graphQl().documentName("planTasks").variable("districtCode", "872").variable("status", "OPEN")
                .variable("asOf", "2024-06-30").execute()
                .path("planTasks.totalCount").entity(Integer.class).isEqualTo(4)
                .path("planTasks.edges[*].node.planNumber").entityList(String.class)
                .satisfies(numbers -> assertThat(numbers).hasSize(4).containsOnly("317/KH-UBND"));
        // one day after "Tháng 6/2024": every open task is overdue; paged two at a time
        GraphQlTester.Response page = graphQl().documentName("planTasks").variable("districtCode", "872")
                .variable("status", "OVERDUE").variable("asOf", "2024-07-01").variable("first", 2).execute();
        page.path("planTasks.totalCount").entity(Integer.class).isEqualTo(4)
                .path("planTasks.edges").entityList(Object.class).hasSize(2)
                .path("planTasks.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = page.path("planTasks.pageInfo.endCursor").entity(String.class).get();
        graphQl().documentName("planTasks").variable("districtCode", "872").variable("status", "OVERDUE")
                .variable("asOf", "2024-07-01").variable("first", 2).variable("after", cursor).execute()
                .path("planTasks.edges").entityList(Object.class).hasSize(2)
                .path("planTasks.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        graphQl("dashboard").documentName("overdueTasks").variable("districtCode", "872")
                .variable("leadAgencyId", "872-tnmt")
                .variable("asOf", "2024-07-01").execute()
                .path("overdueTasks.totalCount").entity(Integer.class).isEqualTo(3)
                .path("overdueTasks.edges[*].node.item.indicatorCode").entityList(String.class)
                .containsExactly("7.1", "7.4", "7.8")
                .path("overdueTasks.edges[*].node.daysLeft").entityList(Integer.class)
                .satisfies(days -> assertThat(days).hasSize(3).containsOnly(-1))
                .path("overdueTasksByLead[*].leadName").entityList(String.class)
                .containsExactly("Phòng Tài nguyên và Môi trường huyện", "UBND xã Tân Kiều")
                .path("overdueTasksByLead[*].overdue").entityList(Integer.class).containsExactly(3, 1);
        // the commune's own tasks only
        graphQl().documentName("planTasks").variable("unitCode", "30049").variable("asOf", "2024-07-01").execute()
                .path("planTasks.edges[*].node.taskId").entityList(String.class)
                .containsExactly(PLAN + "/a-ii-2@30049");
    }

    @Test
    @Order(3)
    void theLeadNotesProgressAndDashboardsDoNotReadNotes() {
        awaitProjections();
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("planId", PLAN);
        note.put("unitCode", "872");
        note.put("itemId", "e-ii-4-2");
        note.put("taskUnitCode", "872");
        note.put("date", "2024-04-10");
        note.put("by", TNMT_BODY);
        note.put("note", "Đã tổ chức tuyên truyền phân loại chất thải rắn tại nguồn (dữ liệu thử)");
        note.put("evidence", List.of(Map.of("number", "15/BC-TNMT", "date", "2024-04-10")));
        mutate(TNMT, "notePlanTaskProgress", note).path("notePlanTaskProgress.errors").entityList(Object.class)
                .hasSize(0)
                .path("notePlanTaskProgress.task.progress[*].evidence[*].number").entityList(String.class)
                .containsExactly("15/BC-TNMT")
                .path("notePlanTaskProgress.task.progress[0].recordedBy").entity(String.class).isEqualTo(TNMT);
        // Tân Kiều's 17.7 is led by its people's committee: the agency coordinates, it does not report as lead
        Map<String, Object> notLead = new LinkedHashMap<>(note);
        notLead.put("itemId", "a-ii-2");
        notLead.put("taskUnitCode", "30049");
        long before = eventCount();
        mutate(TNMT, "notePlanTaskProgress", notLead).path("notePlanTaskProgress.errors[*].code")
                .entityList(String.class).containsExactly("NOT_ALLOWED");
        assertThat(eventCount()).isEqualTo(before);
        graphQl("dashboard")
                .document("{ planTasks(planId: \"" + PLAN + "\") { edges { node { progress { note } } } } }")
                .execute().errors().satisfy(e -> assertThat(e).isNotEmpty());
    }

    @Test
    @Order(4)
    void aTaskClosesItselfWhenItsIndicatorIsJudgedMetAndItsHistorySaysByWhichEvent() {
        awaitProjections();
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("unitCode", "30049");
        value.put("setId", COMMUNE_SET);
        value.put("indicatorCode", "17.7");
        value.put("value", Map.of("kind", "PERCENTAGE", "percentage", 86));
        value.put("period", Map.of("start", "2024-04-01", "end", "2024-06-30"));
        value.put("sourceAgency", "UBND xã Tân Kiều");
        value.put("note", "dữ liệu thử: đạt sau kế hoạch");
        // the row's lead, UBND xã Tân Kiều (seed 000 line 193), records its commune's value
        graphQl("tankieu.officer").documentName("recordIndicatorValue").variable("input", value).execute()
                .path("recordIndicatorValue.errors").entityList(Object.class).hasSize(0)
                .path("recordIndicatorValue.indicator.result").entity(String.class).isEqualTo("MET");
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(graphQl().documentName("planTasks")
                .variable("unitCode", "30049").variable("asOf", "2024-07-01").execute()
                .path("planTasks.edges[0].node.status").entity(String.class).get()));
        String judged = historyEventId("30049", COMMUNE_SET, "17.7", "INDICATOR_JUDGED");
        graphQl().documentName("planTasks").variable("unitCode", "30049").variable("asOf", "2024-07-01").execute()
                .path("planTasks.edges[0].node.completedByEventId").entity(String.class).isEqualTo(judged)
                .path("planTasks.edges[0].node.completedScorecardId").entity(String.class)
                .isEqualTo("30049@" + COMMUNE_SET)
                .path("planTasks.edges[0].node.changedBy").entity(String.class).isEqualTo("system:plan-task-closure");
        GraphQlTester.Response history = graphQl().documentName("history").variable("subject", Map.of("unitCode",
                        "30049", "setId", COMMUNE_SET, "indicatorCode", "17.7"))
                .variable("filter", Map.of("types", List.of("PLAN_TASK_COMPLETED"))).execute();
        history.path("history.edges[*].node.summary").entityList(String.class).hasSize(1)
                .satisfies(s -> assertThat(s.get(0)).contains("được đánh giá đạt tại sự kiện " + judged))
                .path("history.edges[0].node.actor").entity(String.class).isEqualTo("system:plan-task-closure")
                // under the correlation of the request whose value was judged met
                .path("history.edges[0].node.correlationId").entity(String.class).isEqualTo(graphQl()
                        .documentName("history").variable("subject", Map.of("unitCode", "30049", "setId", COMMUNE_SET,
                                "indicatorCode", "17.7"))
                        .variable("filter", Map.of("types", List.of("INDICATOR_JUDGED"))).variable("first", 200)
                        .execute().path("history.edges[?(@.node.eventId == '" + judged + "')].node.correlationId")
                        .entityList(String.class).get().get(0));
        // the district's tasks stay open: no judgment of theirs
        graphQl().documentName("planTasks").variable("districtCode", "872").variable("status", "DONE")
                .variable("asOf", "2024-07-01").execute()
                .path("planTasks.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    @Order(5)
    void aTaskIsClosedAndReopenedByDecisionsWithReasons() {
        awaitProjections();
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("planId", PLAN);
        decision.put("unitCode", "872");
        decision.put("itemId", "e-ii-4-3");
        decision.put("taskUnitCode", "872");
        decision.put("date", "2024-07-05");
        decision.put("reason", "Dữ liệu thử: đóng theo quyết định");
        decision.put("decision", Map.of("number", "1/QĐ-THU", "date", "2024-07-05"));
        mutate(TNMT, "closePlanTask", decision).path("closePlanTask.errors[*].code").entityList(String.class)
                .containsExactly("NOT_ALLOWED");
        mutate(OFFICE, "closePlanTask", decision).path("closePlanTask.errors").entityList(Object.class).hasSize(0)
                .path("closePlanTask.task.status").entity(String.class).isEqualTo("CLOSED")
                .path("closePlanTask.task.statusReason").entity(String.class)
                .isEqualTo("Dữ liệu thử: đóng theo quyết định");
        mutate(OFFICE, "closePlanTask", decision).path("closePlanTask.errors[*].code").entityList(String.class)
                .containsExactly("NO_CHANGE");
        decision.put("reason", "Dữ liệu thử: mở lại");
        mutate(OFFICE, "reopenPlanTask", decision).path("reopenPlanTask.errors").entityList(Object.class).hasSize(0)
                .path("reopenPlanTask.task.status").entity(String.class).isEqualTo("OVERDUE");
    }

    @Test
    @Order(6)
    void camNgocsBudgetShowsTheResidentsShareFromItsPlan() {
        awaitProjections();
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("planId", CAM_NGOC_PLAN);
        issue.put("unitCode", "15169");
        issue.put("number", "/ KH- UBND");                          // seed 004 line 3: number blank
        issue.put("dateAsWritten", "ngày tháng 8 năm 2023");        // line 5: the day is blank
        issue.put("issuer", body("UBND xã Cẩm Ngọc", null, "15169"));
        issue.put("year", 2023);                                    // line 9
        issue.put("title",
                "thực hiện chương trình duy trì xã NTM, xây dựng xã NTM nâng cao, thôn NTM kiểu mẫu năm 2023.");
        mutate("admin", "issuePlan", issue).path("issuePlan.errors").entityList(Object.class).hasSize(0)
                .path("issuePlan.plan.date").valueIsNull();
        Map<String, Object> water = new LinkedHashMap<>();
        water.put("planId", CAM_NGOC_PLAN);
        water.put("unitCode", "15169");
        water.put("itemId", "2-7");
        water.put("row", "2.7");
        water.put("content", "Tiêu chí số 18: Chất lượng môi trường sống");                          // line 151
        water.put("unitCodes", List.of("15169"));
        water.put("stateAsWritten", "Chưa đạt");                                                      // line 151
        water.put("lead", body("UBND xã Cẩm Ngọc", null, "15169"));
        water.put("deadline", "năm 2023");                                                           // line 9
        water.put("cost", Map.of("vnd", "12800000000", "asWritten", "12.8 tỷ đồng"));                 // line 155
        water.put("funding", List.of(                                                                 // lines 155, 157
                Map.of("source", "RESIDENTS", "asWritten", "nhân dân đóng góp",
                        "amount", Map.of("vnd", "970000000", "asWritten", "970 triệu")),
                Map.of("source", "BUSINESSES", "asWritten", "Doanh nghiệp"),
                Map.of("source", "COMMUNE_BUDGET", "asWritten", "nguồn ngân sách xã")));
        mutate("admin", "addPlanItem", water).path("addPlanItem.errors").entityList(Object.class).hasSize(0);
        Map<String, Object> culture = new LinkedHashMap<>();
        culture.put("planId", CAM_NGOC_PLAN);
        culture.put("unitCode", "15169");
        culture.put("itemId", "2-2");
        culture.put("row", "2.2");
        culture.put("content", "Tiêu chí số 6: Văn hóa: Chưa đạt; chỉ tiêu 6.1");                    // lines 115-117
        culture.put("unitCodes", List.of("15169"));
        culture.put("lead", body("UBND xã Cẩm Ngọc", null, "15169"));
        culture.put("deadline", "năm 2023");
        culture.put("cost", Map.of("vnd", "1150000000", "asWritten", "1.150 tỷ đồng"));               // line 119
        mutate("admin", "addPlanItem", culture).path("addPlanItem.errors").entityList(Object.class).hasSize(0);
        Map<String, Object> funds = new LinkedHashMap<>();
        funds.put("planId", CAM_NGOC_PLAN);
        funds.put("unitCode", "15169");
        funds.put("itemId", "2-7");
        funds.put("source", "RESIDENTS");
        funds.put("sourceAsWritten", "Số tiền đối ứng mới thu được từ nhân dân");                     // line 157
        funds.put("stage", "MOBILISED");
        funds.put("amount", Map.of("vnd", "300000000", "asWritten", "300 triệu"));                    // line 157
        funds.put("date", "2023-08-31");                          // "đến nay" in the plan of 8/2023: the test's day
        funds.put("by", body("UBND xã Cẩm Ngọc", null, "15169"));
        funds.put("statedShare", "đạt 30.92 % so với KH");                                           // line 157
        mutate("thapmuoi.vpdp", "recordPlanFunds", funds).path("recordPlanFunds.errors[*].code")
                .entityList(String.class).containsExactly("NOT_ALLOWED");
        mutate("admin", "recordPlanFunds", funds).path("recordPlanFunds.errors").entityList(Object.class).hasSize(0)
                .path("recordPlanFunds.budget.mobilised.vnd").entity(Long.class).isEqualTo(300_000_000L);
        GraphQlTester.Response budget = graphQl().documentName("planBudget").variable("planId", CAM_NGOC_PLAN)
                .execute();
        budget.path("planBudget.items[0].itemId").entity(String.class).isEqualTo("2-7")
                .path("planBudget.items[0].planned.vnd").entity(Long.class).isEqualTo(970_000_000L)
                .path("planBudget.items[0].planned.asWritten").entity(String.class).isEqualTo("970 triệu")
                .path("planBudget.items[0].mobilised.asWritten").entity(String.class).isEqualTo("300 triệu")
                // 300 / 970 = 30.927…%: half-up to two decimals; the plan itself writes 30.92
                .path("planBudget.items[0].mobilisedPercent").entity(String.class).isEqualTo("30.93")
                .path("planBudget.items[0].sources[0].statedShares").entityList(String.class)
                .containsExactly("đạt 30.92 % so với KH")
                .path("planBudget.items[0].sources[*].source").entityList(String.class)
                .containsExactly("RESIDENTS", "BUSINESSES", "COMMUNE_BUDGET")
                .path("planBudget.items[0].sources[1].mobilisedPercent").valueIsNull()
                .path("planBudget.items[0].cost.asWritten").entity(String.class).isEqualTo("12.8 tỷ đồng")
                // no source amount: its cost estimate is what is planned
                .path("planBudget.items[1].planned.vnd").entity(Long.class).isEqualTo(1_150_000_000L)
                .path("planBudget.items[1].planned.asWritten").entity(String.class).isEqualTo("1.150 tỷ đồng")
                .path("planBudget.items[1].mobilisedPercent").entity(Double.class).isEqualTo(0.0)
                .path("planBudget.planned.vnd").entity(Long.class).isEqualTo(2_120_000_000L)
                .path("planBudget.mobilised.vnd").entity(Long.class).isEqualTo(300_000_000L)
                .path("planBudget.mobilisedPercent").entity(String.class).isEqualTo("14.15");
        graphQl("dashboard").document("{ planBudget(planId: \"" + CAM_NGOC_PLAN + "\") { mobilisedPercent items {"
                        + " mobilisedPercent } } }").execute()
                .path("planBudget.mobilisedPercent").entity(String.class).isEqualTo("14.15");
    }
}
