package org.ntmrecords.infra.api.overview;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.infra.api.Connection;
import org.ntmrecords.infra.api.Paging;
import org.ntmrecords.query.audit.AsOf;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.criteria.CriteriaSetVersionView;
import org.ntmrecords.query.overview.CriterionUnitView;
import org.ntmrecords.query.overview.OverviewReader;
import org.ntmrecords.query.overview.OverviewViews;
import org.ntmrecords.query.scorecard.CriterionStandingView;
import org.ntmrecords.query.scorecard.IndicatorStandingView;
import org.ntmrecords.query.scorecard.StandingReadRepository;
import org.ntmrecords.query.unit.UnitView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Roll-ups for dashboards: a district's units with their standings, a province's counts (live and quarter by quarter)
 * and the units failing a criterion. Each costs a fixed handful of SQL statements whatever the number of units
 * ({@link OverviewReader}); the indicators of a criterion view's page are batch-loaded.
 */
@Controller
public class OverviewQueries {
    private static final List<Judgment> FAILING = List.of(Judgment.NOT_MET, Judgment.NOT_ASSESSED);

    private final OverviewReader reader;
    private final StandingReadRepository standings;
    private final Paging paging;
    private final Clock clock;

    public OverviewQueries(OverviewReader reader, StandingReadRepository standings, Paging paging, Clock clock) {
        this.reader = reader;
        this.standings = standings;
        this.paging = paging;
        this.clock = clock;
    }

    /** A criterion view: the area's counts on the criterion and the page asked for. */
    public record CriterionOverview(UnitView area, CriteriaSetVersionView criteriaSet, CriterionDefinition criterion,
                                    OverviewViews.CriterionSummary summary, Connection<CriterionUnitView> units) {
    }

    @QueryMapping
    public OverviewViews.DistrictOverview districtOverview(@Argument String districtCode, @Argument String setId) {
        return reader.districtOverview(Args.text("districtCode", districtCode), Args.text("setId", setId), today())
                .orElse(null);
    }

    @QueryMapping
    public OverviewViews.ProvinceOverview provinceOverview(@Argument String provinceCode, @Argument String setId) {
        return reader.provinceOverview(Args.text("provinceCode", provinceCode), Args.text("setId", setId), today())
                .orElse(null);
    }

    @QueryMapping
    public OverviewViews.ProvinceOverviewHistory provinceOverviewHistory(@Argument String provinceCode,
                                                                        @Argument String setId,
                                                                        @Argument LocalDate from,
                                                                        @Argument LocalDate to,
                                                                        @Argument Instant recordedAt) {
        Instant at = AsOf.of(null, recordedAt, clock).recordedAt();
        return reader.provinceOverviewHistory(Args.text("provinceCode", provinceCode), Args.text("setId", setId),
                from, to, at).orElse(null);
    }

    @QueryMapping
    public CriterionOverview criterionOverview(@Argument String areaCode, @Argument String setId,
                                               @Argument String criterionCode, @Argument List<Judgment> results,
                                               @Argument Integer first, @Argument String after,
                                               @Argument Integer last, @Argument String before) {
        Paging.PageRequest page = paging.request("criterionOverview", first, after, last, before);
        List<Judgment> asked = results == null ? FAILING : results.stream().distinct().toList();
        OverviewViews.CriterionArea area = reader.criterionArea(Args.text("areaCode", areaCode),
                Args.text("setId", setId), Args.text("criterionCode", criterionCode), today()).orElse(null);
        if (area == null) {
            return null;
        }
        List<CriterionUnitView> rows = reader.criterionPage(area, asked, (String) page.key("unit"), page.forward(),
                page.size() + 1);
        OverviewViews.CriterionSummary summary = area.summary();
        long total = asked.stream().mapToLong(j -> switch (j) {
            case MET -> summary.met();
            case NOT_MET -> summary.notMet();
            case NOT_ASSESSED -> summary.notAssessed();
        }).sum();
        return new CriterionOverview(area.area(), area.criteriaSet(), area.criterion(), summary,
                paging.connection(rows, page, row -> Map.of("unit", row.unit().code()), total));
    }

    /** The criterion's indicators not met or not assessed, for every unit of the page at once. */
    @BatchMapping(typeName = "CriterionUnit", field = "indicators")
    public Map<CriterionUnitView, List<IndicatorStandingView>> indicators(List<CriterionUnitView> rows) {
        Map<CriterionStandingView.Key, List<IndicatorStandingView>> found =
                standings.indicators(rows.stream().map(CriterionUnitView::criterionKey).distinct().toList());
        Map<CriterionUnitView, List<IndicatorStandingView>> result = new LinkedHashMap<>();
        rows.forEach(row -> result.put(row, found.getOrDefault(row.criterionKey(), List.of()).stream()
                .filter(i -> i.result() != Judgment.MET).toList()));
        return result;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
