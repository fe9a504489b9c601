package org.ntmrecords.infra.document;

import static org.ntmrecords.infra.document.Figures.count;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ntmrecords.events.unit.UnitKind;
import org.ntmrecords.query.audit.Appraisal;
import org.ntmrecords.query.criteria.CriteriaSetVersionView;
import org.ntmrecords.query.unit.UnitView;

/**
 * Units' standings under one set as the seeds list them ("Có 06 xã đạt 19/19 tiêu chí: …"), then unit by unit with
 * the criteria not met and the indicators behind them: the quarterly report's first section and a plan's Phụ lục 01.
 */
final class Standings {
    private Standings() {
    }

    /**
     * @param rated     the units the set rates that the document is about, by code, in the order listed
     * @param appraised the appraisals of those tracked against the set by the record time
     */
    static void write(DocumentText.Builder doc, CriteriaSetVersionView set, Map<String, UnitView> rated,
                      List<Appraisal> appraised) {
        doc.heading(2, set.title() + " (phiên bản " + set.version() + ")");
        Map<Integer, List<Appraisal>> byMet = new TreeMap<>(Comparator.reverseOrder());
        appraised.forEach(a -> byMet.computeIfAbsent(a.criteriaMet(), k -> new ArrayList<>()).add(a));
        byMet.forEach((met, group) -> doc.paragraph("- Có " + count(group.size()) + " "
                + kindWord(group.stream().map(a -> rated.get(a.unitCode())).toList()) + " đạt " + met + "/"
                + group.get(0).criteriaTotal() + " tiêu chí: " + group.stream()
                .map(a -> rated.get(a.unitCode()).fullName()).collect(Collectors.joining(", ")) + "."));
        Set<String> tracked = appraised.stream().map(Appraisal::unitCode).collect(Collectors.toSet());
        List<String> untracked = rated.values().stream().filter(u -> !tracked.contains(u.code()))
                .map(UnitView::fullName).toList();
        if (!untracked.isEmpty()) {
            doc.paragraph("- Chưa được theo dõi theo bộ tiêu chí này (không ghi nhận số liệu): "
                    + String.join(", ", untracked) + ".");
        }
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (Appraisal a : appraised) {
            rows.add(List.of(String.valueOf(n++), rated.get(a.unitCode()).fullName(),
                    a.criteriaMet() + "/" + a.criteriaTotal(), Figures.judgment(a.result()),
                    withIndicators(a, a.unmetCriteria(), true), withIndicators(a, a.notAssessedCriteria(), false)));
        }
        doc.table(List.of("STT", "Đơn vị", "Tiêu chí đạt", "Kết quả", "Tiêu chí chưa đạt (chỉ tiêu)",
                "Tiêu chí chưa đánh giá (chỉ tiêu)"), rows, 0.06, 0.26, 0.11, 0.13, 0.22, 0.22);
    }

    /** What the seeds count units as: "xã" for communes, "huyện" for districts, "thôn" for villages, else "đơn vị". */
    private static String kindWord(List<UnitView> units) {
        if (units.stream().allMatch(u -> u.kind() == UnitKind.COMMUNE)) {
            return "xã";
        }
        if (units.stream().allMatch(u -> u.kind().village())) {
            return "thôn";
        }
        return units.stream().allMatch(u -> u.kind() == UnitKind.DISTRICT) ? "huyện" : "đơn vị";
    }

    /** {@code 13 (13.3), 17 (17.7)}: each criterion with its indicators not met (or not assessed). */
    private static String withIndicators(Appraisal appraisal, List<String> criteria, boolean unmet) {
        return criteria.stream().map(code -> {
            Appraisal.Criterion criterion = appraisal.criterion(code);
            List<String> indicators = criterion == null ? List.of()
                    : unmet ? criterion.unmetIndicators() : criterion.notAssessedIndicators();
            return indicators.isEmpty() ? code : code + " (" + String.join(", ", indicators) + ")";
        }).collect(Collectors.joining(", "));
    }
}
