package org.ntmrecords.infra.tasks;

import java.util.List;
import java.util.Locale;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.api.ApiText;

/** What the tasks print the same way, in the task's language. */
final class TaskOutput {
    private TaskOutput() {
    }

    /** A line of output. */
    static void say(Locale language, Message line) {
        System.out.println(line.in(language));
    }

    /** A line of output under another, indented by {@code depth} steps. */
    static void indented(Locale language, int depth, Message line) {
        System.out.println("  ".repeat(depth) + line.in(language));
    }

    /** A line of error output. */
    static void complain(Locale language, Message line) {
        System.err.println(line.in(language));
    }

    /** The first 50 refusals with their line or unit, and how many more there are (the summary counts them all). */
    static void printRejected(List<String> rejected, Locale language) {
        rejected.stream().limit(50).forEach(r -> System.out.println("  " + ApiText.say(language, "tasks.rejected", r)));
        if (rejected.size() > 50) {
            System.out.println("  " + ApiText.say(language, "tasks.moreRejected", String.valueOf(rejected.size() - 50)));
        }
    }
}
