package org.ntmrecords.events.evidence;

/**
 * What a document is attached to: a unit ({@code unitCode}), a criterion or an indicator of a set for a unit
 * ({@code unitCode}, {@code setId}, {@code code}), or a recognition case ({@code caseId}, with its unit).
 */
public record EvidenceTarget(Kind kind, String unitCode, String setId, String code, String caseId) {
    public enum Kind { UNIT, CRITERION, INDICATOR, CASE }
}
