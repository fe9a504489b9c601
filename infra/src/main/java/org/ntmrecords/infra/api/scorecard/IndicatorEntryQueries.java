package org.ntmrecords.infra.api.scorecard;

import java.util.List;
import java.util.Map;
import org.ntmrecords.events.scorecard.ScorecardId;
import org.ntmrecords.infra.api.Connection;
import org.ntmrecords.infra.api.CursorKeys;
import org.ntmrecords.infra.api.Paging;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.scorecard.IndicatorEntryView;
import org.ntmrecords.query.scorecard.StandingReadRepository;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The entries recorded for an indicator of a unit's record: values, corrections and not-assessed marks. */
@Controller
public class IndicatorEntryQueries {
    private final StandingReadRepository standings;
    private final Paging paging;

    public IndicatorEntryQueries(StandingReadRepository standings, Paging paging) {
        this.standings = standings;
        this.paging = paging;
    }

    /** Oldest first, a page at a time; the cursor holds the entry's recorded instant and id. */
    @QueryMapping
    public Connection<IndicatorEntryView> indicatorEntries(@Argument String unitCode, @Argument String setId,
                                                           @Argument String indicatorCode, @Argument Integer first,
                                                           @Argument String after, @Argument Integer last,
                                                           @Argument String before) {
        String scorecardId = ScorecardId.of(Args.text("unitCode", unitCode), Args.text("setId", setId));
        String indicator = Args.text("indicatorCode", indicatorCode);
        Paging.PageRequest page = paging.request("indicatorEntries", first, after, last, before);
        List<IndicatorEntryView> rows = standings.entriesOf(scorecardId, indicator, CursorKeys.keyset(page,
                "recordedAt", CursorKeys.Type.INSTANT, "id", CursorKeys.Type.TEXT));
        return paging.connection(rows, page, e -> Map.of("recordedAt", e.recordedAt().toString(), "id", e.id()),
                standings.countEntries(scorecardId, indicator));
    }
}
