package org.ntmrecords.events.target;

/** A target was amended: its new version in full, and why; the earlier versions stay in the record. */
public record TargetAmendedEvent(String targetId, String unitCode, int version, TargetDefinition definition,
                                 String reason) {
}
