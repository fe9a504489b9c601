package org.ntmrecords.infra.document;

import static org.ntmrecords.infra.document.Figures.date;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.scorecard.ScorecardId;
import org.ntmrecords.query.audit.Appraisal;
import org.ntmrecords.query.audit.AppraisalReader;
import org.ntmrecords.query.audit.AsOf;
import org.ntmrecords.query.criteria.CriteriaSetVersionView;
import org.ntmrecords.query.plan.PlanReadRepository;
import org.ntmrecords.query.plan.PlanReadRepository.PlanItemView;
import org.ntmrecords.query.plan.PlanReadRepository.PlanView;
import org.ntmrecords.query.unit.UnitReadRepository;
import org.ntmrecords.query.unit.UnitView;
import org.springframework.stereotype.Component;

/**
 * A plan's annexes as the plan of Tháp Mười 2024 (seed 000) sets them out: Phụ lục 01, each unit's criteria met under
 * each set the plan's rows name, and Phụ lục 06, the rows themselves (content, requirement, state, solution, lead and
 * coordinating bodies, deadline). The plan is the version recorded by the record time ({@code plan} and its versions);
 * the state of an indicator row is the recorded value and judgment on the as-of date as known at the record time
 * ({@code standingAsOf}'s reader), next to the state as the plan wrote it.
 */
@Component
class PlanAnnex {
    private final PlanReadRepository plans;
    private final AppraisalReader appraisals;
    private final UnitReadRepository units;

    PlanAnnex(PlanReadRepository plans, AppraisalReader appraisals, UnitReadRepository units) {
        this.plans = plans;
        this.appraisals = appraisals;
        this.units = units;
    }

    /** The latest version of the plan recorded by the instant; empty when none was (or no plan has the id). */
    Optional<PlanView> recordedBy(String planId, Instant at) {
        return plans.versions(List.of(planId)).getOrDefault(planId, List.of()).stream()
                .filter(v -> !v.recordedAt().isAfter(at)).reduce((a, b) -> b);
    }

    DocumentText write(PlanView plan, AsOf asOf) {
        List<PlanItemView> items = plans.items(List.of(plan)).getOrDefault(plan, List.of());
        Map<String, UnitView> named = units.findAll(items.stream().flatMap(i -> i.unitCodes().stream()).distinct()
                .toList());
        Map<String, Map<String, Appraisal>> bySet = appraise(items, asOf);
        String basis = "(Kèm theo Kế hoạch số " + plan.number() + " ngày " + planDate(plan) + " của "
                + plan.issuer().name() + ")";
        DocumentText.Builder doc = DocumentText.titled("PHỤ LỤC KẾ HOẠCH", plan.title(), basis).landscape();
        doc.paragraph("Số liệu đọc từ hồ sơ tại thời điểm ghi nhận " + Figures.recordTime(asOf.recordedAt())
                + "; hiện trạng tính đến ngày " + date(asOf.date()) + ". Kế hoạch " + plan.planId() + ", phiên bản "
                + plan.version() + " (ghi nhận lúc " + Figures.recordTime(plan.recordedAt()) + ").");
        if (plan.annexNumber() != null && !plan.annexNumber().equals(plan.number())) {
            doc.note("Phụ lục của kế hoạch ghi số " + plan.annexNumber() + ", khác với số của kế hoạch ("
                    + plan.number() + "); giữ nguyên như văn bản.");
        }
        doc.note("Các hàng là những hàng của phiên bản này như hồ sơ ghi nhận; bảng đọc không giữ thời điểm ghi nhận "
                + "của từng hàng, nên một hàng bổ sung vào cùng phiên bản sau thời điểm ghi nhận vẫn được liệt kê.");

        doc.heading(1, "Phụ lục 01");
        doc.heading(2, "ĐÁNH GIÁ TIÊU CHÍ CỦA CÁC ĐƠN VỊ TRONG KẾ HOẠCH");
        doc.note("Nguồn: mỗi đơn vị được đánh giá lại từ hồ sơ theo bộ tiêu chí mà các hàng của kế hoạch nêu, "
                + "theo giá trị và quyết định có hiệu lực đến ngày " + date(asOf.date())
                + " được ghi nhận đến thời điểm ghi nhận.");
        Map<String, CriteriaSetVersionView> versions = new LinkedHashMap<>();
        bySet.forEach((set, found) -> found.values().stream().findFirst().ifPresent(a -> versions.put(set, a.set())));
        if (versions.isEmpty()) {
            doc.paragraph("Hồ sơ không ghi nhận đơn vị nào của kế hoạch được theo dõi theo bộ tiêu chí nêu trong kế "
                    + "hoạch đến thời điểm ghi nhận.");
        }
        versions.forEach((set, version) -> {
            Map<String, UnitView> rated = new LinkedHashMap<>();
            items.stream().filter(i -> set.equals(i.setId())).flatMap(i -> i.unitCodes().stream())
                    .sorted().forEach(code -> rated.putIfAbsent(code, unit(named, code)));
            Standings.write(doc, version, rated, new ArrayList<>(bySet.get(set).values()));
        });

        doc.heading(1, "Phụ lục 06");
        doc.heading(2, "CÁC NHIỆM VỤ, GIẢI PHÁP, PHÂN CÔNG VÀ THỜI GIAN THỰC HIỆN CÁC NỘI DUNG TIÊU CHÍ NĂM "
                + plan.year());
        doc.note("Nguồn: các hàng của kế hoạch như hồ sơ ghi nhận. Yêu cầu: theo bộ tiêu chí, ngưỡng áp dụng cho vùng của đơn "
                + "vị; hiện trạng: giá trị và kết quả đánh giá ghi nhận, kèm hiện trạng như kế "
                + "hoạch ghi.");
        List<List<String>> rows = new ArrayList<>();
        for (PlanItemView item : items) {
            rows.add(List.of(item.row() == null ? "" : item.row(), item.content(), requirement(item, bySet),
                    state(item, bySet, named), item.solution() == null ? "" : item.solution(),
                    item.lead().name(), item.coordinating().stream().map(BodyRef::name)
                            .collect(Collectors.joining("; ")), Figures.deadline(item.deadline())));
        }
        doc.table(List.of("STT", "Nội dung tiêu chí thực hiện", "Yêu cầu tiêu chí", "Hiện trạng tiêu chí",
                        "Giải pháp thực hiện", "Đơn vị thực hiện chính", "Đơn vị phối hợp thực hiện",
                        "Thời gian hoàn thành"), rows,
                0.06, 0.22, 0.08, 0.13, 0.20, 0.11, 0.11, 0.09);
        return doc.build();
    }

