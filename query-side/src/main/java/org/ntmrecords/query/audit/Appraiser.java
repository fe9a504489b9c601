package org.ntmrecords.query.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.criteria.IndicatorDefinition;
import org.ntmrecords.events.criteria.RequirementKind;
import org.ntmrecords.events.scorecard.ValueKind;
import org.ntmrecords.events.judging.Decision;
import org.ntmrecords.events.judging.Entry;
import org.ntmrecords.events.judging.Evaluation;
import org.ntmrecords.events.judging.IndicatorJudge;
import org.ntmrecords.events.judging.ItemsJudge;
import org.ntmrecords.events.judging.Recency;
import org.ntmrecords.events.judging.Verdict;
import org.ntmrecords.query.criteria.CriteriaSetVersionView;
import org.ntmrecords.query.scorecard.IndicatorDecisionView;
import org.ntmrecords.query.scorecard.IndicatorEntryView;
import org.ntmrecords.query.scorecard.ItemAssessmentReadRepository.ItemRow;

/**
 * Judges a record as of a business date with the same rules the scorecards apply ({@link Evaluation}), from the
 * entries and decisions known at a record instant. What counts on date D:
 * <ul>
 *   <li>entries and decisions whose period starts on or before D;</li>
 *   <li>an entry no longer counts once a correction of it is known (whatever period the correction gives);</li>
 *   <li>among those, the effective entry and latest decision as {@link Recency} chooses them.</li>
 * </ul>
 * Indicators of the set are matched to the record's entries by code, through {@code codeMap} when the set is
 * another one than the record's (codes are meaningful only within a set).
 */
public final class Appraiser {
    private Appraiser() {
    }

    /** Whether a value of this kind can be judged against a requirement of that kind. */
    static boolean fits(RequirementKind requirement, ValueKind value) {
        return IndicatorJudge.judges(requirement, value);
    }

    /**
     * @param entries   the record's entries known at {@code recordedAt}, in record order
     * @param decisions the record's decisions known at {@code recordedAt}
     * @param codeMap   the record's indicator code for each indicator of {@code set}; identity when null
     */
    public static Appraisal appraise(String scorecardId, String unitCode, CriteriaSetVersionView set, String region,
                                     LocalDate date, Instant recordedAt, List<IndicatorEntryView> entries,
                                     List<IndicatorDecisionView> decisions, Map<String, String> codeMap) {
        return appraise(scorecardId, unitCode, set, region, date, recordedAt, entries, decisions, List.of(), codeMap);
    }

    /**
     * As above, with the record's item-by-item assessments known at {@code recordedAt} (in record order): for an
     * itemised indicator the assessment that counts on the date is chosen as for entries — period starting on or
     * before it, not corrected by an assessment known then, the latest period, then the latest recorded.
     */
    public static Appraisal appraise(String scorecardId, String unitCode, CriteriaSetVersionView set, String region,
                                     LocalDate date, Instant recordedAt, List<IndicatorEntryView> entries,
                                     List<IndicatorDecisionView> decisions, List<ItemRow> items,
                                     Map<String, String> codeMap) {
        Function<String, String> source = codeMap == null ? Function.identity() : codeMap::get;
        Set<String> corrected = entries.stream().map(IndicatorEntryView::correctsEntryId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toCollection(HashSet::new));
        Map<String, List<Entry>> candidates = new HashMap<>();
        Map<String, IndicatorEntryView> entryViews = new HashMap<>();
        for (IndicatorEntryView e : entries) {
            entryViews.put(e.id(), e);
            if (!corrected.contains(e.id()) && !e.period().start().isAfter(date)) {
                candidates.computeIfAbsent(e.indicatorCode(), k -> new ArrayList<>())
                        .add(new Entry(e.id(), e.value(), e.period(), e.seq()));
            }
        }
        Map<String, List<Decision>> decided = new HashMap<>();
        Map<String, IndicatorDecisionView> decisionViews = new HashMap<>();
        for (IndicatorDecisionView d : decisions) {
            decisionViews.put(d.id(), d);
            if (!d.period().start().isAfter(date)) {
                decided.computeIfAbsent(d.indicatorCode(), k -> new ArrayList<>())
                        .add(new Decision(d.id(), d.result(), d.period(), d.seq()));
            }
        }
        Set<String> correctedAssessments = items.stream().map(ItemRow::correctsAssessmentId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toCollection(HashSet::new));
        // by indicator, the assessments that count on the date, each with its items' states, in record order
        Map<String, Map<String, ItemsJudge.Assessment>> assessed = new HashMap<>();
        for (ItemRow row : items) {
            if (correctedAssessments.contains(row.assessmentId()) || row.period().start().isAfter(date)) {
                continue;
            }
            Map<String, ItemsJudge.Assessment> byId = assessed.computeIfAbsent(row.indicatorCode(),
                    k -> new java.util.LinkedHashMap<>());
            ItemsJudge.Assessment current = byId.get(row.assessmentId());
            Map<String, org.ntmrecords.events.scorecard.Judgment> states = new java.util.LinkedHashMap<>(
                    current == null ? Map.of() : current.states());
            states.put(row.itemCode(), row.state());
            byId.put(row.assessmentId(), new ItemsJudge.Assessment(row.assessmentId(), states, row.period(),
                    current == null ? row.seq() : current.order()));
        }
        Map<String, RequirementKind> kinds = new HashMap<>();
        set.criteria().forEach(c -> c.indicators().forEach(i -> kinds.put(i.code(), i.requirement().kind())));
        Evaluation evaluation = Evaluation.of(set.definition(), region,
                code -> {
                    Entry effective = source.apply(code) == null ? null
                            : Recency.effective(candidates.getOrDefault(source.apply(code), List.of()));
                    // an indicator of another set read through a mapping: a value of a kind its requirement
                    // cannot judge counts as no data, never as a judgment
                    return effective != null && codeMap != null && !effective.notAssessed()
                            && !fits(kinds.get(code), effective.value().kind()) ? null : effective;
                },
                code -> source.apply(code) == null ? null
                        : Recency.latest(decided.getOrDefault(source.apply(code), List.of())),
                code -> source.apply(code) == null ? null
                        : assessed.getOrDefault(source.apply(code), Map.of()).values().stream()
                        .max(java.util.Comparator.comparing((ItemsJudge.Assessment a) -> a.period().end())
                                .thenComparingLong(ItemsJudge.Assessment::order)).orElse(null));
        List<Appraisal.Criterion> criteria = new ArrayList<>();
        for (CriterionDefinition criterion : set.criteria()) {
            List<Appraisal.Indicator> indicators = new ArrayList<>();
            for (IndicatorDefinition indicator : criterion.indicators()) {
                Verdict verdict = evaluation.indicators().get(indicator.code());
                IndicatorEntryView value = verdict.valueIdsUsed().isEmpty() ? null
                        : entryViews.get(verdict.valueIdsUsed().get(0));
                IndicatorDecisionView decision = verdict.decisionId() == null ? null
                        : decisionViews.get(verdict.decisionId());
                indicators.add(new Appraisal.Indicator(indicator.code(), criterion.code(), indicator.text(),
                        indicator.requirement(), verdict, value, decision));
            }
            criteria.add(new Appraisal.Criterion(criterion.code(), criterion.name(),
                    evaluation.criteria().get(criterion.code()), indicators));
        }
        return new Appraisal(scorecardId, unitCode, set, region, date, recordedAt, evaluation.standing(), criteria,
                entries, decisions);
    }
}
