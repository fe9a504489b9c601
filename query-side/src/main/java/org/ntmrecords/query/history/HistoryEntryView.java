package org.ntmrecords.query.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ntmrecords.query.history.HistoryReadRepository.Document;

/**
 * One event in a history. {@code attributedTo} is set when the entry comes from a predecessor of the unit asked
 * about (a unit it took over), so that its records are never mistaken for the successor's own.
 */
public record HistoryEntryView(long position, String eventId, String type, String stream, Long streamSequence,
                               Instant recordedAt, String actor, String actorRole, String actorUnit,
                               String actorAgency, String correlationId, String causationId,
                               LocalDate businessStart, LocalDate businessEnd, String unitCode, String setId,
                               String summary, List<Document> documents, String payload, String attributedTo) {
}
