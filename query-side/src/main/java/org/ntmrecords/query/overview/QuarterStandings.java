package org.ntmrecords.query.overview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.criteria.IndicatorDefinition;
import org.ntmrecords.events.judging.Decision;
import org.ntmrecords.events.judging.Entry;
import org.ntmrecords.events.judging.Evaluation;
import org.ntmrecords.events.judging.ItemsJudge;
import org.ntmrecords.events.judging.Recency;
import org.ntmrecords.events.judging.Tally;
import org.ntmrecords.query.criteria.CriteriaSetVersionView;

/**
 * Standings of many records on many business dates, judged by the rules the as-of queries apply (the audit package's
 * {@code Appraiser}), from the entries and decisions known at one record instant. The caller gives the entries that
 * count at that instant: an entry no longer counts once a correction of it is known, whatever period the correction
 * gives. What counts on date D:
 * <ul>
 *   <li>those entries, and the decisions, whose period starts on or before D;</li>
 *   <li>among them, the effective entry and the latest decision as {@link Recency} chooses them;</li>
 *   <li>the version of the set in force on D, as known at the instant, with the record's region.</li>
 * </ul>
 * A record's dates are judged in one pass: each indicator's entries are sorted once, and a date on which no
 * indicator's effective entry or latest decision (nor the version) differs from the date before reuses its standing.
 */
public final class QuarterStandings {
    private QuarterStandings() {
    }

    /** A scorecard tracked by the instant: whose, and the region whose thresholds apply. */
    public record TrackedRecord(String scorecardId, String unitCode, String region) {
    }

    /** An entry known at the instant that no correction known then supersedes (corrections themselves included). */
    public record KnownEntry(String indicatorCode, Entry entry) {
    }

    /** A decision known at the instant. */
    public record KnownDecision(String indicatorCode, Decision decision) {
    }

    /** An item-by-item assessment of an itemised indicator known at the instant that no correction known then supersedes. */
    public record KnownAssessment(String indicatorCode, ItemsJudge.Assessment assessment) {
    }

    /** The indicators of one version, in definition order, and its definition (built once per version). */
    private record Rules(CriteriaSetVersionView version, CriteriaSetDefinition definition, List<String> indicators) {
        static Rules of(CriteriaSetVersionView version) {
            List<String> codes = new ArrayList<>();
            for (CriterionDefinition criterion : version.criteria()) {
                for (IndicatorDefinition indicator : criterion.indicators()) {
                    codes.add(indicator.code());
                }
            }
            return new Rules(version, version.definition(), codes);
        }
    }

    /**
     * Each record's standing on each date.
     *
     * @param versions  the version in force on each date (null where none was), as many as {@code dates}
     * @param entries   the entries of each record known at the instant (by scorecard id)
     * @param decisions the decisions of each record known at the instant (by scorecard id)
     * @return by scorecard id, the standing on each date (null where no version was in force)
     */
    public static Map<String, Tally[]> judge(Collection<TrackedRecord> records, List<LocalDate> dates,
                                             List<CriteriaSetVersionView> versions,
                                             Map<String, List<KnownEntry>> entries,
                                             Map<String, List<KnownDecision>> decisions) {
        return judge(records, dates, versions, entries, decisions, Map.of());
    }

    /**
     * As above, with the item-by-item assessments of each record known at the instant (by scorecard id): an itemised
     * indicator is judged on a date by the assessment whose period starts on or before it, the latest period, then
     * the latest recorded.
     */
    public static Map<String, Tally[]> judge(Collection<TrackedRecord> records, List<LocalDate> dates,
                                             List<CriteriaSetVersionView> versions,
                                             Map<String, List<KnownEntry>> entries,
                                             Map<String, List<KnownDecision>> decisions,
                                             Map<String, List<KnownAssessment>> assessments) {
        if (dates.size() != versions.size()) {
            throw new IllegalArgumentException("a version (or null) for every date");
        }
        Map<CriteriaSetVersionView, Rules> rules = new HashMap<>();
        List<Rules> byDate = new ArrayList<>();
        for (CriteriaSetVersionView version : versions) {
            byDate.add(version == null ? null : rules.computeIfAbsent(version, Rules::of));
        }
        Map<String, Tally[]> result = new LinkedHashMap<>();
        for (TrackedRecord record : records) {
            result.put(record.scorecardId(), judge(record, dates, byDate,
                    entries.getOrDefault(record.scorecardId(), List.of()),
                    decisions.getOrDefault(record.scorecardId(), List.of()),
                    assessments.getOrDefault(record.scorecardId(), List.of())));
        }
        return result;
    }

