package org.ntmrecords.infra.tasks;

import picocli.CommandLine.Option;

/** Every task's {@code -h}/{@code --help}: its arguments, without starting anything. */
public class TaskHelp {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows the task's arguments and exits.")
    boolean help;
}
