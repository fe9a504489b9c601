package org.ntmrecords.events.target;

/** A target was set for a unit (version 1). */
public record TargetSetEvent(String targetId, String unitCode, TargetDefinition definition) {
}
