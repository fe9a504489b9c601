package org.ntmrecords.command.criteria;

import org.ntmrecords.events.criteria.CriteriaSetDefinition;

/** Publish a new criteria set; the definition becomes its version 1 (any version it carries is ignored). */
public record PublishCriteriaSetCommand(CriteriaSetDefinition definition) {
}
