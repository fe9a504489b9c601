package org.ntmrecords.events.criteria;

/** A criteria set was published; the definition is version 1 and is complete in itself. */
public record CriteriaSetPublishedEvent(CriteriaSetDefinition definition) {
}
