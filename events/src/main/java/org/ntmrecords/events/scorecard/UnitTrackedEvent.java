package org.ntmrecords.events.scorecard;

import org.ntmrecords.events.common.DocumentRef;

/**
 * A unit started being tracked against a criteria set.
 *
 * @param setVersion the set version its judgments use from now on
 * @param region     the region whose thresholds apply (e.g. {@code dbscl}); {@code null} when the set has no
 *                   regional thresholds or the region is not recorded
 * @param basis      the document that registered the target, if any
 */
public record UnitTrackedEvent(String scorecardId, String unitCode, String setId, int setVersion, String region,
                               DocumentRef basis) {
}
