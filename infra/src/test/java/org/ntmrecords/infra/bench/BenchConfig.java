package org.ntmrecords.infra.bench;

import java.util.List;
import java.util.Set;

/**
 * Sizes of a run. {@code full} is the report's run; {@code quick} checks the harness in a few minutes (its figures
 * are not for the report).
 */
record BenchConfig(String name, List<Integer> clients, int warmupPerClient, int rounds, int operationsPerRound,
                   long smallStore, long largeStore, int importValues, int queryWarmup, int queryRuns,
                   int pageColdRounds, int pageWarmRounds,
                   Set<String> only) {

    /**
     * @param only the sections to run ({@code startup}, {@code write}, {@code store}, {@code scale}, {@code pages}); empty: all. A partial run is
     *             written under infra/target/benchmarks, never as the report. {@code import} is the bulk import of
     *             {@code scale} alone: the scale store filled to its small size, then item 2, nothing measured at
     *             either size.
     */
    static BenchConfig of(String name, Set<String> only) {
        Set<String> sections = Set.of("startup", "write", "store", "scale", "import", "pages");
        if (!sections.containsAll(only)) {
            throw new IllegalArgumentException("sections are " + sections + ", not " + only);
        }
        return switch (name) {
            case "quick" -> new BenchConfig("quick", List.of(1, 4, 16), 20, 3, 64, 30_000, 100_000, 10_000, 5,
                    30, 2, 3, only);
            // 1,000 calls per query: a p99 is then the tenth-slowest call, not the second (issue 21)
            case "full" -> new BenchConfig("full", List.of(1, 4, 16), 100, 5, 800, 100_000, 1_000_000, 100_000,
                    50, 1_000, 5, 10, only);
            default -> throw new IllegalArgumentException("run 'full' or 'quick', not '" + name + "'");
        };
    }

    /** The client counts of the write path; {@code -Dbench.clients=16} narrows them (a profiling run). */
    public List<Integer> clients() {
        String only = System.getProperty("bench.clients", "");
        return only.isBlank() ? clients : java.util.Arrays.stream(only.split(",")).map(String::trim)
                .map(Integer::valueOf).toList();
    }

    /** The write path's warm-up per operation and client count, at least (see {@link Workload#run}). */
    java.time.Duration writeWarmup() {
        return name.equals("full") ? java.time.Duration.ofSeconds(15) : java.time.Duration.ofSeconds(2);
    }

    boolean runs(String section) {
        return only.isEmpty() || only.contains(section);
    }

    /** Whether this run's figures make the report (docs/benchmarks/latest.md). */
    boolean reportable() {
        return name.equals("full") && only.isEmpty();
    }

    /** Every round performs about the same number of operations whatever the clients, split between them. */
    int perClientPerRound(int clients) {
        return Math.max(10, operationsPerRound / clients);
    }
}
