package org.ntmrecords.command.scorecard;

import org.ntmrecords.events.common.DocumentRef;

/**
 * Start tracking a unit against the latest version of a criteria set.
 *
 * @param region      the region whose thresholds apply (e.g. {@code dbscl}); optional when the set has none
 * @param regionBasis the decision listing the commune as special-difficulty, when it uses the {@code tdmnpb}
 *                    thresholds outside that region
 */
public record TrackUnitCommand(String unitCode, String setId, String region, DocumentRef basis,
                               DocumentRef regionBasis) {

    public TrackUnitCommand(String unitCode, String setId, String region, DocumentRef basis) {
        this(unitCode, setId, region, basis, null);
    }
}
