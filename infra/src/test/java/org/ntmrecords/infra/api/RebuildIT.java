package org.ntmrecords.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.projection.ReadModelRebuild;
import org.ntmrecords.infra.support.IntegrationTest;
import org.ntmrecords.query.common.ReadModel;
import org.springframework.beans.factory.annotation.Autowired;

/** Emptying the read tables and replaying the event store gives exactly the tables the live projections built. */
class RebuildIT extends IntegrationTest {
    /** The sandbox communes of Lấp Vò this class records on (the demo tracks the real ones). */
    @BeforeEach
    void sandboxCommunes() {
        sandboxCommune("99802");
    }

    @Autowired
    ReadModelRebuild rebuild;

    @Test
    void aRebuildFromTheEventStoreEqualsTheLiveReadModel() {
        awaitProjections();
        // a correction too, so that rebuilt rows include links between entries
        String first = graphQl("lapvo.vpdp").documentName("trackUnit")
                .variable("input", Map.of("unitCode", "99802", "setId", "dongthap-commune-ntm-2021-2025"))
                .execute().path("trackUnit.scorecardId").entity(String.class).get();
        assertThat(first).isEqualTo("99802@dongthap-commune-ntm-2021-2025");
        String value = graphQl("lapvo.vpdp").documentName("recordIndicatorValue").variable("input", Map.of("unitCode", "99802",
                        "setId", "dongthap-commune-ntm-2021-2025", "indicatorCode", "17.7",
                        "value", Map.of("kind", "PERCENTAGE", "percentage", 60), "period", Map.of("start", "2024-01-01")))
                .execute().path("recordIndicatorValue.entryId").entity(String.class).get();
        graphQl("lapvo.vpdp").documentName("correctIndicatorValue").variable("input", Map.of("unitCode", "99802",
                        "setId", "dongthap-commune-ntm-2021-2025", "correctsValueId", value, "indicatorCode", "17.7",
                        "reason", "sai số",
                        "value", Map.of("kind", "PERCENTAGE", "percentage", 90)))
                .execute().path("correctIndicatorValue.errors").entityList(Object.class).hasSize(0);
        // a ratio written with its scale (15.20/21.0 km, as seed 004 writes roads): replayed as written
        graphQl("lapvo.vpdp").documentName("recordIndicatorValue").variable("input", Map.of("unitCode", "99802",
                        "setId", "dongthap-commune-ntm-2021-2025", "indicatorCode", "17.7",
                        "value", Map.of("kind", "RATIO", "numerator", new java.math.BigDecimal("15.20"),
                                "denominator", new java.math.BigDecimal("21.0")),
                        "period", Map.of("start", "2023-01-01", "end", "2023-12-31")))
                .execute().path("recordIndicatorValue.errors").entityList(Object.class).hasSize(0);
        // an administrative change too: two test communes under Trà Cú, one reorganised, the other merged into it
        Map<String, Object> basis = Map.of("number", "IT-1/NQ", "date", "2025-06-16", "issuer", "RebuildIT");
        for (String code : List.of("99101", "99102")) {
            graphQl("admin").documentName("registerUnit").variable("input", Map.of("code", code, "name", "Thử " + code,
                    "fullName", "Xã Thử " + code, "kind", "COMMUNE", "parentCode", "849"))
                    .execute().path("registerUnit.errors").entityList(Object.class).hasSize(0);
        }
        graphQl("admin").documentName("reorganizeUnit").variable("input", Map.of("code", "99102", "name", "Thử Hợp Nhất",
                        "fullName", "Xã Thử Hợp Nhất", "effectiveFrom", "2025-07-01", "basis", basis))
                .execute().path("reorganizeUnit.errors").entityList(Object.class).hasSize(0);
        graphQl("admin").documentName("ceaseUnit").variable("input", Map.of("code", "99101", "effectiveFrom", "2025-07-01",
                        "successors", List.of(Map.of("code", "99102")), "basis", basis))
                .execute().path("ceaseUnit.errors").entityList(Object.class).hasSize(0);
        // and a recognition case with a step taken
        graphQl("lapvo.vpdp").document("mutation($i: OpenRecognitionCaseInput!) { openRecognitionCase(input: $i) { errors { code } } }")
                .variable("i", Map.of("unitCode", "99802", "setId", "dongthap-commune-ntm-2021-2025", "year", 2024))
                .execute().path("openRecognitionCase.errors").entityList(Object.class).hasSize(0);
        graphQl("lapvo.vpdp").document("mutation($i: SatisfactionSurveyInput!) { recordSatisfactionSurvey(input: $i) { errors { code } } }")
                .variable("i", Map.of("caseId", "99802@dongthap-commune-ntm-2021-2025@2024", "organiser", "MTTQ",
                        "date", "2024-06-01", "overallRate", 91.5))
                .execute().path("recordSatisfactionSurvey.errors").entityList(Object.class).hasSize(0);
        graphQl("lapvo.vpdp").document("mutation($i: SelfAssessmentInput!) { recordSelfAssessment(input: $i) { errors { code } } }")
                .variable("i", Map.of("caseId", "99802@dongthap-commune-ntm-2021-2025@2024", "assessments",
                        java.util.stream.IntStream.rangeClosed(1, 19).mapToObj(i -> Map.of("criterionCode",
                                String.valueOf(i), "assessed", "MET")).toList()))
                .execute().path("recordSelfAssessment.errors").entityList(Object.class).hasSize(0);
        // a certified standard (valid for years yet) for read_model.certification
        graphQl("lapvo.vpdp").document("mutation($i: CertifyStandardInput!) { certifyStandard(input: $i) { errors { code } } }")
                .variable("i", Map.of("unitCode", "99802", "subject", "Trường THCS", "standard", "chuẩn quốc gia",
                        "validUntil", "2099-12-31", "setId", "dongthap-commune-ntm-2021-2025", "indicatorCode", "5"))
                .execute().path("certifyStandard.errors").entityList(Object.class).hasSize(0);
        // an item-by-item assessment of the model commune's four conditions, and its correction (read_model.indicator_item)
        graphQl("lapvo.vpdp").documentName("trackUnit")
                .variable("input", Map.of("unitCode", "99802", "setId", "commune-model-2021-2025"))
                .execute().path("trackUnit.errors").entityList(Object.class).hasSize(0);
        for (String id : List.of("rebuild-items-1", "rebuild-items-2")) {
            Map<String, Object> input = new java.util.HashMap<>(Map.of("unitCode", "99802",
                    "setId", "commune-model-2021-2025", "indicatorCode", "dieu-kien", "assessmentId", id,
                    "period", Map.of("start", "2024-03-31"), "assessedBy", "UBND xã (thử)",
                    "items", List.of(Map.of("itemCode", "1", "state", "MET"), Map.of("itemCode", "2", "state", "NOT_MET"),
                            Map.of("itemCode", "3", "state", "NOT_ASSESSED", "note", "chưa có số liệu"),
                            Map.of("itemCode", "4", "state", id.endsWith("2") ? "MET" : "NOT_MET"))));
            if (id.endsWith("2")) {
                input.put("correctsAssessmentId", "rebuild-items-1");
                input.put("reason", "thử đính chính");
            }
            graphQl("lapvo.vpdp").documentName("recordItemAssessment").variable("input", input)
                    .execute().path("recordItemAssessment.errors").entityList(Object.class).hasSize(0);
        }
        // a reporting duty (seed 001 line 73's request, no day stated), a report received and its correction
        graphQl("lapvo.vpdp").documentName("establishReportingDuty").variable("input", Map.of("unitCode", "875",
                        "dutyId", "rebuild-duty", "title", "Văn bản bổ sung báo cáo hồ sơ Huyện NTM",
                        "recipient", Map.of("name", "Văn phòng Điều phối Huyện"),
                        "owedBy", List.of(Map.of("name", "Kinh tế và Hạ tầng"), Map.of("name", "Chi cục Thống kê Huyện"))))
                .execute().path("establishReportingDuty.errors").entityList(Object.class).hasSize(0);
        graphQl("lapvo.vpdp").documentName("submitReport").variable("input", Map.of("unitCode", "875",
                        "dutyId", "rebuild-duty", "submissionId", "rebuild-1", "body", Map.of("name", "Kinh tế và Hạ tầng"),
                        "submittedOn", "2024-04-03"))
                .execute().path("submitReport.errors").entityList(Object.class).hasSize(0);
        graphQl("lapvo.vpdp").documentName("correctReportSubmission").variable("input", Map.of("unitCode", "875",
                        "dutyId", "rebuild-duty", "correctsSubmissionId", "rebuild-1", "submissionId", "rebuild-2",
                        "body", Map.of("name", "Kinh tế và Hạ tầng"), "submittedOn", "2024-04-04", "reason", "ngày nhận"))
                .execute().path("correctReportSubmission.errors").entityList(Object.class).hasSize(0);
        // a target, amended (seed 001 line 57: the model-commune income condition, 79,2 triệu đồng; the amendment is a test value)
        Map<String, Object> content = new java.util.HashMap<>(Map.of("kind", "INDICATOR_VALUE", "statement",
                "Thu nhập (thử)", "year", 2024, "measure", "Thu nhập bình quân đầu người", "value", 79.2,
                "valueAsWritten", "79,2 triệu đồng", "deadlineAsWritten", "năm 2024",
                "source", Map.of("number", "RebuildIT")));
        graphQl("lapvo.vpdp").documentName("setTarget").variable("input", Map.of("unitCode", "99802",
                        "targetId", "rebuild-target", "content", content))
                .execute().path("setTarget.errors").entityList(Object.class).hasSize(0);
        content.put("value", 80);
        graphQl("lapvo.vpdp").documentName("amendTarget").variable("input", Map.of("unitCode", "99802",
                        "targetId", "rebuild-target", "content", content, "reason", "thử"))
                .execute().path("amendTarget.errors").entityList(Object.class).hasSize(0);
        // a plan, amended, with two rows: progress, money, a closure and reopening, and a completion by judgment
        String set = "dongthap-commune-ntm-2021-2025";
        graphQl("lapvo.vpdp").documentName("issuePlan").variable("input", Map.of("planId", "rebuild-plan",
                        "unitCode", "99802", "number", "1/KH-UBND", "date", "2024-01-26", "issuer", Map.of("name",
                        "UBND xã", "unitCode", "99802"), "year", 2024, "title", "Kế hoạch thử",
                        "legalBases", List.of(Map.of("number", "863/QĐ-UBND-HC", "date", "2022-08-08"))))
                .execute().path("issuePlan.errors").entityList(Object.class).hasSize(0);
        graphQl("lapvo.vpdp").documentName("amendPlan").variable("input", Map.of("planId", "rebuild-plan",
                        "unitCode", "99802", "date", "2024-02-01", "changes", "tên mới", "reason", "thử",
                        "title", "Kế hoạch thử (điều chỉnh)"))
                .execute().path("amendPlan.errors").entityList(Object.class).hasSize(0);
        graphQl("lapvo.vpdp").documentName("addPlanItem").variable("input", Map.of("planId", "rebuild-plan",
                        "unitCode", "99802", "itemId", "r1", "setId", set, "indicatorCode", "17.7", "content", "17.7",
                        "unitCodes", List.of("99802"), "lead", Map.of("name", "UBND xã", "unitCode", "99802"),
                        "deadline", "Tháng 6/2024", "funding", List.of(Map.of("source", "RESIDENTS",
                                "amount", Map.of("vnd", "970000000", "asWritten", "970 triệu")))))
                .execute().path("addPlanItem.errors").entityList(Object.class).hasSize(0);
        graphQl("lapvo.vpdp").documentName("addPlanItem").variable("input", Map.of("planId", "rebuild-plan",
                        "unitCode", "99802", "itemId", "r2", "content", "Các tiêu chí đã đạt",
                        "unitCodes", List.of("99802"), "lead", Map.of("name", "UBND xã"), "deadline", "Quý II/2024"))
                .execute().path("addPlanItem.errors").entityList(Object.class).hasSize(0);
        Map<String, Object> task = Map.of("planId", "rebuild-plan", "unitCode", "99802", "itemId", "r2",
                "taskUnitCode", "99802", "date", "2024-04-01", "reason", "thử");
        graphQl("lapvo.vpdp").documentName("closePlanTask").variable("input", task)
                .execute().path("closePlanTask.errors").entityList(Object.class).hasSize(0);
        graphQl("lapvo.vpdp").documentName("reopenPlanTask").variable("input", task)
                .execute().path("reopenPlanTask.errors").entityList(Object.class).hasSize(0);
        graphQl("lapvo.vpdp").documentName("notePlanTaskProgress").variable("input", Map.of("planId", "rebuild-plan",
                        "unitCode", "99802", "itemId", "r1", "taskUnitCode", "99802", "date", "2024-04-01",
                        "by", Map.of("name", "UBND xã"), "note", "đang làm",
                        "evidence", List.of(Map.of("number", "2/BC"))))
                .execute().path("notePlanTaskProgress.errors").entityList(Object.class).hasSize(0);
        graphQl("lapvo.vpdp").documentName("recordPlanFunds").variable("input", Map.of("planId", "rebuild-plan",
                        "unitCode", "99802", "itemId", "r1", "source", "RESIDENTS", "stage", "MOBILISED",
                        "amount", Map.of("vnd", "300000000", "asWritten", "300 triệu"), "date", "2024-03-01",
                        "by", Map.of("name", "UBND xã")))
                .execute().path("recordPlanFunds.errors").entityList(Object.class).hasSize(0);
        graphQl("lapvo.vpdp").documentName("recordIndicatorValue").variable("input", Map.of("unitCode", "99802",
                        "setId", set, "indicatorCode", "17.7", "value", Map.of("kind", "PERCENTAGE", "percentage", 95),
                        "period", Map.of("start", "2024-06-30")))
                .execute().path("recordIndicatorValue.errors").entityList(Object.class).hasSize(0);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> "DONE".equals(
                jdbc.queryForObject("select status from read_model.plan_task where plan_id = 'rebuild-plan' "
                        + "and item_id = 'r1'", String.class)));
        awaitProjections();
        Map<String, List<String>> live = snapshot();
        Long before = jdbc.queryForObject("select txid_current()", Long.class);

