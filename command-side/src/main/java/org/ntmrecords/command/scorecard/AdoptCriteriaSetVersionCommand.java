package org.ntmrecords.command.scorecard;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Move a tracked unit's record to a newer version of its set once that version applies, re-judging what the
 * amendment changed. Sent by {@link CriteriaSetAdoptionProcess}; adopting a version already adopted (or an older
 * one) does nothing, so the process may send it again safely.
 */
public record AdoptCriteriaSetVersionCommand(@TargetAggregateIdentifier String scorecardId, int version) {
}
