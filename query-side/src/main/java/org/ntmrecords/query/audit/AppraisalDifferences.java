package org.ntmrecords.query.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ntmrecords.events.scorecard.Judgment;

/** Where two appraisals of a record disagree, criterion by criterion and indicator by indicator. */
public final class AppraisalDifferences {
    private AppraisalDifferences() {
    }

    /**
     * An indicator judged differently. {@code baseline} is the official side (or what the record showed then),
     * {@code other} the what-if side (or what is known now); a side is null when its set has no such indicator.
     */
    public record Indicator(String code, String criterionCode, Judgment baseline, Judgment other,
                            BigDecimal baselineThreshold, BigDecimal otherThreshold, BigDecimal baselineMeasured,
                            BigDecimal otherMeasured, String baselineEntryId, String otherEntryId) {
    }

    /** A criterion judged differently, with its differing indicators. */
    public record Criterion(String code, String name, Judgment baseline, Judgment other, List<Indicator> indicators) {
    }

    /**
     * Indicators of {@code other} judged differently from the same indicator of {@code baseline} (same code,
     * or the indicator {@code codeMap} names), or using another entry, threshold or figure.
     */
    public static List<Indicator> indicators(Appraisal baseline, Appraisal other, Map<String, String> codeMap) {
        List<Indicator> differences = new ArrayList<>();
        for (Appraisal.Criterion criterion : other.criteria()) {
            for (Appraisal.Indicator theirs : criterion.indicators()) {
                String baselineCode = codeMap == null ? theirs.code() : codeMap.get(theirs.code());
                Appraisal.Indicator ours = baselineCode == null ? null : baseline.indicator(baselineCode);
                if (ours == null || ours.verdict().result() != theirs.verdict().result()
                        || !Objects.equals(entryId(ours), entryId(theirs))
                        || !same(ours.verdict().threshold(), theirs.verdict().threshold())
                        || !same(ours.verdict().measured(), theirs.verdict().measured())) {
                    differences.add(new Indicator(theirs.code(), theirs.criterionCode(),
                            ours == null ? null : ours.verdict().result(), theirs.verdict().result(),
                            ours == null ? null : ours.verdict().threshold(), theirs.verdict().threshold(),
                            ours == null ? null : ours.verdict().measured(), theirs.verdict().measured(),
                            ours == null ? null : entryId(ours), entryId(theirs)));
                }
            }
        }
        return differences;
    }

    public static List<Indicator> indicators(Appraisal baseline, Appraisal other) {
        return indicators(baseline, other, null);
    }

    /** Criteria of {@code other} whose result differs from the same-coded criterion of {@code baseline}. */
    public static List<Criterion> criteria(Appraisal baseline, Appraisal other, Map<String, String> codeMap,
                                           boolean criteriaComparable) {
        List<Indicator> indicators = indicators(baseline, other, codeMap);
        List<Criterion> differences = new ArrayList<>();
        for (Appraisal.Criterion theirs : other.criteria()) {
            Appraisal.Criterion ours = criteriaComparable ? baseline.criterion(theirs.code()) : null;
            List<Indicator> within = indicators.stream().filter(i -> i.criterionCode().equals(theirs.code())).toList();
            Judgment oursResult = ours == null ? null : ours.tally().result();
            if (oursResult != theirs.tally().result() || !within.isEmpty()) {
                differences.add(new Criterion(theirs.code(), theirs.name(), oursResult, theirs.tally().result(),
                        within));
            }
        }
        return differences;
    }

    private static String entryId(Appraisal.Indicator indicator) {
        return indicator.value() == null ? null : indicator.value().id();
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
