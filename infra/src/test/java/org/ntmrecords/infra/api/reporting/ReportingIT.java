package org.ntmrecords.infra.api.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.TestPropertySource;

/**
 * Reporting duties and compliance over HTTP GraphQL on PostgreSQL, from the seeds' own words: Lấp Vò's Q1/2024 report
 * (seed 001) and Tháp Mười's reporting schedule and mẫu số 10 deadline (seed 000, Kế hoạch 317/KH-UBND).
 */
// builds its own plans, duties and targets from the seeds: the demo's are not loaded in its store
@TestPropertySource(properties = {"ntm.test.isolated=reporting", "ntm.demo.planning=false"})
class ReportingIT extends IntegrationTest {
    private static final ParameterizedTypeReference<Map<String, Object>> ROW = new ParameterizedTypeReference<>() { };

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }

    private static Map<String, Object> body(String name) {
        return map("name", name);
    }

    /**
     * Seed 001 (Báo cáo 03 tháng đầu năm 2024 of the Lấp Vò coordination office), line 71: the office asked the
     * agencies answering for criteria to review and complete their part and send it back; line 73: "Tính đến hết ngày
     * 04/4/2024 Văn phòng Điều phối Huyện nhận được văn bản bổ sung báo cáo của 05/7 đơn vị như: Kinh tế và Hạ tầng, Văn
     * hóa và Thông tin, Giáo dục và Đào tạo, Nông nghiệp và PTNT, Văn phòng Điều phối Huyện. Các đơn vị chưa có báo cáo
     * như: Tài nguyên và Môi trường, Chi cục Thống kê Huyện." The seed states no due day and no letter number, and no
     * day for each report: each is recorded as received on 04/4/2024, the day the seed says it had come by. The demo
     * loads the same duty (as {@code vpdp-bo-sung-ho-so-huyen-ntm}); here the office records it through the API under
     * an id of this test's own.
     */
    @Test
    void lapVosComplianceForQ1Of2024NamesTheTwoBodiesThatDidNotReport() {
        List<String> reported = List.of("Kinh tế và Hạ tầng", "Văn hóa và Thông tin", "Giáo dục và Đào tạo",
                "Nông nghiệp và PTNT", "Văn phòng Điều phối Huyện");
        List<String> missing = List.of("Tài nguyên và Môi trường", "Chi cục Thống kê Huyện");
        List<Map<String, Object>> owedBy = new ArrayList<>();
        reported.forEach(n -> owedBy.add(body(n)));
        missing.forEach(n -> owedBy.add(body(n)));
        graphQl("lapvo.vpdp").documentName("establishReportingDuty").variable("input", map("unitCode", "875",
                        "dutyId", "bo-sung-ho-so-huyen-ntm-2024",
                        "title", "Văn bản bổ sung báo cáo: rà soát, cập nhật, bổ sung, khắc phục những hạn chế, thiếu sót"
                                + " đối với từng chỉ tiêu, tiêu chí thuộc lĩnh vực Ngành phụ trách (hồ sơ Huyện NTM)",
                        "recipient", body("Văn phòng Điều phối Huyện"), "owedBy", owedBy,
                        "source", "seed 001 lines 71, 73"))
                .execute()
                .path("establishReportingDuty.errors").entityList(Object.class).hasSize(0)
                .path("establishReportingDuty.duty.owedBy[*].name").entityList(String.class).hasSize(7)
                .path("establishReportingDuty.duty.due").valueIsNull();
        for (String name : reported) {
            graphQl("lapvo.vpdp").documentName("submitReport").variable("input", map("unitCode", "875",
                            "dutyId", "bo-sung-ho-so-huyen-ntm-2024", "body", body(name), "submittedOn", "2024-04-04",
                            "note", "seed 001 line 73: nhận được đến hết ngày 04/4/2024 (ngày nhận của từng đơn vị không nêu)"))
                    .execute().path("submitReport.errors").entityList(Object.class).hasSize(0);
        }
        awaitProjections();

        var answer = graphQl("lapvo.vpdp").documentName("reportingCompliance")
                .variable("unitCode", "875").variable("dutyId", "bo-sung-ho-so-huyen-ntm-2024")
                .variable("asOf", "2024-04-04").execute();
        answer.path("reportingCompliance.owedCount").entity(Integer.class).isEqualTo(7)
                .path("reportingCompliance.reportedCount").entity(Integer.class).isEqualTo(5)
                .path("reportingCompliance.missingCount").entity(Integer.class).isEqualTo(2)
                .path("reportingCompliance.dueDate").valueIsNull();
        List<Map<String, Object>> bodies = answer.path("reportingCompliance.bodies").entityList(ROW).get();
        assertThat(bodies.stream().filter(b -> "MISSING".equals(b.get("status")))
                .map(b -> (String) ((Map<?, ?>) b.get("body")).get("name")).toList()).containsExactlyElementsOf(missing);
        assertThat(bodies.stream().filter(b -> "ON_TIME".equals(b.get("status")))
                .map(b -> (String) ((Map<?, ?>) b.get("body")).get("name")).toList()).containsExactlyElementsOf(reported);

        // the day before, nothing had come (as recorded)
        graphQl("lapvo.vpdp").documentName("reportingCompliance")
                .variable("unitCode", "875").variable("dutyId", "bo-sung-ho-so-huyen-ntm-2024")
                .variable("asOf", "2024-04-03").execute()
                .path("reportingCompliance.reportedCount").entity(Integer.class).isEqualTo(0);
        // a dashboard reads the counts, not which bodies
        graphQl("dashboard").documentName("reportingComplianceCounts")
                .variable("unitCode", "875").variable("dutyId", "bo-sung-ho-so-huyen-ntm-2024")
                .variable("asOf", "2024-04-04").execute()
                .path("reportingCompliance.reportedCount").entity(Integer.class).isEqualTo(5)
                .path("reportingCompliance.owedCount").entity(Integer.class).isEqualTo(7);
        graphQl("dashboard").documentName("reportingCompliance")
                .variable("unitCode", "875").variable("dutyId", "bo-sung-ho-so-huyen-ntm-2024")
                .variable("asOf", "2024-04-04").execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        // the duty's history holds its events; the unit's history serves them, with who recorded them
        assertThat(jdbc.queryForObject("select count(*) from read_model.history_subject where subject = ?",
                Long.class, "duty:875/bo-sung-ho-so-huyen-ntm-2024")).isEqualTo(6);
        // this store holds no demo duty (ntm.demo.planning=false): only what this test recorded
        graphQl("auditor").document("{ history(subject: {unitCode: \"875\"}, filter: {types: [REPORTING_DUTY_ESTABLISHED,"
                        + " REPORT_SUBMITTED]}) { totalCount } }").execute()
                .path("history.totalCount").entity(Integer.class).isEqualTo(6);
        graphQl("auditor").document("{ history(subject: {unitCode: \"875\"}, filter: {types: [REPORTING_DUTY_ESTABLISHED,"
                        + " REPORT_SUBMITTED], actor: \"lapvo.vpdp\"}) { totalCount edges { node { type actor summary } } } }")
                .execute()
                .path("history.totalCount").entity(Integer.class).isEqualTo(6)
                .path("history.edges[0].node.type").entity(String.class).isEqualTo("REPORTING_DUTY_ESTABLISHED")
                .path("history.edges[0].node.actor").entity(String.class).isEqualTo("lapvo.vpdp")
                .path("history.edges[1].node.summary").entity(String.class)
                .satisfies(summary -> assertThat(summary).contains("Kinh tế và Hạ tầng", "nhận ngày 04/04/2024"));
    }

    /**
     * Seed 000 (Kế hoạch 317/KH-UBND of Tháp Mười, 26/01/2024), line 134: "Hàng tháng vào ngày 20 của tháng, quý, 6
     * tháng, 9 tháng vào ngày 10 của tháng cuối quý, năm trước ngày 10 tháng 11 của năm về Ban Chỉ đạo … (qua Văn phòng
     * Điều phối xây dựng nông thôn mới huyện)"; line 132: mẫu số 10 "gửi về Văn Phòng Điều phối huyện đến ngày
     * 10/7/2024". The days reports arrive are this test's own (the seed states none).
     */
    @Test
    void thapMuoisScheduleGivesDueDaysAndLateReportsCountTheirDays() {
        Map<String, Object> plan = map("number", "317/KH-UBND", "date", "2024-01-26", "issuer", "UBND huyện Tháp Mười");
        Map<String, Object> office = body("Văn phòng Điều phối xây dựng nông thôn mới huyện");
        List<Map<String, Object>> agencies = List.of(
                map("name", "Phòng Tài nguyên và Môi trường huyện", "agencyId", "872-tnmt"),
                map("name", "Phòng Kinh tế và Hạ tầng huyện", "agencyId", "872-ktht"));
        graphQl("thapmuoi.vpdp").documentName("establishReportingDuty").variable("input", map("unitCode", "872",
                        "dutyId", "dinh-ky-2024", "title", "Định kỳ báo cáo kết quả thực hiện (nội dung đơn vị phụ trách)",
                        "recipient", office, "owedBy", agencies,
                        "scheduleAsWritten", "Hàng tháng vào ngày 20 của tháng, quý, 6 tháng, 9 tháng vào ngày 10 của"
                                + " tháng cuối quý, năm trước ngày 10 tháng 11 của năm",
                        "schedule", List.of(map("frequency", "MONTHLY", "day", 20),
                                map("frequency", "QUARTERLY", "day", 10), map("frequency", "SIX_MONTHS", "day", 10),
                                map("frequency", "NINE_MONTHS", "day", 10),
                                map("frequency", "YEARLY", "day", 10, "month", 11, "before", true)),
                        "basis", plan, "source", "seed 000 line 134"))
                .execute().path("establishReportingDuty.errors").entityList(Object.class).hasSize(0)
                .path("establishReportingDuty.duty.schedule").entityList(Object.class).hasSize(5);
        graphQl("thapmuoi.vpdp").documentName("establishReportingDuty").variable("input", map("unitCode", "872",
                        "dutyId", "mau-so-10-2024", "title", "Báo cáo kết quả huyện NTM nâng cao đối với tiêu chí đơn vị"
                                + " phụ trách theo mẫu số 10 (Quyết định số 18/2022/QĐ-TTg)",
                        "recipient", office, "owedBy", agencies, "dueAsWritten", "đến ngày 10/7/2024",
                        "basis", plan, "source", "seed 000 line 132"))
                .execute().path("establishReportingDuty.errors").entityList(Object.class).hasSize(0)
                .path("establishReportingDuty.duty.due.lastDay").entity(String.class).isEqualTo("2024-07-10");

        // the agency records its own quarterly report, on the due day; another agency's it may not
        String q1 = graphQl("thapmuoi.tnmt").documentName("submitReport").variable("input", map("unitCode", "872",
                        "dutyId", "dinh-ky-2024", "body", agencies.get(0), "period", "2024-Q1",
                        "submittedOn", "2024-03-10", "document", map("number", "15/BC-TNMT")))
                .execute().path("submitReport.errors").entityList(Object.class).hasSize(0)
                .path("submitReport.submission.period").entity(String.class).isEqualTo("2024-Q1")
                .path("submitReport.submissionId").entity(String.class).get();
        long before = eventCount();
        graphQl("thapmuoi.tnmt").documentName("submitReport").variable("input", map("unitCode", "872",
                        "dutyId", "dinh-ky-2024", "body", agencies.get(1), "period", "2024-Q1",
                        "submittedOn", "2024-03-10"))
                .execute().path("submitReport.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED");
        assertThat(eventCount()).isEqualTo(before);
        // the office records the other agency's, four days late
        graphQl("thapmuoi.vpdp").documentName("submitReport").variable("input", map("unitCode", "872",
                        "dutyId", "dinh-ky-2024", "body", agencies.get(1), "period", "2024-Q1",
                        "submittedOn", "2024-03-14"))
                .execute().path("submitReport.errors").entityList(Object.class).hasSize(0);
        // a period off the schedule is refused
        graphQl("thapmuoi.vpdp").documentName("submitReport").variable("input", map("unitCode", "872",
                        "dutyId", "dinh-ky-2024", "body", agencies.get(1), "period", "2024-W10",
                        "submittedOn", "2024-03-14"))
                .execute().path("submitReport.errors[0].code").entity(String.class).isEqualTo("INVALID_PERIOD");
        awaitProjections();

        var q1Answer = graphQl("auditor").documentName("reportingCompliance").variable("unitCode", "872")
                .variable("dutyId", "dinh-ky-2024").variable("period", "2024-Q1").variable("asOf", "2024-04-30")
                .execute();
        q1Answer.path("reportingCompliance.dueDate").entity(String.class).isEqualTo("2024-03-10")
                .path("reportingCompliance.onTimeCount").entity(Integer.class).isEqualTo(1)
                .path("reportingCompliance.lateCount").entity(Integer.class).isEqualTo(1)
                .path("reportingCompliance.bodies[1].daysLate").entity(Integer.class).isEqualTo(4)
                .path("reportingCompliance.bodies[0].submissionId").entity(String.class).isEqualTo(q1);
        // the yearly report is due before 10 November: by 9 November; nothing yet on 1 November
        graphQl("auditor").documentName("reportingCompliance").variable("unitCode", "872")
                .variable("dutyId", "dinh-ky-2024").variable("period", "2024").variable("asOf", "2024-11-01")
                .execute().path("reportingCompliance.dueDate").entity(String.class).isEqualTo("2024-11-09")
                .path("reportingCompliance.notYetDueCount").entity(Integer.class).isEqualTo(2);

        // mẫu số 10: one agency late by 2 days, then its day corrected to the due day; the other missing
        String late = graphQl("thapmuoi.tnmt").documentName("submitReport").variable("input", map("unitCode", "872",
                        "dutyId", "mau-so-10-2024", "body", agencies.get(0), "submittedOn", "2024-07-12"))
                .execute().path("submitReport.submissionId").entity(String.class).get();
        graphQl("auditor").documentName("reportingCompliance").variable("unitCode", "872")
                .variable("dutyId", "mau-so-10-2024").variable("asOf", "2024-07-31").execute()
                .path("reportingCompliance.bodies[0].status").entity(String.class).isEqualTo("LATE")
                .path("reportingCompliance.bodies[0].daysLate").entity(Integer.class).isEqualTo(2)
                .path("reportingCompliance.bodies[1].status").entity(String.class).isEqualTo("MISSING")
                .path("reportingCompliance.bodies[1].daysLate").entity(Integer.class).isEqualTo(21);
        graphQl("thapmuoi.vpdp").documentName("correctReportSubmission").variable("input", map("unitCode", "872",
                        "dutyId", "mau-so-10-2024", "correctsSubmissionId", late, "body", agencies.get(0),
                        "submittedOn", "2024-07-10", "reason", "sổ văn thư: nhận ngày 10/7/2024"))
                .execute().path("correctReportSubmission.errors").entityList(Object.class).hasSize(0)
                .path("correctReportSubmission.submission.correctsSubmissionId").entity(String.class).isEqualTo(late);
        awaitProjections();
        graphQl("auditor").documentName("reportingCompliance").variable("unitCode", "872")
                .variable("dutyId", "mau-so-10-2024").variable("asOf", "2024-07-31").execute()
                .path("reportingCompliance.bodies[0].status").entity(String.class).isEqualTo("ON_TIME")
                .path("reportingCompliance.missingCount").entity(Integer.class).isEqualTo(1);

        // the duties a body owes, and its submissions (the corrected one kept, naming its correction)
        graphQl("auditor").documentName("reportingDuties").variable("agencyId", "872-tnmt").execute()
                .path("reportingDuties.totalCount").entity(Integer.class).isEqualTo(2)
                .path("reportingDuties.edges[*].node.dutyId").entityList(String.class)
                .containsExactly("dinh-ky-2024", "mau-so-10-2024");
        graphQl("auditor").documentName("reportSubmissions").variable("agencyId", "872-tnmt").variable("first", 2)
                .execute()
                .path("reportSubmissions.totalCount").entity(Integer.class).isEqualTo(3)
                .path("reportSubmissions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("reportSubmissions.edges[*].node.submittedOn").entityList(String.class)
                .containsExactly("2024-03-10", "2024-07-10");
        graphQl("auditor").documentName("reportSubmissions").variable("unitCode", "872")
                .variable("dutyId", "mau-so-10-2024").execute()
                .path("reportSubmissions.edges[1].node.correctedBy").entity(String.class).isNotEqualTo(null)
                .path("reportSubmissions.edges[1].node.submissionId").entity(String.class).isEqualTo(late);
        // compliance asked for a period off the schedule is a typed bad request
        graphQl("auditor").documentName("reportingCompliance").variable("unitCode", "872")
                .variable("dutyId", "dinh-ky-2024").variable("period", "2024-W10").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).contains("2024-W10")));
    }

    /**
     * Seed 000 line 152: the communes' steering boards report "Định kỳ hàng tháng vào ngày 20 của tháng, quý, 6 tháng,
     * 9 tháng và ngày 10 của tháng cuối quý, năm trước ngày 10/11 của năm … về Văn phòng Điều phối xây dựng nông thôn
     * mới huyện". Two of the communes here; the day a report arrives is this test's own.
     */
    @Test
    void aCommuneOfficerRecordsItsOwnCommunesReportOnly() {
        Map<String, Object> tanKieu = map("name", "UBND xã Tân Kiều", "unitCode", "30049");
        Map<String, Object> langBien = map("name", "UBND xã Láng Biển", "unitCode", "30070");
        graphQl("thapmuoi.vpdp").documentName("establishReportingDuty").variable("input", map("unitCode", "872",
                        "dutyId", "xa-dinh-ky-2024", "title", "Báo cáo kết quả thực hiện Chương trình (các xã)",
                        "recipient", body("Văn phòng Điều phối xây dựng nông thôn mới huyện"),
                        "owedBy", List.of(tanKieu, langBien),
                        "scheduleAsWritten", "Định kỳ hàng tháng vào ngày 20 của tháng, quý, 6 tháng, 9 tháng và ngày 10"
                                + " của tháng cuối quý, năm trước ngày 10/11 của năm",
                        "schedule", List.of(map("frequency", "MONTHLY", "day", 20), map("frequency", "QUARTERLY", "day", 10),
                                map("frequency", "SIX_MONTHS", "day", 10), map("frequency", "NINE_MONTHS", "day", 10),
                                map("frequency", "YEARLY", "day", 10, "month", 11, "before", true)),
                        "basis", map("number", "317/KH-UBND", "date", "2024-01-26"), "source", "seed 000 line 152"))
                .execute().path("establishReportingDuty.errors").entityList(Object.class).hasSize(0);
        graphQl("tankieu.officer").documentName("submitReport").variable("input", map("unitCode", "872",
                        "dutyId", "xa-dinh-ky-2024", "body", tanKieu, "period", "2024-02", "submittedOn", "2024-02-19"))
                .execute().path("submitReport.errors").entityList(Object.class).hasSize(0);
        long before = eventCount();
        graphQl("tankieu.officer").documentName("submitReport").variable("input", map("unitCode", "872",
                        "dutyId", "xa-dinh-ky-2024", "body", langBien, "period", "2024-02", "submittedOn", "2024-02-19"))
                .execute().path("submitReport.errors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED");
        assertThat(eventCount()).isEqualTo(before);
        awaitProjections();
        graphQl("auditor").documentName("reportingCompliance").variable("unitCode", "872")
                .variable("dutyId", "xa-dinh-ky-2024").variable("period", "2024-02").variable("asOf", "2024-02-29")
                .execute()
                .path("reportingCompliance.dueDate").entity(String.class).isEqualTo("2024-02-20")
                .path("reportingCompliance.bodies[0].status").entity(String.class).isEqualTo("ON_TIME")
                .path("reportingCompliance.bodies[1].status").entity(String.class).isEqualTo("MISSING")
                .path("reportingCompliance.bodies[1].daysLate").entity(Integer.class).isEqualTo(9);
        graphQl("auditor").documentName("reportingDuties").variable("bodyUnitCode", "30070").execute()
                .path("reportingDuties.edges[*].node.dutyId").entityList(String.class).containsExactly("xa-dinh-ky-2024");
    }
}
