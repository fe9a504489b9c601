package org.ntmrecords.command.recognition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.events.recognition.RecognitionCaseOpenedEvent;
import org.ntmrecords.events.recognition.RecognitionDecidedEvent;
import org.ntmrecords.events.recognition.RecognitionLapsedEvent;
import org.ntmrecords.events.recognition.RevocationCaseOpenedEvent;
import org.ntmrecords.events.recognition.RevocationDecidedEvent;

/**
 * Reads a recognition case from its stream, and its revocation cases from theirs (one per year from the
 * recognition's year to next year): each a short stream, so the cost does not grow with the store.
 */
public class EventStoreRecognitionRecords implements RecognitionRecords {
    private final EventStore eventStore;
    private final Clock clock;

    public EventStoreRecognitionRecords(EventStore eventStore, Clock clock) {
        this.eventStore = eventStore;
        this.clock = clock;
    }

    @Override
    public Optional<RecognitionRecord> find(String caseId) {
        if (caseId == null || !Inputs.isLookupSafe(caseId)) {
            return Optional.empty();
        }
        RecognitionRecord record = null;
        DomainEventStream stream = eventStore.readEvents(RecognitionCase.streamId(caseId));
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof RecognitionCaseOpenedEvent e) {
                record = new RecognitionRecord(e.caseId(), e.unitCode(), e.setId(), e.year(), false, null, null,
                        false, null);
            } else if (payload instanceof RevocationCaseOpenedEvent e) {
                record = new RecognitionRecord(e.caseId(), e.unitCode(), e.setId(), e.year(), true, null, null,
                        false, null);
            } else if (record != null && payload instanceof RecognitionDecidedEvent e) {
                record = new RecognitionRecord(record.caseId(), record.unitCode(), record.setId(), record.year(),
                        false, e.granted(), e.decisionNumber(), false, null);
            } else if (record != null && payload instanceof RevocationDecidedEvent e) {
                record = new RecognitionRecord(record.caseId(), record.unitCode(), record.setId(), record.year(),
                        true, e.revoked(), e.decisionNumber(), false, null);
            } else if (record != null && payload instanceof RecognitionLapsedEvent) {
                record = new RecognitionRecord(record.caseId(), record.unitCode(), record.setId(), record.year(),
                        false, record.granted(), record.decisionNumber(), true, null);
            }
        }
        if (record == null || record.revocation()) {
            return Optional.ofNullable(record);
        }
        int lastYear = LocalDate.now(clock).getYear() + 1;
        for (int year = record.year(); year <= lastYear; year++) {
            String revocationId = RecognitionCase.revocationCaseId(caseId, year);
            Optional<RecognitionRecord> revocation = find(revocationId);
            if (revocation.isPresent() && Boolean.TRUE.equals(revocation.get().granted())) {
                return Optional.of(new RecognitionRecord(record.caseId(), record.unitCode(), record.setId(),
                        record.year(), false, record.granted(), record.decisionNumber(), record.lapsed(),
                        revocationId));
            }
        }
        return Optional.of(record);
    }
}
