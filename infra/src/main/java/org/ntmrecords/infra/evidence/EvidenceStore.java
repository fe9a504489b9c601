package org.ntmrecords.infra.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.tika.Tika;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.api.ApiText;
import org.springframework.stereotype.Component;

/**
 * Evidence files, content-addressed: a file is kept once under its SHA-256 ({@code <dir>/<first two hex>/<hash>}),
 * written to a temporary file first and moved into place, so a name always matches a complete file. Its type is
 * detected from the content (Apache Tika), never taken from the client. Reading checks the hash again before
 * anything is handed out.
 */
@Component
public class EvidenceStore {
    private static final HexFormat HEX = HexFormat.of();

    private final EvidenceProperties properties;
    private final Tika tika = new Tika();

    public EvidenceStore(EvidenceProperties properties) {
        this.properties = properties;
    }

    /** A stored file: hash, size and detected media type. */
    public record Stored(String sha256, long size, String mediaType) {
    }

    /**
     * Thrown when a stored file no longer matches its hash: {@link #text()} said in the reader's language, the message
     * in English (logs).
     */
    public static class IntegrityException extends RuntimeException {
        private final transient Message text;

        public IntegrityException(Message text) {
            super(text.toString());
            this.text = text;
        }

        public Message text() {
            return text;
        }
    }

    /** Stores a file read from {@code in}; refuses empty, oversized or not accepted files (typed errors). */
    public Stored store(InputStream in) throws IOException {
        return store(in, properties.allowedTypes());
    }

    /** The media type of a file as its content shows it (never its name). */
    public String detect(byte[] content) {
        return tika.detect(content);
    }

    /**
     * Stores a file as {@link #store(InputStream)} does, accepting the given media types instead of the evidence
     * types (an import keeps the CSV or workbook it read).
     */
    public Stored store(InputStream in, java.util.List<String> allowedTypes) throws IOException {
        Files.createDirectories(properties.directory());
        Path temp = Files.createTempFile(properties.directory(), "upload-", ".part");
        try {
            MessageDigest digest = sha256();
            long max = properties.maxFileSize().toBytes();
            long size = 0;
            try (DigestInputStream source = new DigestInputStream(in, digest);
                 OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[64 * 1024];
                int read;
                while ((read = source.read(buffer)) != -1) {
                    size += read;
                    if (size > max) {
                        throw new CommandRejectedException(RejectionCode.FILE_REJECTED, "file", ApiText.of(
                                "evidence.file.tooLarge", String.valueOf(properties.maxFileSize().toMegabytes())));
                    }
                    out.write(buffer, 0, read);
                }
            }
            if (size == 0) {
                throw new CommandRejectedException(RejectionCode.FILE_REJECTED, "file",
                        ApiText.of("evidence.file.empty"));
            }
            String type = accepted(temp, allowedTypes);
            String hash = HEX.formatHex(digest.digest());
            Path target = path(hash);
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return new Stored(hash, size, type);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The stored file with this hash, checked: present, unchanged, of an accepted type. */
    public Optional<Stored> find(String sha256) throws IOException {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Path file = path(sha256);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        verify(sha256, file);
        return Optional.of(new Stored(sha256, Files.size(file), tika.detect(file)));
    }

    /** A checked stored file and its content, opened once checked; the caller closes the stream. */
    public record Opened(Stored stored, InputStream content) {
    }

    /** Checks the file (as {@link #find}) and opens it for reading. */
    public Optional<Opened> open(String sha256) throws IOException {
        Optional<Stored> stored = find(sha256);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Opened(stored.get(), Files.newInputStream(path(sha256))));
    }

    private void verify(String sha256, Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        String actual = HEX.formatHex(digest.digest());
        if (!actual.equals(sha256)) {
            throw new IntegrityException(ApiText.of("evidence.file.changed", sha256, actual));
        }
    }

    private String accepted(Path file, java.util.List<String> allowedTypes) throws IOException {
        String type = tika.detect(file);
        if (!allowedTypes.contains(type)) {
            throw new CommandRejectedException(RejectionCode.FILE_REJECTED, "file", ApiText.of("evidence.file.type",
                    type, String.join(", ", allowedTypes)));
        }
        return type;
    }

    Path path(String sha256) {
        return properties.directory().resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
