package org.ntmrecords.query.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ntmrecords.query.criteria.CriteriaSetReadRepository;
import org.ntmrecords.query.criteria.CriteriaSetVersionView;
import org.ntmrecords.query.scorecard.ItemAssessmentReadRepository;
import org.ntmrecords.query.scorecard.StandingReadRepository;
import org.ntmrecords.query.scorecard.StandingView;
import org.springframework.stereotype.Component;

/**
 * Loads what appraisals need, a fixed number of statements for one record or a whole district: the records
 * tracked by the instant, their entries and decisions known then, and the set version.
 */
@Component
public class AppraisalReader {
    private final StandingReadRepository standings;
    private final CriteriaSetReadRepository sets;
    private final ItemAssessmentReadRepository items;

    public AppraisalReader(StandingReadRepository standings, CriteriaSetReadRepository sets,
                           ItemAssessmentReadRepository items) {
        this.standings = standings;
        this.sets = sets;
        this.items = items;
    }

    /** The version of the set in force on the date, as known at the instant. */
    public Optional<CriteriaSetVersionView> inForce(String setId, AsOf asOf) {
        return sets.inForce(setId, asOf.date(), asOf.recordedAt());
    }

    public Optional<CriteriaSetVersionView> version(String setId, Integer version) {
        return sets.find(setId, version);
    }

    /**
     * Appraises each record (tracked by {@code asOf.recordedAt()}) under {@code set}; records not yet tracked
     * then are left out.
     *
     * @param codeMap the record's indicator code for each indicator of {@code set}; null when codes match
     */
    public List<Appraisal> appraise(Collection<String> scorecardIds, CriteriaSetVersionView set, AsOf asOf,
                                    Map<String, String> codeMap) {
        List<StandingView> tracked = standings.trackedAt(scorecardIds, asOf.recordedAt());
        List<String> ids = tracked.stream().map(StandingView::scorecardId).toList();
        var entries = standings.entriesKnownAt(ids, asOf.recordedAt());
        var decisions = standings.decisionsKnownAt(ids, asOf.recordedAt());
        var assessed = items.itemsKnownAt(ids, asOf.recordedAt());
        List<Appraisal> appraisals = new ArrayList<>();
        for (StandingView record : tracked) {
            appraisals.add(Appraiser.appraise(record.scorecardId(), record.unitCode(), set, record.region(),
                    asOf.date(), asOf.recordedAt(), entries.getOrDefault(record.scorecardId(), List.of()),
                    decisions.getOrDefault(record.scorecardId(), List.of()),
                    assessed.getOrDefault(record.scorecardId(), List.of()), codeMap));
        }
        return appraisals;
    }
}
