package org.ntmrecords.infra.tasks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ntmrecords.infra.integrity.HashChain;
import org.ntmrecords.infra.integrity.StoreVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "verify-store", header = "Re-check seals, hash chain, signed checkpoints and witnesses",
        exitCodeOnInvalidInput = 1,
        description = "Re-checks every event's seal, the hash chain, the signed checkpoints and the witnesses "
                + "(docs/audit.md). Exit code 1 when the store is not intact.")
public class VerifyStoreTask implements Callable<Integer>, StoreWritingTask {
    @Mixin
    TaskHelp help;

    @Parameters(arity = "0..*", paramLabel = "<saved.jsonl>",
            description = "checkpoints saved earlier, one JSON document per line as witnesses keep them")
    List<Path> saved = new ArrayList<>();

    private final StoreVerifier verifier;

    public VerifyStoreTask(StoreVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Integer call() throws Exception {
        List<HashChain.Checkpoint> supplied = new ArrayList<>();
        for (Path file : saved) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    try {
                        supplied.add(HashChain.Checkpoint.parse(line));
                    } catch (IllegalArgumentException e) {
                        System.err.println(file + ": " + e.getMessage());
                        return 1;
                    }
                }
            }
        }
        System.out.println("Verifying the event store: seals, hash chain, checkpoints, witnesses"
                + (supplied.isEmpty() ? "" : " and " + supplied.size() + " checkpoint(s) given"));
        long[] shown = {0};
        StoreVerifier.Report report = verifier.verify(p -> {
            if (p.checked() - shown[0] >= 100_000 || p.checked() == p.total()) {
                shown[0] = p.checked();
                System.out.println("  checked " + p.checked() + " of " + p.total());
            }
        });
        System.out.println(report.summary());
        report.witnessChecks().forEach(w -> System.out.println("  witness " + w.witness() + ": "
                + w.checkpoints() + " checkpoint(s), newest link " + w.latestSeq()
                + (w.consistent() ? ", held by the store" : ", NOT held by the store")));
        report.warnings().forEach(w -> System.out.println("  warning: " + w));
        report.problems().forEach(p -> System.out.println("  " + p.kind() + " at " + p.position() + ": " + p.detail()));
        return report.intact() ? 0 : 1;
    }
}
