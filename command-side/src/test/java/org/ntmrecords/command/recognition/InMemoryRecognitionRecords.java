package org.ntmrecords.command.recognition;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Recognition records held in memory for fixture tests. */
class InMemoryRecognitionRecords implements RecognitionRecords {
    private final Map<String, RecognitionRecord> records = new HashMap<>();

    InMemoryRecognitionRecords with(RecognitionRecord record) {
        records.put(record.caseId(), record);
        return this;
    }

    @Override
    public Optional<RecognitionRecord> find(String caseId) {
        return Optional.ofNullable(records.get(caseId));
    }
}
