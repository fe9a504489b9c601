package org.ntmrecords.infra.api.scorecard;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ntmrecords.events.criteria.RequirementKind;
import org.ntmrecords.events.judging.IndicatorJudge;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.ScorecardId;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.criteria.CriteriaSetReadRepository;
import org.ntmrecords.query.criteria.CriteriaSetVersionView;
import org.ntmrecords.query.scorecard.CriterionStandingView;
import org.ntmrecords.query.scorecard.IndicatorDecisionView;
import org.ntmrecords.query.scorecard.IndicatorEntryView;
import org.ntmrecords.query.scorecard.IndicatorStandingView;
import org.ntmrecords.query.scorecard.StandingReadRepository;
import org.ntmrecords.query.scorecard.StandingView;
import org.ntmrecords.query.unit.UnitReadRepository;
import org.ntmrecords.query.unit.UnitView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL queries on standings. Nested fields are batch-loaded: a district overview with every criterion and
 * indicator of every commune costs the same handful of SQL statements for 1 commune or 100.
 */
@Controller
public class StandingQueries {
    private final StandingReadRepository standings;
    private final UnitReadRepository units;
    private final CriteriaSetReadRepository sets;

    public StandingQueries(StandingReadRepository standings, UnitReadRepository units,
                           CriteriaSetReadRepository sets) {
        this.standings = standings;
        this.units = units;
        this.sets = sets;
    }

    @QueryMapping
    public StandingView standing(@Argument String unitCode, @Argument String setId) {
        return standings.find(ScorecardId.of(Args.text("unitCode", unitCode), Args.text("setId", setId))).orElse(null);
    }

    @BatchMapping(typeName = "Unit", field = "standings")
    public Map<UnitView, List<StandingView>> unitStandings(List<UnitView> unitViews) {
        Map<String, List<StandingView>> byUnit = standings.byUnit(unitViews.stream().map(UnitView::code).toList());
        Map<UnitView, List<StandingView>> result = new LinkedHashMap<>();
        unitViews.forEach(u -> result.put(u, byUnit.getOrDefault(u.code(), List.of())));
        return result;
    }

    @BatchMapping(typeName = "Standing", field = "unit")
    public Map<StandingView, UnitView> unit(List<StandingView> views) {
        Map<String, UnitView> found = units.findAll(views.stream().map(StandingView::unitCode).distinct().toList());
        Map<StandingView, UnitView> result = new LinkedHashMap<>();
        views.forEach(v -> result.put(v, found.get(v.unitCode())));
        return result;
    }

    @BatchMapping(typeName = "Standing", field = "criteriaSet")
    public Map<StandingView, CriteriaSetVersionView> criteriaSet(List<StandingView> views) {
        Map<CriteriaSetVersionView.Key, CriteriaSetVersionView> found = sets.findAll(views.stream()
                .map(v -> new CriteriaSetVersionView.Key(v.setId(), v.setVersion())).distinct().toList());
        Map<StandingView, CriteriaSetVersionView> result = new LinkedHashMap<>();
        views.forEach(v -> result.put(v, found.get(new CriteriaSetVersionView.Key(v.setId(), v.setVersion()))));
        return result;
    }

    @BatchMapping(typeName = "Standing", field = "criteria")
    public Map<StandingView, List<CriterionStandingView>> criteria(List<StandingView> views) {
        return criteriaWhere(views, c -> true);
    }

    @BatchMapping(typeName = "Standing", field = "unmetCriteria")
    public Map<StandingView, List<CriterionStandingView>> unmetCriteria(List<StandingView> views) {
        return criteriaWhere(views, c -> c.result() == Judgment.NOT_MET);
    }

    @BatchMapping(typeName = "Standing", field = "notAssessedCriteria")
    public Map<StandingView, List<CriterionStandingView>> notAssessedCriteria(List<StandingView> views) {
        return criteriaWhere(views, c -> c.result() == Judgment.NOT_ASSESSED);
    }

    private Map<StandingView, List<CriterionStandingView>> criteriaWhere(
            List<StandingView> views, java.util.function.Predicate<CriterionStandingView> filter) {
        Map<String, List<CriterionStandingView>> found =
                standings.criteria(views.stream().map(StandingView::scorecardId).toList());
        Map<StandingView, List<CriterionStandingView>> result = new LinkedHashMap<>();
        views.forEach(v -> result.put(v, found.getOrDefault(v.scorecardId(), List.of()).stream()
                .filter(filter).toList()));
        return result;
    }

    @BatchMapping(typeName = "CriterionStanding", field = "indicators")
    public Map<CriterionStandingView, List<IndicatorStandingView>> indicators(List<CriterionStandingView> criteria) {
        Map<CriterionStandingView.Key, List<IndicatorStandingView>> found =
                standings.indicators(criteria.stream().map(CriterionStandingView::key).toList());
        Map<CriterionStandingView, List<IndicatorStandingView>> result = new LinkedHashMap<>();
        criteria.forEach(c -> result.put(c, found.getOrDefault(c.key(), List.of())));
        return result;
    }

    /**
     * The measured figure as shown: a share to one decimal place, rounded half-up ({@code 72.4 %}, in Vietnamese
     * {@code 72,4 %}); an amount with its unit; a count or sub-indicators met as measured.
     */
    @SchemaMapping(typeName = "IndicatorStanding", field = "measuredShown")
    public String measuredShown(IndicatorStandingView indicator, Locale locale) {
        RequirementKind kind = indicator.requirement().kind();
        BigDecimal shown = IndicatorJudge.shownFigure(kind, indicator.measured());
        if (shown == null) {
            return null;
        }
        if (IndicatorJudge.measuresShare(kind)) {
            return ApiText.say(locale, "scorecard.measured.share", shown);
        }
        String unit = indicator.requirement().unit();
        return kind == RequirementKind.AMOUNT_AT_LEAST && unit != null
                ? ApiText.say(locale, "scorecard.measured.amount", shown, unit)
                : ApiText.say(locale, "scorecard.measured.figure", shown);
    }

    @BatchMapping(typeName = "IndicatorStanding", field = "latestValue")
    public Map<IndicatorStandingView, IndicatorEntryView> latestValue(List<IndicatorStandingView> indicators) {
        Map<IndicatorEntryView.Key, IndicatorEntryView> found = standings.entries(indicators.stream()
                .filter(i -> i.latestEntryId() != null)
                .map(i -> new IndicatorEntryView.Key(i.scorecardId(), i.latestEntryId())).toList());
        Map<IndicatorStandingView, IndicatorEntryView> result = new LinkedHashMap<>();
        indicators.stream().filter(i -> i.latestEntryId() != null).forEach(i ->
                result.put(i, found.get(new IndicatorEntryView.Key(i.scorecardId(), i.latestEntryId()))));
        return result;
    }

    @BatchMapping(typeName = "IndicatorStanding", field = "decision")
    public Map<IndicatorStandingView, IndicatorDecisionView> decision(List<IndicatorStandingView> indicators) {
        Map<IndicatorEntryView.Key, IndicatorDecisionView> found = standings.decisions(indicators.stream()
                .filter(i -> i.decisionId() != null)
                .map(i -> new IndicatorEntryView.Key(i.scorecardId(), i.decisionId())).toList());
        Map<IndicatorStandingView, IndicatorDecisionView> result = new LinkedHashMap<>();
        indicators.stream().filter(i -> i.decisionId() != null).forEach(i ->
                result.put(i, found.get(new IndicatorEntryView.Key(i.scorecardId(), i.decisionId()))));
        result.values().removeIf(Objects::isNull);
        return result;
    }
}
