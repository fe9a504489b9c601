package org.ntmrecords.command.scorecard;

import org.ntmrecords.events.scorecard.CriterionJudgedEvent;
import org.ntmrecords.events.scorecard.IndicatorJudgedEvent;
import org.ntmrecords.events.scorecard.StandingComputedEvent;

/** The judgments a change to a scorecard produced, returned to the sender as they were recorded. */
public record ScorecardOutcome(String scorecardId, String entryId, IndicatorJudgedEvent indicator,
                               CriterionJudgedEvent criterion, StandingComputedEvent standing) {
}
