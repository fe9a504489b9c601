package org.ntmrecords.command.scorecard;

import org.ntmrecords.events.common.DocumentRef;

/**
 * Start tracking a unit against the latest version of a criteria set.
 *
 * @param region the region whose thresholds apply (e.g. {@code dbscl}); optional when the set has none
 */
public record TrackUnitCommand(String unitCode, String setId, String region, DocumentRef basis) {
}
