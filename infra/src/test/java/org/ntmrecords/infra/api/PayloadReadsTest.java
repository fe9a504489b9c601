package org.ntmrecords.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A payload's object is read only once the read tables hold everything stored since the mark taken before the
 * command (the wait bounded by the read-your-writes timeout), and at once when that wait is turned off.
 */
class PayloadReadsTest {

    /** The store's head and the waits asked for, in order, without a store or processors. */
    static final class RecordingCatchUp extends ProjectionCatchUp {
        final List<String> calls = new ArrayList<>();

        RecordingCatchUp() {
            super(null, null);
        }

        @Override
        public long storeHead() {
            calls.add("head");
            return 41;
        }

        @Override
        public boolean awaitEventsAfter(long before, Duration timeout) {
            calls.add("await after " + before + " for " + timeout.toSeconds() + "s");
            return true;
        }
    }

    @Test
    void readsOnceTheReadTablesHoldWhatWasStoredAfterTheMark() {
        RecordingCatchUp catchUp = new RecordingCatchUp();
        PayloadReads reads = new PayloadReads(catchUp, Duration.ofSeconds(5));
        long mark = reads.mark();
        catchUp.calls.add("command");
        String read = reads.read(mark, () -> {
            catchUp.calls.add("lookup");
            return "the case after the step";
        });
        assertThat(read).isEqualTo("the case after the step");
        assertThat(catchUp.calls).containsExactly("head", "command", "await after 41 for 5s", "lookup");
    }

    @Test
    void withTheReadYourWritesWaitTurnedOffItReadsAtOnce() {
        RecordingCatchUp catchUp = new RecordingCatchUp();
        PayloadReads reads = new PayloadReads(catchUp, Duration.ZERO);
        assertThat(reads.read(7, () -> {
            catchUp.calls.add("lookup");
            return 1;
        })).isEqualTo(1);
        assertThat(catchUp.calls).containsExactly("lookup");
    }
}
