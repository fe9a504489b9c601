package org.ntmrecords.infra.api.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.events.criteria.RequirementChange;
import org.ntmrecords.events.scorecard.ScorecardId;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.query.audit.Appraisal;
import org.ntmrecords.query.audit.AppraisalDifferences;
import org.ntmrecords.query.audit.AppraisalReader;
import org.ntmrecords.query.audit.AsOf;
import org.ntmrecords.query.audit.Explanation;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.ntmrecords.query.criteria.CriteriaSetVersionView;
import org.ntmrecords.query.history.HistoryEntryView;
import org.ntmrecords.query.history.HistoryFacts;
import org.ntmrecords.query.history.HistoryReadRepository;
import org.ntmrecords.query.scorecard.IndicatorDecisionView;
import org.ntmrecords.query.scorecard.IndicatorEntryView;
import org.ntmrecords.query.unit.UnitReadRepository;
import org.ntmrecords.query.unit.UnitView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Standing as of a business date and a record instant, the comparison of what the record showed then with what
 * is known now, and explanations of judgments. Answered from the read tables (entries, decisions and set
 * versions carry their record time), never by replaying the store.
 */
@Controller
public class AsOfQueries {
    /** The most judgments an explanation lists (an indicator judged more often shows the latest ones). */
    static final int JUDGMENTS_SHOWN = 500;

    private final AppraisalReader reader;
    private final HistoryReadRepository history;
    private final UnitReadRepository units;
    private final Clock clock;

    public AsOfQueries(AppraisalReader reader, HistoryReadRepository history,
                       UnitReadRepository units, Clock clock) {
        this.reader = reader;
        this.history = history;
        this.units = units;
        this.clock = clock;
    }

    public record Comparison(LocalDate date, Instant recordedAt, Appraisal then, Appraisal now,
                             List<AppraisalDifferences.Indicator> changedIndicators) {
    }

    @QueryMapping
    public Appraisal standingAsOf(@Argument String unitCode, @Argument String setId, @Argument LocalDate date,
                                  @Argument Instant recordedAt) {
        return appraise(unitCode, setId, AsOf.of(date, recordedAt, clock));
    }

    /** What the record showed at the instant about the date, next to what is known now about that date. */
    @QueryMapping
    public Comparison asOfComparison(@Argument String unitCode, @Argument String setId, @Argument Instant recordedAt,
                                     @Argument LocalDate date) {
        AsOf then = AsOf.of(date, Objects.requireNonNull(recordedAt), clock);
        Appraisal thenAppraisal = appraise(unitCode, setId, then);
        Appraisal nowAppraisal = appraise(unitCode, setId, AsOf.of(then.date(), null, clock));
        if (nowAppraisal == null) {
            return null;
        }
        return new Comparison(then.date(), then.recordedAt(), thenAppraisal, nowAppraisal,
                thenAppraisal == null ? List.of() : AppraisalDifferences.indicators(thenAppraisal, nowAppraisal));
    }

    @QueryMapping
    public Explanation explainIndicator(@Argument String unitCode, @Argument String setId,
                                        @Argument String indicatorCode, @Argument LocalDate date,
                                        @Argument Instant recordedAt, Locale locale) {
        AsOf asOf = AsOf.of(date, recordedAt, clock);
        Appraisal appraisal = appraise(unitCode, setId, asOf);
        if (appraisal == null) {
            return null;
        }
        String code = Args.text("indicatorCode", indicatorCode);
        if (appraisal.indicator(code) == null) {
            throw new InvalidArgumentException(ApiText.of("audit.indicatorNotInSet", code, appraisal.set().id(),
                    String.valueOf(appraisal.set().version())));
        }
        return explain(appraisal, code, locale);
    }

