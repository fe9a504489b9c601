package org.ntmrecords.infra.integrity;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param keyDirectory       where the sealing key and the checkpoint signing key pair live (created on first
 *                           start; keep the directory private and backed up: without it new events cannot be
 *                           sealed with the same key)
 * @param checkpointEvery    a checkpoint is signed every this many chained events
 * @param checkpointInterval and at this interval when events were chained since the last one
 * @param witness            where checkpoints are kept outside the database
 * @param linkGrace          how long a stored event may wait to be linked into the chain before verification calls
 *                           it unlinked (BROKEN); also how long a checkpoint may wait to reach the witnesses
 * @param checkSealsOnRead   check every event's seal as it is read (processors, aggregates); off on query replicas,
 *                           which hold events sealed with the command process's key
 * @param rotationNotice     how far ahead of the moment it is recorded a key rotation takes effect at least (default
 *                           one hour); every process that seals events reads the key schedule again after half of it
 */
@ConfigurationProperties("ntm.integrity")
public record IntegrityProperties(Path keyDirectory, Integer checkpointEvery, Duration checkpointInterval,
                                  Witness witness, Duration linkGrace, Boolean checkSealsOnRead,
                                  Duration rotationNotice) {
    public IntegrityProperties {
        keyDirectory = keyDirectory == null ? Path.of("data/keys") : keyDirectory;
        checkpointEvery = checkpointEvery == null ? 1000 : checkpointEvery;
        checkpointInterval = checkpointInterval == null ? Duration.ofMinutes(10) : checkpointInterval;
        witness = witness == null ? new Witness(null, null) : witness;
        linkGrace = linkGrace == null ? Duration.ofMinutes(10) : linkGrace;
        checkSealsOnRead = checkSealsOnRead == null || checkSealsOnRead;
        rotationNotice = rotationNotice == null ? Duration.ofHours(1) : rotationNotice;
        if (rotationNotice.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("ntm.integrity.rotation-notice must be at least one second, not "
                    + rotationNotice);
        }
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("ntm.integrity.checkpoint-every must be at least 1, not " + checkpointEvery);
        }
        if (linkGrace.isNegative()) {
            throw new IllegalArgumentException("ntm.integrity.link-grace must not be negative");
        }
    }

    /**
     * @param file  an append-only file of checkpoints (one JSON document per line); blank: none
     * @param kafka also witness checkpoints in the Kafka topic {@code ntm.kafka.checkpoint-topic} when Kafka is
     *              configured (default true)
     */
    public record Witness(Path file, Boolean kafka) {
        public Witness {
            kafka = kafka == null || kafka;
        }
    }
}
