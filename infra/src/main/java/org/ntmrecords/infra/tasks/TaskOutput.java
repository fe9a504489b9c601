package org.ntmrecords.infra.tasks;

import java.util.List;

final class TaskOutput {
    private TaskOutput() {
    }

    /** The first 50 refusals with their line or unit, and how many more there are (the summary counts them all). */
    static void printRejected(List<String> rejected) {
        rejected.stream().limit(50).forEach(r -> System.out.println("  rejected " + r));
        if (rejected.size() > 50) {
            System.out.println("  … and " + (rejected.size() - 50) + " more rejected");
        }
    }
}