    private static Tally[] judge(TrackedRecord record, List<LocalDate> dates, List<Rules> byDate,
                                 List<KnownEntry> known, List<KnownDecision> decided,
                                 List<KnownAssessment> assessed) {
        // every itemised indicator's assessments, the most recent first (latest period, then latest recorded)
        Map<String, List<ItemsJudge.Assessment>> items = new HashMap<>();
        for (KnownAssessment a : assessed) {
            items.computeIfAbsent(a.indicatorCode(), k -> new ArrayList<>()).add(a.assessment());
        }
        items.values().forEach(list -> list.sort(java.util.Comparator
                .comparing((ItemsJudge.Assessment a) -> a.period().end())
                .thenComparingLong(ItemsJudge.Assessment::order).reversed()));
        // every indicator's entries and decisions, the most recent first as Recency orders them
        Map<String, List<Entry>> entries = new HashMap<>();
        for (KnownEntry e : known) {
            entries.computeIfAbsent(e.indicatorCode(), k -> new ArrayList<>()).add(e.entry());
        }
        entries.values().forEach(list -> list.sort(Recency.ENTRIES.reversed()));
        Map<String, List<Decision>> decisions = new HashMap<>();
        for (KnownDecision d : decided) {
            decisions.computeIfAbsent(d.indicatorCode(), k -> new ArrayList<>()).add(d.decision());
        }
        decisions.values().forEach(list -> list.sort(Recency.DECISIONS.reversed()));

        Tally[] standings = new Tally[dates.size()];
        Rules previousRules = null;
        Entry[] previousEntries = null;
        Decision[] previousDecisions = null;
        ItemsJudge.Assessment[] previousAssessments = null;
        List<List<Entry>> entriesByPosition = null;
        List<List<Decision>> decisionsByPosition = null;
        for (int k = 0; k < dates.size(); k++) {
            Rules rules = byDate.get(k);
            if (rules == null) {
                previousRules = null;
                continue;
            }
            LocalDate date = dates.get(k);
            int n = rules.indicators().size();
            if (rules != previousRules) {
                // each indicator's lists in the version's order, looked up once per version rather than per date
                entriesByPosition = new ArrayList<>(n);
                decisionsByPosition = new ArrayList<>(n);
                for (String code : rules.indicators()) {
                    entriesByPosition.add(entries.get(code));
                    decisionsByPosition.add(decisions.get(code));
                }
            }
            Entry[] effective = new Entry[n];
            Decision[] latest = new Decision[n];
            ItemsJudge.Assessment[] assessedThen = new ItemsJudge.Assessment[n];
            for (int i = 0; i < n; i++) {
                effective[i] = first(entriesByPosition.get(i), date);
                latest[i] = firstDecision(decisionsByPosition.get(i), date);
                assessedThen[i] = firstAssessment(items.get(rules.indicators().get(i)), date);
            }
            if (rules == previousRules && same(effective, previousEntries) && same(latest, previousDecisions)
                    && same(assessedThen, previousAssessments)) {
                standings[k] = standings[k - 1];
            } else {
                Map<String, Entry> effectiveByCode = new HashMap<>();
                Map<String, Decision> latestByCode = new HashMap<>();
                Map<String, ItemsJudge.Assessment> assessedByCode = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    effectiveByCode.put(rules.indicators().get(i), effective[i]);
                    latestByCode.put(rules.indicators().get(i), latest[i]);
                    assessedByCode.put(rules.indicators().get(i), assessedThen[i]);
                }
                standings[k] = Evaluation.of(rules.definition(), record.region(), effectiveByCode::get,
                        latestByCode::get, assessedByCode::get).standing();
            }
            previousRules = rules;
            previousEntries = effective;
            previousDecisions = latest;
            previousAssessments = assessedThen;
        }
        return standings;
    }

    /** The most recent entry whose period starts on or before the date: {@link Recency#effective} of those. */
    private static Entry first(List<Entry> newestFirst, LocalDate date) {
        if (newestFirst != null) {
            for (Entry e : newestFirst) {
                if (!e.period().start().isAfter(date)) {
                    return e;
                }
            }
        }
        return null;
    }

    /** The most recent assessment whose period starts on or before the date. */
    private static ItemsJudge.Assessment firstAssessment(List<ItemsJudge.Assessment> newestFirst, LocalDate date) {
        if (newestFirst != null) {
            for (ItemsJudge.Assessment a : newestFirst) {
                if (!a.period().start().isAfter(date)) {
                    return a;
                }
            }
        }
        return null;
    }

    private static Decision firstDecision(List<Decision> newestFirst, LocalDate date) {
        if (newestFirst != null) {
            for (Decision d : newestFirst) {
                if (!d.period().start().isAfter(date)) {
                    return d;
                }
            }
        }
        return null;
    }

    /** Whether the same entries (or decisions) were chosen: the very objects, as both come from the same lists. */
    private static boolean same(Object[] these, Object[] those) {
        if (those == null || these.length != those.length) {
            return false;
        }
        for (int i = 0; i < these.length; i++) {
            if (these[i] != those[i]) {
                return false;
            }
        }
        return true;
    }
}
