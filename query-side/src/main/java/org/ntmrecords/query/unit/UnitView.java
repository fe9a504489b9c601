package org.ntmrecords.query.unit;

import java.time.Instant;
import java.time.LocalDate;
import org.ntmrecords.events.unit.UnitKind;

/** A unit as it stands now; {@code ceasedOn} is set once it merged into successors or was abolished. */
public record UnitView(String code, String name, String fullName, UnitKind kind, int level, String parentCode,
                       Instant registeredAt, Instant updatedAt, LocalDate ceasedOn) {
}
