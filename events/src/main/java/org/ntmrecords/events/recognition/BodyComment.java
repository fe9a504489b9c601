package org.ntmrecords.events.recognition;

/** A body's comment on a dossier at appraisal: a ministry's at the central appraisal of a district title. */
public record BodyComment(String body, String comment) {
}
