package org.ntmrecords.events.unit;

import org.ntmrecords.events.common.DocumentRef;

/** A unit's name changed. The previous name is kept so that history reads on its own. */
public record UnitRenamedEvent(String code, String previousName, String previousFullName, String name,
                               String fullName, DocumentRef basis) {
}
