package org.ntmrecords.infra.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.api.ApiText;

/**
 * Checkpoints kept in a file outside the database: one JSON document per line ({@link HashChain.Checkpoint#document}),
 * only ever appended to and flushed to disk before the call returns. Put it where the database's administrators
 * cannot write (another volume or host, a file the operating system makes append-only with {@code chattr +a}).
 */
public class FileWitness implements Witnesses.CheckpointWitness {
    private final Path file;

    public FileWitness(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    @Override
    public String name() {
        return "file:" + file;
    }

    @Override
    public Witnesses.Holdings read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Witnesses.Holdings(List.of(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the witness file " + file, e);
        }
        List<HashChain.Checkpoint> checkpoints = new ArrayList<>();
        List<Message> unreadable = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                checkpoints.add(HashChain.Checkpoint.parse(line));
            } catch (HashChain.NotACheckpoint e) {
                unreadable.add(ApiText.of("integrity.witness.line", String.valueOf(i + 1), e.text()));
            }
        }
        return new Witnesses.Holdings(checkpoints, unreadable);
    }

    @Override
    public synchronized void append(HashChain.Checkpoint checkpoint) throws IOException {
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer line = ByteBuffer.wrap((checkpoint.document() + "\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(true);
        }
    }
}
