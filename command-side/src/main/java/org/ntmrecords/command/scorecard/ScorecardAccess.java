package org.ntmrecords.command.scorecard;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ntmrecords.command.access.AccessChecks;
import org.ntmrecords.command.access.AccessPolicy.Decision;
import org.ntmrecords.command.access.AccessRules;
import org.ntmrecords.command.access.Acting;
import org.ntmrecords.command.access.FeatureAccess;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.command.common.CommandText;

/**
 * Units are tracked by administrators, commune officers and district coordination offices; values, corrections and
 * not-assessed marks recorded by commune officers, coordination offices and the agencies answering for the
 * indicator, and item-by-item assessments likewise; human decisions by coordination offices, verifiers, appraisers and responsible agencies — each within
 * its jurisdiction. Criteria set versions are adopted by the service itself.
 */
public class ScorecardAccess implements FeatureAccess {
    private static final Set<Role> DECIDERS = Collections.unmodifiableSet(EnumSet.of(
            Role.DISTRICT_COORDINATION_OFFICE, Role.VERIFIER, Role.APPRAISER, Role.DISTRICT_AGENCY));
    private static final Set<Role> TRACKERS = Collections.unmodifiableSet(
            EnumSet.of(Role.ADMINISTRATOR, Role.COMMUNE_OFFICER, Role.DISTRICT_COORDINATION_OFFICE));

    @Override
    public void register(AccessRules rules) {
        rules.on(AdoptCriteriaSetVersionCommand.class, (acting, c, checks) -> Decision.deny(null,
                        CommandText.of("access.adoptionBySystem", acting.name())))
                .on(TrackUnitCommand.class, (acting, c, checks) -> acting.role() == Role.ADMINISTRATOR
                        ? Decision.allow(c.unitCode())
                        : checks.roleWithin(acting, c.unitCode(), TRACKERS, CommandText.of("access.do.trackUnits")))
                .on(RecordIndicatorValueCommand.class, (acting, c, checks) ->
                        checks.entry(acting, c.scorecardId(), c.indicatorCode(), AccessChecks.RECORDERS,
                                CommandText.of("access.do.recordValues")))
                .on(RecordIndicatorValuesCommand.class, ScorecardAccess::batch)
                .on(CorrectIndicatorValueCommand.class, (acting, c, checks) ->
                        checks.entry(acting, c.scorecardId(), c.indicatorCode(), AccessChecks.RECORDERS,
                                CommandText.of("access.do.correctValues")))
                .on(RecordItemAssessmentCommand.class, (acting, c, checks) ->
                        checks.entry(acting, c.scorecardId(), c.indicatorCode(), AccessChecks.RECORDERS,
                                CommandText.of("access.do.recordItems")))
                .on(MarkIndicatorNotAssessedCommand.class, (acting, c, checks) ->
                        checks.entry(acting, c.scorecardId(), c.indicatorCode(), AccessChecks.RECORDERS,
                                CommandText.of("access.do.markNotAssessed")))
                .on(RecordIndicatorDecisionCommand.class, (acting, c, checks) ->
                        checks.entry(acting, c.scorecardId(), c.indicatorCode(), DECIDERS,
                                CommandText.of("access.do.recordDecisions")));
    }

    /** A batch of values is allowed when every value in it is; the first value refused names the reason. */
    private static Decision batch(Acting acting, RecordIndicatorValuesCommand batch, AccessChecks checks) {
        Decision decision = null;
        for (RecordIndicatorValueCommand value : batch.values() == null ? List.<RecordIndicatorValueCommand>of()
                : batch.values()) {
            if (value != null) {
                decision = checks.entry(acting, batch.scorecardId(), value.indicatorCode(), AccessChecks.RECORDERS,
                        CommandText.of("access.do.recordValues"));
                if (!decision.allowed()) {
                    return decision;
                }
            }
        }
        if (decision != null) {
            return decision;
        }
        // no value to check by indicator: the role and the jurisdiction still decide
        return checks.roleWithin(acting, AccessChecks.scorecardUnit(batch.scorecardId()), AccessChecks.RECORDERS,
                CommandText.of("access.do.recordValues"));
    }
}
