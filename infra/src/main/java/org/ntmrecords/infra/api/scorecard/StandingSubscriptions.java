package org.ntmrecords.infra.api.scorecard;

import java.util.Optional;
import org.ntmrecords.events.scorecard.ScorecardId;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.overview.OverviewViews.UnitStanding;
import org.ntmrecords.query.scorecard.StandingChangeFeed;
import org.ntmrecords.query.scorecard.StandingChangeFeed.StandingChange;
import org.ntmrecords.query.scorecard.StandingReadRepository;
import org.ntmrecords.query.unit.UnitReadRepository;
import org.ntmrecords.query.unit.UnitView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Standings as they change in the read tables, for a page that shows them live (a district's communes, a unit).
 * Each change is read back as the {@code standing} query reads it, once the projection's transaction has committed;
 * what a subscriber may read of it is the read policy's, field by field, as for that query.
 */
@Controller
public class StandingSubscriptions {
    private final StandingChangeFeed feed;
    private final StandingReadRepository standings;
    private final UnitReadRepository units;

    public StandingSubscriptions(StandingChangeFeed feed, StandingReadRepository standings, UnitReadRepository units) {
        this.feed = feed;
        this.standings = standings;
        this.units = units;
    }

    @SubscriptionMapping
    public Flux<UnitStanding> standingChanged(@Argument String unitCode, @Argument String areaCode,
                                              @Argument String setId) {
        String unit = unitCode == null ? null : Args.text("unitCode", unitCode);
        String area = areaCode == null ? null : Args.text("areaCode", areaCode);
        String set = setId == null ? null : Args.text("setId", setId);
        return feed.changes()
                .filter(change -> unit == null || unit.equals(change.unitCode()))
                .filter(change -> set == null || set.equals(change.setId()))
                .publishOn(Schedulers.boundedElastic())
                .mapNotNull(change -> read(change, area).orElse(null));
    }

    /** The unit and its standing now, when the unit is the area or directly under it (or no area is asked). */
    private Optional<UnitStanding> read(StandingChange change, String area) {
        Optional<UnitView> unit = units.find(change.unitCode());
        if (unit.isEmpty() || area != null && !area.equals(unit.get().code()) && !area.equals(unit.get().parentCode())) {
            return Optional.empty();
        }
        return standings.find(ScorecardId.of(change.unitCode(), change.setId()))
                .map(standing -> new UnitStanding(unit.get(), standing));
    }
}
