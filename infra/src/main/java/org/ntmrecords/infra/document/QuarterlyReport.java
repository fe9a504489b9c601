package org.ntmrecords.infra.document;

import static org.ntmrecords.infra.document.Figures.count;
import static org.ntmrecords.infra.document.Figures.date;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.criteria.SetLevel;
import org.ntmrecords.events.reporting.ReportingPeriods;
import org.ntmrecords.events.scorecard.ScorecardId;
import org.ntmrecords.query.audit.Appraisal;
import org.ntmrecords.query.audit.AppraisalReader;
import org.ntmrecords.query.audit.AsOf;
import org.ntmrecords.query.common.Keyset;
import org.ntmrecords.query.criteria.CriteriaSetReadRepository;
import org.ntmrecords.query.criteria.CriteriaSetVersionView;
import org.ntmrecords.query.history.HistoryEntryView;
import org.ntmrecords.query.overview.OverviewReader;
import org.ntmrecords.query.overview.OverviewViews.DistrictOverview;
import org.ntmrecords.query.overview.OverviewViews.UnitStanding;
import org.ntmrecords.query.plan.PlanReadRepository;
import org.ntmrecords.query.plan.PlanReadRepository.PlanItemView;
import org.ntmrecords.query.plan.PlanReadRepository.PlanTaskView;
import org.ntmrecords.query.plan.PlanReadRepository.PlanView;
import org.ntmrecords.query.plan.PlanReadRepository.TaskFilter;
import org.ntmrecords.query.plan.PlanReadRepository.TaskStatus;
import org.ntmrecords.query.recognition.RecognitionReadRepository;
import org.ntmrecords.query.recognition.RecognitionReadRepository.CaseFilter;
import org.ntmrecords.query.recognition.RecognitionReadRepository.CaseView;
import org.ntmrecords.query.reporting.Compliance;
import org.ntmrecords.query.reporting.ReportingReadRepository;
import org.ntmrecords.query.reporting.ReportingReadRepository.ComplianceView;
import org.ntmrecords.query.reporting.ReportingReadRepository.DutyView;
import org.ntmrecords.query.unit.UnitReadRepository;
import org.ntmrecords.query.unit.UnitView;
import org.springframework.stereotype.Component;

/**
 * A district coordination office's quarterly report (báo cáo quý), in the structure of Lấp Vò's report on the first
 * quarter of 2024 (seed 001): communes by criteria met under each set, titles granted by year, self-assessments and
 * cases in progress, who reported of those due, and plan tasks overdue and due. Each figure is read by the reader the
 * matching GraphQL query uses; the standings are appraised as of the report's date from what was recorded by the
 * record time ({@code standingAsOf}'s reader), self-assessments are the steps recorded by then, and the sections
 * whose readers have no record-time variant (cases' status, reporting compliance, plan tasks) say so.
 */