    @QueryMapping
    public Explanation.OfCriterion explainCriterion(@Argument String unitCode, @Argument String setId,
                                                    @Argument String criterionCode, @Argument LocalDate date,
                                                    @Argument Instant recordedAt, Locale locale) {
        AsOf asOf = AsOf.of(date, recordedAt, clock);
        Appraisal appraisal = appraise(unitCode, setId, asOf);
        if (appraisal == null) {
            return null;
        }
        String code = Args.text("criterionCode", criterionCode);
        Appraisal.Criterion criterion = appraisal.criterion(code);
        if (criterion == null) {
            throw new InvalidArgumentException(ApiText.of("audit.criterionNotInSet", code, appraisal.set().id(),
                    String.valueOf(appraisal.set().version())));
        }
        List<Explanation> indicators = criterion.indicators().stream().map(i -> explain(appraisal, i.code(), locale))
                .toList();
        String subject = HistoryFacts.unitCriterion(appraisal.unitCode(), appraisal.set().id(), code);
        return new Explanation.OfCriterion(appraisal, criterion, indicators,
                judgments(subject, appraisal.recordedAt(), List.of("CriterionJudged")));
    }

    @BatchMapping(typeName = "Appraisal", field = "unit")
    public Map<Appraisal, UnitView> unit(List<Appraisal> appraisals) {
        Map<String, UnitView> found = units.findAll(appraisals.stream().map(Appraisal::unitCode).distinct().toList());
        Map<Appraisal, UnitView> result = new java.util.LinkedHashMap<>();
        appraisals.forEach(a -> result.put(a, found.get(a.unitCode())));
        return result;
    }

    private Appraisal appraise(String unitCode, String setId, AsOf asOf) {
        String unit = Args.text("unitCode", unitCode);
        String set = Args.text("setId", setId);
        CriteriaSetVersionView version = reader.inForce(set, asOf).orElseThrow(() -> new InvalidArgumentException(
                ApiText.of("audit.noVersionInForce", set, asOf.date(), asOf.recordedAt().toString())));
        List<Appraisal> found = reader.appraise(List.of(ScorecardId.of(unit, set)), version, asOf, null);
        return found.isEmpty() ? null : found.get(0);
    }

    /** An indicator's explanation; why each entry counted or not is said in the reader's language. */
    private Explanation explain(Appraisal appraisal, String code, Locale locale) {
        Appraisal.Indicator indicator = appraisal.indicator(code);
        String used = indicator.value() == null ? null : indicator.value().id();
        List<Explanation.ExplainedEntry> entries = new ArrayList<>();
        for (IndicatorEntryView e : appraisal.entries()) {
            if (!e.indicatorCode().equals(code)) {
                continue;
            }
            Message why;
            if (e.id().equals(used)) {
                why = ApiText.of("audit.why.used", appraisal.date());
            } else if (e.correctedByEntryId() != null) {
                why = ApiText.of("audit.why.corrected", e.correctedByEntryId());
            } else if (e.period().start().isAfter(appraisal.date())) {
                why = ApiText.of("audit.why.later", e.period().start(), appraisal.date());
            } else {
                why = ApiText.of("audit.why.superseded");
            }
            entries.add(new Explanation.ExplainedEntry(e, e.id().equals(used), why.in(locale)));
        }
        List<IndicatorDecisionView> decisions = appraisal.decisions().stream().filter(d -> d.indicatorCode().equals(code))
                .toList();
        CriteriaSetVersionView set = appraisal.set();
        RequirementChange change = set.amendment() == null ? null : set.amendment().changes().stream()
                .filter(c -> c.indicatorCode().equals(code)).findFirst().orElse(null);
        Explanation.Rule rule = new Explanation.Rule(set, appraisal.region(), change,
                change == null ? null : set.amendment().reason());
        String subject = HistoryFacts.unitIndicator(appraisal.unitCode(), set.id(), code);
        return new Explanation(appraisal, indicator, rule, entries, decisions,
                judgments(subject, appraisal.recordedAt(), List.of("IndicatorJudged", "IndicatorDecisionRecorded")));
    }

    private List<HistoryEntryView> judgments(String subject, Instant recordedAt, List<String> types) {
        Map<String, String> subjects = new java.util.HashMap<>();
        subjects.put(subject, null);
        // the latest ones (oldest first) when there are more than shown
        return history.page(subjects, new HistoryReadRepository.Filter(null, recordedAt, null, null, null, types,
                null), null, false, JUDGMENTS_SHOWN);
    }
}
