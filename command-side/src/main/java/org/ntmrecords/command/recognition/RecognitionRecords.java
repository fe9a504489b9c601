package org.ntmrecords.command.recognition;

import java.util.Optional;

/** What the command side knows of a recognition case, read from its stream (and its revocation cases' streams). */
public interface RecognitionRecords {
    Optional<RecognitionRecord> find(String caseId);

    /** A recognition case: whether it was granted (and by which decision), and whether the title lapsed or was revoked. */
    record RecognitionRecord(String caseId, String unitCode, String setId, int year, boolean revocation,
                             Boolean granted, String decisionNumber, boolean lapsed, String revokedBy) {
        public boolean holds() {
            return !revocation && Boolean.TRUE.equals(granted) && !lapsed && revokedBy == null;
        }
    }
}
