package org.ntmrecords.events.unit;

import org.ntmrecords.events.common.DocumentRef;

/** A unit moved under another parent unit (e.g. a commune moved into a merged district). */
public record UnitParentChangedEvent(String code, String previousParentCode, String parentCode,
                                     DocumentRef basis) {
}
