package org.ntmrecords.events.scorecard;

import org.ntmrecords.events.common.DocumentRef;

/**
 * A unit started being tracked against a criteria set.
 *
 * @param setVersion  the set version its judgments use from now on
 * @param region      the region whose thresholds apply (e.g. {@code dbscl}); {@code null} when the set has no
 *                    regional thresholds or the region is not recorded
 * @param basis       the document that registered the target, if any
 * @param regionBasis the decision listing the unit as a special-difficulty commune (xã đặc biệt khó khăn, xã an toàn
 *                    khu), on which it uses the {@code tdmnpb} thresholds outside that region; {@code null} otherwise
 *                    (and in events recorded before the field existed)
 */
public record UnitTrackedEvent(String scorecardId, String unitCode, String setId, int setVersion, String region,
                               DocumentRef basis, DocumentRef regionBasis) {

    /** Tracked without a special-difficulty basis for its region. */
    public UnitTrackedEvent(String scorecardId, String unitCode, String setId, int setVersion, String region,
                            DocumentRef basis) {
        this(scorecardId, unitCode, setId, setVersion, region, basis, null);
    }
}