    private static String planDate(PlanView plan) {
        return plan.date() != null ? date(plan.date()) : Figures.orNotRecorded(plan.dateAsWritten());
    }

    /** Each set the rows name, with the appraisal of each of its rows' units tracked by the record time. */
    private Map<String, Map<String, Appraisal>> appraise(List<PlanItemView> items, AsOf asOf) {
        Map<String, Set<String>> unitsBySet = new LinkedHashMap<>();
        items.stream().filter(i -> i.setId() != null).forEach(i -> unitsBySet
                .computeIfAbsent(i.setId(), s -> new LinkedHashSet<>()).addAll(i.unitCodes()));
        Map<String, Map<String, Appraisal>> found = new LinkedHashMap<>();
        unitsBySet.forEach((set, codes) -> appraisals.inForce(set, asOf).ifPresent(version -> found.put(set,
                appraisals.appraise(codes.stream().map(code -> ScorecardId.of(code, set)).toList(), version, asOf,
                        null).stream().collect(Collectors.toMap(Appraisal::unitCode, Function.identity(),
                        (a, b) -> a, LinkedHashMap::new)))));
        return found;
    }

    private static String requirement(PlanItemView item, Map<String, Map<String, Appraisal>> bySet) {
        String written = item.requirement();
        Optional<String> judged = indicators(item, bySet).values().stream().findFirst()
                .map(e -> Figures.requirement(e.indicator().requirement(), e.appraisal().region()));
        if (judged.isEmpty()) {
            return written == null ? "" : written;
        }
        return written == null || squeeze(written).equals(squeeze(judged.get())) ? judged.get()
                : judged.get() + "\n(kế hoạch ghi: " + written + ")";
    }

    private static String state(PlanItemView item, Map<String, Map<String, Appraisal>> bySet,
                                Map<String, UnitView> named) {
        Map<String, Judged> judged = indicators(item, bySet);
        List<String> parts = new ArrayList<>();
        judged.forEach((code, j) -> {
            Appraisal.Indicator indicator = j.indicator();
            String value = indicator.value() == null ? "giá trị " + Figures.NOT_RECORDED
                    : Figures.value(indicator.value().value());
            String judgment = Figures.judgment(indicator.result());
            String line = value.equals(judgment) ? value : value + " (" + judgment + ")";
            parts.add(judged.size() > 1 ? unit(named, code).name() + ": " + line : line);
        });
        if (item.indicatorCode() != null && item.setId() != null) {
            item.unitCodes().stream().filter(code -> !judged.containsKey(code))
                    .forEach(code -> parts.add(unit(named, code).name() + ": " + Figures.NOT_RECORDED));
        }
        if (item.stateAsWritten() != null) {
            parts.add((parts.isEmpty() ? "" : "(kế hoạch ghi: ") + item.stateAsWritten()
                    + (parts.isEmpty() ? "" : ")"));
        }
        return String.join("\n", parts);
    }

    private record Judged(Appraisal appraisal, Appraisal.Indicator indicator) {
    }

    /** The row's indicator as judged for each of its units tracked by the record time. */
    private static Map<String, Judged> indicators(PlanItemView item, Map<String, Map<String, Appraisal>> bySet) {
        Map<String, Judged> judged = new LinkedHashMap<>();
        if (item.indicatorCode() == null || item.setId() == null) {
            return judged;
        }
        Map<String, Appraisal> appraised = bySet.getOrDefault(item.setId(), Map.of());
        for (String code : item.unitCodes()) {
            Appraisal appraisal = appraised.get(code);
            Appraisal.Indicator indicator = appraisal == null ? null : appraisal.indicator(item.indicatorCode());
            if (indicator != null) {
                judged.put(code, new Judged(appraisal, indicator));
            }
        }
        return judged;
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static UnitView unit(Map<String, UnitView> named, String code) {
        UnitView unit = named.get(code);
        return unit != null ? unit : new UnitView(code, code, code, null, 0, null, null, null, null);
    }
}
