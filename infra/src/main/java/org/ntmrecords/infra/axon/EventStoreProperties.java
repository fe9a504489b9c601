package org.ntmrecords.infra.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the JDBC event store reads the global event stream for projections.
 *
 * <p>PostgreSQL hands out global indexes when a transaction inserts, and transactions commit in any order,
 * so a reader may see event 12 before event 11 is committed. Axon keeps 11 as a "gap" and reads it again
 * later. A gap is given up (and the event, if it ever commits, skipped) when it is older than
 * {@code gapTimeoutMs} or more than {@code maxGapOffset} positions behind. Both are set far above the
 * longest transaction this service runs (one command, or one import row, per transaction), because a
 * skipped event in a projection is the worst bug this system can have.
 *
 * @param gapTimeoutMs          age after which a gap counts as permanent (Axon's default is 60 s)
 * @param maxGapOffset          distance behind the newest event after which a gap counts as permanent
 *                              (Axon's default is 10,000)
 * @param gapCleaningThreshold  number of gaps above which a reader checks which ones have timed out
 * @param batchSize             events read per query by the storage engine
 * @param snapshotThreshold     events after which a scorecard is snapshotted, so that loading it stays flat
 * @param fetchDelayMs          how long the projections wait before looking for new events once they are caught
 *                              up; events stored by this process wake them at once, so this matters only for
 *                              events written by another (a query replica's copier): 100 ms there
 */
@ConfigurationProperties("ntm.event-store")
public record EventStoreProperties(Integer gapTimeoutMs, Integer maxGapOffset, Integer gapCleaningThreshold,
                                   Integer batchSize, Integer snapshotThreshold, Integer fetchDelayMs) {
    public EventStoreProperties {
        gapTimeoutMs = gapTimeoutMs == null ? 600_000 : gapTimeoutMs;
        maxGapOffset = maxGapOffset == null ? 1_000_000 : maxGapOffset;
        gapCleaningThreshold = gapCleaningThreshold == null ? 250 : gapCleaningThreshold;
        batchSize = batchSize == null ? 500 : batchSize;
        snapshotThreshold = snapshotThreshold == null ? 1000 : snapshotThreshold;
        fetchDelayMs = fetchDelayMs == null ? 1000 : fetchDelayMs;
    }
}