        ReadModelRebuild.Result result = rebuild.rebuild(line -> { });

        assertThat(result.completed()).isTrue();
        assertThat(result.events()).isEqualTo(eventCount());
        Map<String, List<String>> rebuilt = snapshot();
        assertThat(rebuilt.keySet()).containsExactlyElementsOf(live.keySet());
        live.forEach((table, rows) -> assertThat(rebuilt.get(table)).as(table).isNotEmpty().isEqualTo(rows));
        assertThat(jdbc.queryForObject("select display from read_model.indicator_entry where scorecard_id = ? "
                + "and period_start = '2023-01-01'", String.class, first)).isEqualTo("15.20/21.0 (72.38%)");
        // every row was written by the replay: no table kept rows from before the rebuild
        for (String table : ReadModel.TABLES) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " where xmin::text::bigint < ?",
                    Long.class, before)).as(table + " rows older than the rebuild").isZero();
        }
    }

    /**
     * A served answer changed in SQL (the example: Tân Kiều's standing set to MET 19/19) is found by comparing
     * the read tables with a replay, which names the table, the queries it answers and the row; afterwards the
     * standing answers from the replay again.
     */
    @Test
    void aTamperedReadTableIsFoundByComparingItWithAReplay() {
        awaitProjections();
        org.ntmrecords.infra.projection.ReadModelVerification.Result untouched = verification.verify(line -> { });
        assertThat(untouched.equal()).as(untouched.summary() + " " + untouched.differences()).isTrue();
        assertThat(untouched.rowsCompared()).isPositive();
        int before = graphQl().documentName("standing")
                .variables(Map.of("unit", "30049", "set", "dongthap-commune-ntm-2021-2025"))
                .execute().path("standing.criteriaMet").entity(Integer.class).get();
        assertThat(before).isLessThan(19);

        asOwner(false, "update read_model.scorecard set criteria_met = 19, result = 'MET' where unit_code = '30049' "
                + "and set_id = 'dongthap-commune-ntm-2021-2025'");
        graphQl().documentName("standing").variables(Map.of("unit", "30049", "set", "dongthap-commune-ntm-2021-2025"))
                .execute().path("standing.criteriaMet").entity(Integer.class).isEqualTo(19);

        org.ntmrecords.infra.projection.ReadModelVerification.Result found = verification.verify(line -> { });
        assertThat(found.equal()).isFalse();
        assertThat(found.differences()).singleElement().satisfies(d -> {
            assertThat(d.table()).isEqualTo("read_model.scorecard");
            assertThat(d.answers()).contains("standing");
            assertThat(d.servedOnly()).isEqualTo(1);
            assertThat(d.replayOnly()).isEqualTo(1);
            assertThat(d.served()).singleElement().satisfies(r -> assertThat(r).contains("\"criteria_met\":19"));
            assertThat(d.replayed()).singleElement().satisfies(r -> assertThat(r).contains("\"criteria_met\":" + before + ","));
        });
        graphQl().documentName("standing").variables(Map.of("unit", "30049", "set", "dongthap-commune-ntm-2021-2025"))
                .execute().path("standing.criteriaMet").entity(Integer.class).isEqualTo(before);
    }

    @Autowired
    org.ntmrecords.infra.projection.ReadModelVerification verification;

    /** Every row of every read table, as JSON, in a stable order. */
    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : ReadModel.TABLES) {
            tables.put(table, jdbc.queryForList("select row_to_json(t)::text as r from " + table + " t order by 1",
                    String.class));
        }
        return tables;
    }
}
