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
 */
@ConfigurationProperties("ntm.integrity")
public record IntegrityProperties(Path keyDirectory, Integer checkpointEvery, Duration checkpointInterval) {
    public IntegrityProperties {
        keyDirectory = keyDirectory == null ? Path.of("data/keys") : keyDirectory;
        checkpointEvery = checkpointEvery == null ? 1000 : checkpointEvery;
        checkpointInterval = checkpointInterval == null ? Duration.ofMinutes(10) : checkpointInterval;
    }
}
