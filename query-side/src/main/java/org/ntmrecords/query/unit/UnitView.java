package org.ntmrecords.query.unit;

import java.time.Instant;
import org.ntmrecords.events.unit.UnitKind;

/** A unit as it stands now. */
public record UnitView(String code, String name, String fullName, UnitKind kind, int level, String parentCode,
                       Instant registeredAt, Instant updatedAt) {
}
