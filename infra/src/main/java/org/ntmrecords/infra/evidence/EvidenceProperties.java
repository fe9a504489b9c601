package org.ntmrecords.infra.evidence;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where evidence files are kept and what is accepted.
 *
 * @param directory    the content-addressed store (files named by their SHA-256)
 * @param maxFileSize  the largest file accepted
 * @param allowedTypes media types accepted, as detected from the content
 */
@ConfigurationProperties("ntm.evidence")
public record EvidenceProperties(Path directory, DataSize maxFileSize, List<String> allowedTypes) {
    public EvidenceProperties {
        directory = directory == null ? Path.of("data/evidence") : directory;
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(20) : maxFileSize;
        allowedTypes = allowedTypes == null ? List.of("application/pdf") : List.copyOf(allowedTypes);
    }
}