@Component
class QuarterlyReport {
    /** The most cases, duties or tasks one list reads; a longer list says how many it left out. */
    static final int MOST = 2_000;
    private static final Set<String> IN_PROGRESS = Set.of("OPENED", "SELF_ASSESSED", "SUBMITTED", "RETURNED",
            "VERIFIED", "PROPOSED");
    private static final String[] ROMAN = {"I", "II", "III", "IV"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OverviewReader overviews;
    private final CriteriaSetReadRepository sets;
    private final AppraisalReader appraisals;
    private final RecognitionReadRepository recognitions;
    private final ReportingReadRepository reporting;
    private final PlanReadRepository plans;
    private final UnitReadRepository units;

    QuarterlyReport(OverviewReader overviews, CriteriaSetReadRepository sets, AppraisalReader appraisals,
                    RecognitionReadRepository recognitions, ReportingReadRepository reporting,
                    PlanReadRepository plans, UnitReadRepository units) {
        this.overviews = overviews;
        this.sets = sets;
        this.appraisals = appraisals;
        this.recognitions = recognitions;
        this.reporting = reporting;
        this.plans = plans;
        this.units = units;
    }

    /** The first day of a quarter. */
    static LocalDate start(int year, int quarter) {
        return LocalDate.of(year, 3 * quarter - 2, 1);
    }

    static LocalDate end(int year, int quarter) {
        return start(year, quarter).plusMonths(3).minusDays(1);
    }

    /**
     * The report on {@code quarter} of {@code year} for the district, as of {@code asOf.date()} from what was recorded
     * by {@code asOf.recordedAt()}.
     *
     * @throws org.ntmrecords.query.overview.OverviewRefusedException for a unit that is not a district standing then
     */
    DocumentText write(UnitView district, int year, int quarter, AsOf asOf) {
        String period = "Quý " + ROMAN[quarter - 1] + "/" + year;
        DocumentText.Builder doc = DocumentText.titled("BÁO CÁO",
                "Kết quả thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới " + period,
                district.fullName());
        doc.paragraph("Số liệu đọc từ hồ sơ tại thời điểm ghi nhận " + Figures.recordTime(asOf.recordedAt())
                + "; tính đến hết ngày " + date(asOf.date()) + ".");
        doc.note("Cùng thời điểm ghi nhận cho cùng số liệu ở mục 1 và phần tự đánh giá của mục 3; mục 2, trạng thái hồ sơ "
                + "ở mục 3, mục 4 và mục 5 đọc từ hồ sơ hiện hành (chưa đọc được theo một thời điểm ghi nhận trước "
                + "đây), như từng mục ghi rõ.");
        doc.heading(1, "I. KẾT QUẢ THỰC HIỆN CHUNG " + period.toUpperCase(Locale.forLanguageTag("vi")));
        standings(doc, district, asOf);
        List<CaseView> cases = recognitions.recognitionCases(new CaseFilter(null, district.code(), null, null, null,
                null), Keyset.first(MOST)).stream().filter(c -> !c.openedAt().isAfter(asOf.recordedAt())).toList();
        Map<String, UnitView> named = units.findAll(cases.stream().map(CaseView::unitCode).distinct().toList());
        titles(doc, cases, named, year);
        inProgress(doc, cases, named, asOf);
        compliance(doc, district, year, quarter, asOf);
        tasks(doc, district, asOf.date(), end(year, quarter).plusDays(1).plusMonths(3).minusDays(1));
        return doc.build();
    }

    private void standings(DocumentText.Builder doc, UnitView district, AsOf asOf) {
        doc.heading(2, "1. Kết quả thực hiện các bộ tiêu chí");
        doc.note("Nguồn: các đơn vị của huyện mà bộ tiêu chí đánh giá, mỗi đơn vị được đánh giá lại từ hồ sơ "
                + "theo giá trị và quyết định có hiệu lực đến ngày " + date(asOf.date())
                + " được ghi nhận đến thời điểm ghi nhận, theo phiên bản bộ tiêu chí có hiệu lực khi đó.");
        boolean any = false;
        List<CriteriaSetVersionView> bySetOrder = sets.latestOfAll().stream()
                .sorted(Comparator.comparing(CriteriaSetVersionView::level)
                        .thenComparing(CriteriaSetVersionView::grade, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(CriteriaSetVersionView::id)).toList();
        for (CriteriaSetVersionView latest : bySetOrder) {
            if (latest.level() == SetLevel.PROVINCE) {
                continue;
            }
            Optional<DistrictOverview> overview = overviews.districtOverview(district.code(), latest.id(),
                    asOf.date());
            Optional<CriteriaSetVersionView> inForce = appraisals.inForce(latest.id(), asOf);
            if (overview.isEmpty() || inForce.isEmpty()) {
                continue;
            }
            Map<String, UnitView> rated = new LinkedHashMap<>();
            overview.get().units().stream().map(UnitStanding::unit).forEach(u -> rated.put(u.code(), u));
            List<Appraisal> appraised = appraisals.appraise(rated.keySet().stream()
                    .map(code -> ScorecardId.of(code, latest.id())).toList(), inForce.get(), asOf, null);
            if (appraised.isEmpty()) {
                continue;
            }
            any = true;
            Standings.write(doc, inForce.get(), rated, appraised);
        }
        if (!any) {
            doc.paragraph("Hồ sơ không ghi nhận đơn vị nào của huyện được theo dõi theo một bộ tiêu chí đến thời điểm "
                    + "ghi nhận.");
        }
    }

    private static void titles(DocumentText.Builder doc, List<CaseView> cases, Map<String, UnitView> named,
                               int year) {
        doc.heading(2, "2. Danh hiệu đã được công nhận theo năm");
        doc.note("Nguồn: hồ sơ công nhận của huyện và các đơn vị trực thuộc (những hồ sơ được quyết định công "
                + "nhận, đến năm " + year + "), trạng thái theo hồ sơ hiện hành; chỉ những hồ sơ mở trước thời điểm "
                + "ghi nhận.");
        List<CaseView> granted = cases.stream().filter(c -> "RECOGNITION".equals(c.kind())
                        && Boolean.TRUE.equals(c.granted()) && c.year() <= year)
                .sorted(Comparator.comparingInt(CaseView::year).thenComparing(CaseView::unitCode)).toList();
        if (granted.isEmpty()) {
            doc.paragraph("Hồ sơ không ghi nhận danh hiệu nào được công nhận.");
            return;
        }
        Map<Integer, Map<String, List<String>>> byYear = new TreeMap<>();
        granted.forEach(c -> byYear.computeIfAbsent(c.year(), y -> new LinkedHashMap<>())
                .computeIfAbsent(Figures.grade(c.grade()), g -> new ArrayList<>()).add(name(named, c.unitCode())));
        byYear.forEach((y, grades) -> grades.forEach((grade, names) -> doc.paragraph("- Năm " + y + ": " + grade
                + " (" + count(names.size()) + "): " + String.join(", ", names) + ".")));
        List<List<String>> rows = granted.stream().map(c -> List.of(String.valueOf(c.year()),
                Figures.grade(c.grade()), name(named, c.unitCode()), c.setId(),
                decision(c), CaseStatuses.word(c.status()))).toList();
        doc.table(List.of("Năm", "Danh hiệu", "Đơn vị", "Bộ tiêu chí", "Quyết định", "Trạng thái"), rows,
                0.07, 0.19, 0.19, 0.25, 0.16, 0.14);
    }

    private static String decision(CaseView c) {
        if (c.decisionNumber() == null && c.decisionDate() == null) {
            return Figures.NOT_RECORDED;
        }
        return (c.decisionNumber() == null ? "số " + Figures.NOT_RECORDED : c.decisionNumber())
                + (c.decisionDate() == null ? "" : " ngày " + date(c.decisionDate()));
    }

    private void inProgress(DocumentText.Builder doc, List<CaseView> cases, Map<String, UnitView> named,
                            AsOf asOf) {
        doc.heading(2, "3. Tự đánh giá và hồ sơ đề nghị công nhận đang thực hiện");
        doc.note("Nguồn: các hồ sơ công nhận chưa có quyết định; kết quả tự đánh giá là bước tự đánh giá cuối cùng được "
                + "ghi nhận đến thời điểm ghi nhận (dòng thời gian của hồ sơ); trạng thái và bước tiếp theo theo hồ sơ "
                + "hiện hành.");
        List<CaseView> open = cases.stream().filter(c -> IN_PROGRESS.contains(c.status())).toList();
        if (open.isEmpty()) {
            doc.paragraph("Hồ sơ không ghi nhận hồ sơ công nhận nào đang thực hiện.");
            return;
        }
        Map<CaseView, List<HistoryEntryView>> timelines = recognitions.timeline(open);
        List<List<String>> rows = new ArrayList<>();
        for (CaseView c : open) {
            Optional<SelfAssessment> assessed = SelfAssessment.latest(timelines.get(c), asOf);
            String unit = name(named, c.unitCode());
            String title = Figures.grade(c.grade()) + " năm " + c.year();
            if (assessed.isPresent()) {
                SelfAssessment s = assessed.get();
                doc.paragraph("+ " + unit + " (" + title + "): tự đánh giá đạt " + s.met() + "/" + s.total()
                        + " tiêu chí" + (s.unmet().isEmpty() ? "." : ". Còn " + count(s.unmet().size())
                        + " tiêu chí chưa đạt: tiêu chí số " + String.join(", ", s.unmet()) + "."));
            } else {
                doc.paragraph("+ " + unit + " (" + title + "): chưa ghi nhận kết quả tự đánh giá.");
            }
            rows.add(List.of(unit, title, c.setId(),
                    assessed.map(s -> s.met() + "/" + s.total() + " (vòng " + s.round() + ", ghi nhận "
                            + date(LocalDate.ofInstant(s.recordedAt(), Figures.VIETNAM)) + ")")
                            .orElse(Figures.NOT_RECORDED),
                    assessed.map(s -> String.join(", ", s.unmet())).orElse(""),
                    CaseStatuses.word(c.status()) + (c.pendingStep() == null ? ""
                            : "; bước tiếp theo: " + CaseStatuses.step(c.pendingStep()))));
        }
        doc.table(List.of("Đơn vị", "Danh hiệu", "Bộ tiêu chí", "Tự đánh giá", "Tiêu chí chưa đạt", "Trạng thái"),
                rows, 0.17, 0.17, 0.22, 0.15, 0.11, 0.18);
    }

    private void compliance(DocumentText.Builder doc, UnitView district, int year, int quarter, AsOf asOf) {
        doc.heading(2, "4. Tình hình báo cáo của các đơn vị");
        doc.note("Nguồn: các yêu cầu báo cáo của huyện và việc thực hiện: các yêu cầu báo cáo một lần được xác lập "
                + "đến thời điểm ghi nhận, có hạn từ ngày " + date(start(year, quarter))
                + " trở đi hoặc không ghi hạn, và các kỳ trong quý của yêu cầu định kỳ; báo cáo nhận được tính đến hết "
                + "ngày " + date(asOf.date()) + ", theo hồ sơ hiện hành (phần này chưa đọc được theo một thời điểm ghi nhận "
                + "trước đây).");
        List<String> periods = new ArrayList<>();
        periods.add(year + "-Q" + quarter);
        for (int m = 3 * quarter - 2; m <= 3 * quarter; m++) {
            periods.add(String.format("%d-%02d", year, m));
        }
        List<ComplianceView> found = new ArrayList<>();
        for (DutyView duty : reporting.duties(district.code(), null, null, Keyset.first(MOST))) {
            if (duty.establishedAt().isAfter(asOf.recordedAt())) {
                continue;
            }
            if (duty.schedule().isEmpty()) {
                if (duty.dueLastDay() == null || !duty.dueLastDay().isBefore(start(year, quarter))) {
                    reporting.compliance(duty.unitCode(), duty.dutyId(), null, asOf.date()).ifPresent(found::add);
                }
                continue;
            }
            for (String period : periods) {
                if (ReportingPeriods.ruleFor(duty.schedule(), period).isPresent()) {
                    reporting.compliance(duty.unitCode(), duty.dutyId(), period, asOf.date()).ifPresent(found::add);
                }
            }
        }
        if (found.isEmpty()) {
            doc.paragraph("Hồ sơ không ghi nhận yêu cầu báo cáo nào của huyện cho quý này.");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (ComplianceView c : found) {
            List<String> reported = bodies(c, Compliance.Status.ON_TIME, Compliance.Status.LATE);
            List<String> missing = bodies(c, Compliance.Status.MISSING);
            List<String> notYetDue = bodies(c, Compliance.Status.NOT_YET_DUE);
            doc.paragraph("- " + c.duty().title() + (c.period() == null ? "" : " (kỳ " + c.period() + ")")
                    + ": tính đến hết ngày " + date(c.asOf()) + " đã nhận báo cáo của " + c.reportedCount() + "/"
                    + c.owedCount() + " đơn vị" + (reported.isEmpty() ? "" : " (" + String.join(", ", reported) + ")")
                    + (missing.isEmpty() ? "" : "; các đơn vị chưa có báo cáo: " + String.join(", ", missing))
                    + (notYetDue.isEmpty() ? "" : "; chưa đến hạn: " + String.join(", ", notYetDue)) + ".");
            rows.add(List.of(c.duty().title(), c.period() == null ? "" : c.period(),
                    c.dueDate() == null ? Figures.NOT_RECORDED : date(c.dueDate()),
                    c.reportedCount() + "/" + c.owedCount(), String.valueOf(c.onTimeCount()),
                    String.valueOf(c.lateCount()), String.valueOf(c.missingCount()),
                    String.valueOf(c.notYetDueCount())));
        }
        doc.table(List.of("Yêu cầu báo cáo", "Kỳ", "Hạn", "Đã báo cáo", "Đúng hạn", "Trễ hạn", "Chưa báo cáo",
                "Chưa đến hạn"), rows, 0.38, 0.08, 0.1, 0.1, 0.08, 0.08, 0.09, 0.09);
    }

    private static List<String> bodies(ComplianceView c, Compliance.Status... statuses) {
        Set<Compliance.Status> wanted = Set.of(statuses);
        return c.bodies().stream().filter(b -> wanted.contains(b.status())).map(Compliance.BodyStanding::body)
                .map(BodyRef::name).toList();
    }

    private void tasks(DocumentText.Builder doc, UnitView district, LocalDate day, LocalDate nextQuarterEnd) {
        doc.heading(2, "5. Nhiệm vụ kế hoạch quá hạn và đến hạn");
        doc.note("Nguồn: các nhiệm vụ quá hạn và đến hạn trong kế hoạch của huyện và các đơn vị trực thuộc, trạng thái "
                + "xét vào ngày " + date(day) + " theo hồ sơ hiện hành (phần này chưa đọc được theo một thời điểm ghi "
                + "nhận trước đây).");
        List<PlanTaskView> overdue = plans.tasks(new TaskFilter(null, district.code(), null, TaskStatus.OVERDUE,
                null, null, null, day), Keyset.first(MOST));
        List<PlanTaskView> due = plans.tasks(new TaskFilter(null, district.code(), null, TaskStatus.OPEN, null, day,
                nextQuarterEnd, day), Keyset.first(MOST));
        taskList(doc, "a) Nhiệm vụ quá hạn (chưa hoàn thành, đã qua hạn) vào ngày " + date(day), overdue, true);
        taskList(doc, "b) Nhiệm vụ đến hạn từ ngày " + date(day) + " đến ngày " + date(nextQuarterEnd), due, false);
    }

    private void taskList(DocumentText.Builder doc, String heading, List<PlanTaskView> tasks, boolean overdue) {
        doc.paragraph(heading + ": " + count(tasks.size()) + " nhiệm vụ" + (tasks.size() == MOST
                ? " (liệt kê " + MOST + " nhiệm vụ đầu tiên)" : "") + ".");
        if (tasks.isEmpty()) {
            return;
        }
        Map<PlanTaskView, PlanItemView> items = plans.itemsOf(tasks);
        Map<PlanTaskView, PlanView> planOf = plans.plansOf(tasks);
        Map<String, UnitView> named = units.findAll(tasks.stream().map(PlanTaskView::unitCode).distinct().toList());
        List<List<String>> rows = new ArrayList<>();
        for (PlanTaskView t : tasks) {
            PlanItemView item = items.get(t);
            PlanView plan = planOf.get(t);
            rows.add(List.of(plan == null ? t.planId() : plan.number(),
                    (item == null || item.row() == null ? "" : item.row() + ". ")
                            + (item == null ? t.itemId() : item.content()),
                    name(named, t.unitCode()), t.leadName(),
                    item == null ? date(t.deadlineLastDay()) : Figures.deadline(item.deadline()),
                    overdue ? "quá hạn " + (-t.daysLeft()) + " ngày" : "còn " + t.daysLeft() + " ngày"));
        }
        doc.table(List.of("Kế hoạch", "Nội dung", "Đơn vị", "Đơn vị chủ trì", "Thời hạn", "Tình trạng"), rows,
                0.12, 0.36, 0.13, 0.17, 0.12, 0.10);
    }

    private static String name(Map<String, UnitView> named, String code) {
        UnitView unit = named.get(code);
        return unit == null ? code : unit.fullName();
    }

    /** A self-assessment step of a case's timeline: the criteria the unit judged met, of all, and those not met. */
    record SelfAssessment(int round, int met, int total, List<String> unmet, Instant recordedAt) {
        static final String TYPE = "SelfAssessmentRecorded";

        /** The last self-assessment recorded by the record time, if any. */
        static Optional<SelfAssessment> latest(List<HistoryEntryView> timeline, AsOf asOf) {
            if (timeline == null) {
                return Optional.empty();
            }
            return timeline.stream().filter(e -> TYPE.equals(e.type()))
                    .filter(e -> !e.recordedAt().isAfter(asOf.recordedAt()))
                    .max(Comparator.comparing(HistoryEntryView::recordedAt)
                            .thenComparingLong(HistoryEntryView::position))
                    .map(SelfAssessment::of);
        }

        private static SelfAssessment of(HistoryEntryView entry) {
            try {
                JsonNode payload = JSON.readTree(entry.payload());
                int met = 0;
                List<String> unmet = new ArrayList<>();
                for (JsonNode a : payload.path("assessments")) {
                    if ("MET".equals(a.path("assessed").asText())) {
                        met++;
                    } else {
                        unmet.add(a.path("criterionCode").asText());
                    }
                }
                return new SelfAssessment(payload.path("round").asInt(), met, payload.path("assessments").size(),
                        unmet, entry.recordedAt());
            } catch (IOException e) {
                throw new UncheckedIOException("self-assessment " + entry.eventId(), e);
            }
        }
    }
}
