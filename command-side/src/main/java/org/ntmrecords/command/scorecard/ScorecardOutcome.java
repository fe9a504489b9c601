package org.ntmrecords.command.scorecard;

import org.ntmrecords.events.scorecard.CriterionJudgedEvent;
import org.ntmrecords.events.scorecard.IndicatorJudgedEvent;
import org.ntmrecords.events.scorecard.StandingComputedEvent;

/**
 * The judgments after a change to a scorecard, returned to the sender as they were recorded: the indicator's by this
 * change; the criterion's and the standing's by this change, or by the one before that last changed them.
 */
public record ScorecardOutcome(String scorecardId, String entryId, IndicatorJudgedEvent indicator,
                               CriterionJudgedEvent criterion, StandingComputedEvent standing) {
}
