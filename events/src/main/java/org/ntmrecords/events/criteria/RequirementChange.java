package org.ntmrecords.events.criteria;

/** One indicator's requirement as it was and as an amendment sets it. */
public record RequirementChange(String indicatorCode, Requirement previous, Requirement requirement) {
}
