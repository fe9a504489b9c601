package org.ntmrecords.infra.tasks;

import java.util.concurrent.Callable;
import org.ntmrecords.infra.projection.ReadModelVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "verify-read-model", header = "Compare every read table with a replay of the event store",
        exitCodeOnInvalidInput = 1,
        description = "Compares every read table with a replay of the event store and lists each row served that "
                + "the events do not give; the read tables then hold the replay. Exit code 1 when they differed.")
public class VerifyReadModelTask implements Callable<Integer> {
    @Mixin
    TaskHelp help;

    private final ReadModelVerification verification;

    public VerifyReadModelTask(ReadModelVerification verification) {
        this.verification = verification;
    }

    @Override
    public Integer call() {
        System.out.println("Comparing every read table with a replay of the event store");
        var result = verification.verify(System.out::println);
        System.out.println(result.summary());
        for (var difference : result.differences()) {
            System.out.println("  " + difference.table() + " (answers " + difference.answers() + "): "
                    + difference.servedOnly() + " row(s) served that the events do not give, "
                    + difference.replayOnly() + " row(s) the events give that were not served");
            difference.served().forEach(r -> System.out.println("    served:   " + r));
            difference.replayed().forEach(r -> System.out.println("    replayed: " + r));
        }
        if (!result.differences().isEmpty()) {
            System.out.println("  the read tables now hold the replay");
        }
        return result.equal() ? 0 : 1;
    }
}
