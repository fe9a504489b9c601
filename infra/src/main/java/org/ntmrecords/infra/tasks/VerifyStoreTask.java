package org.ntmrecords.infra.tasks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ntmrecords.infra.api.ApiText;
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

    @Mixin
    TaskLanguage language;

    @Parameters(arity = "0..*", paramLabel = "<saved.jsonl>",
            description = "checkpoints saved earlier, one JSON document per line as witnesses keep them")
    List<Path> saved = new ArrayList<>();

    private final StoreVerifier verifier;
    private final org.ntmrecords.infra.evidence.EvidenceFilesCheck evidence;

    public VerifyStoreTask(StoreVerifier verifier, org.ntmrecords.infra.evidence.EvidenceFilesCheck evidence) {
        this.verifier = verifier;
        this.evidence = evidence;
    }

    @Override
    public Integer call() throws Exception {
        Locale lang = language.locale();
        List<HashChain.Checkpoint> supplied = new ArrayList<>();
        for (Path file : saved) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    try {
                        supplied.add(HashChain.Checkpoint.parse(line));
                    } catch (HashChain.NotACheckpoint e) {
                        TaskOutput.complain(lang, ApiText.of("tasks.fileError", file.toString(), e.text()));
                        return 1;
                    }
                }
            }
        }
        if (supplied.isEmpty()) {
            TaskOutput.say(lang, ApiText.of("tasks.verifyStore.start"));
        } else {
            TaskOutput.say(lang, ApiText.of("tasks.verifyStore.startWith", String.valueOf(supplied.size())));
        }
        long[] shown = {0};
        StoreVerifier.Report report = verifier.verify(p -> {
            if (p.checked() - shown[0] >= 100_000 || p.checked() == p.total()) {
                shown[0] = p.checked();
                TaskOutput.indented(lang, 1, ApiText.of("tasks.verifyStore.checked", String.valueOf(p.checked()),
                        String.valueOf(p.total())));
            }
        }, supplied);
        System.out.println(report.summary(lang));
        report.witnessChecks().forEach(w -> TaskOutput.indented(lang, 1, w.consistent()
                ? ApiText.of("tasks.verifyStore.witnessHeld", String.valueOf(w.witness()),
                        String.valueOf(w.checkpoints()), String.valueOf(w.latestSeq()))
                : ApiText.of("tasks.verifyStore.witnessNotHeld", String.valueOf(w.witness()),
                        String.valueOf(w.checkpoints()), String.valueOf(w.latestSeq()))));
        report.warnings().forEach(w -> TaskOutput.indented(lang, 1, ApiText.of("tasks.verifyStore.warning", w)));
        report.problems().forEach(p -> TaskOutput.indented(lang, 1, ApiText.of("tasks.verifyStore.problem",
                p.kind().name(), String.valueOf(p.position()), p.text())));
        // the evidence files the events name: after a restore, they must have come back with the database
        org.ntmrecords.infra.evidence.EvidenceFilesCheck.Result files = evidence.check();
        if (files.complete()) {
            TaskOutput.say(lang, ApiText.of("tasks.verifyStore.evidenceComplete", String.valueOf(files.named())));
        } else {
            files.missing().forEach(f -> TaskOutput.complain(lang, ApiText.of("tasks.verifyStore.evidenceMissing", f)));
            files.changed().forEach(f -> TaskOutput.complain(lang, ApiText.of("tasks.verifyStore.evidenceChanged", f)));
        }
        return report.intact() && files.complete() ? 0 : 1;
    }
}
