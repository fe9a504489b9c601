package org.ntmrecords.infra.bench;

import java.util.List;

/**
 * Sizes of a run. {@code full} is the report's run; {@code quick} checks the harness in a few minutes (its figures
 * are not for the report).
 */
record BenchConfig(String name, List<Integer> clients, int warmupPerClient, int rounds, int operationsPerRound) {

    static BenchConfig of(String name) {
        return switch (name) {
            case "quick" -> new BenchConfig("quick", List.of(1, 4, 16), 20, 3, 64);
            case "full" -> new BenchConfig("full", List.of(1, 4, 16), 100, 5, 800);
            default -> throw new IllegalArgumentException("run 'full' or 'quick', not '" + name + "'");
        };
    }

    /** Every round performs about the same number of operations whatever the clients, split between them. */
    int perClientPerRound(int clients) {
        return Math.max(10, operationsPerRound / clients);
    }
}
