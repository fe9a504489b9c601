package org.ntmrecords.infra.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs an operation from N concurrent clients: a warm-up (a number of operations, repeated for at least a given
 * time), then rounds in which every client performs its share;
 * each round's throughput is the operations of all clients over the round's wall time, latencies are per operation.
 */
final class Workload {
    interface Operation {
        void run(int client, long sequence) throws Exception;
    }

    /** Median throughput over the rounds (operations/s), latency percentiles over every measured operation. */
    record Result(int clients, double throughput, double p50Ms, double p99Ms, int operations, double[] roundThroughputs) {
    }

    private Workload() {
    }

    static Result run(int clients, int warmupPerClient, int rounds, int perClientPerRound, Operation operation)
            throws Exception {
        return run(clients, warmupPerClient, java.time.Duration.ZERO, rounds, perClientPerRound, operation);
    }

    /**
     * @param warmupAtLeast warm-up rounds repeat until this much time has passed: a few hundred operations leave the
     *                      JIT compiling the code of a heavy path (GraphQL over HTTP, Hibernate) well into the
     *                      measured rounds, whose throughput then climbs round after round
     */
    static Result run(int clients, int warmupPerClient, java.time.Duration warmupAtLeast, int rounds,
                      int perClientPerRound, Operation operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong sequence = new AtomicLong();
        try {
            long warmupStarted = System.nanoTime();
            do {
                round(pool, clients, warmupPerClient, operation, sequence, new Latencies());
            } while (System.nanoTime() - warmupStarted < warmupAtLeast.toNanos());
            Latencies all = new Latencies();
            double[] throughputs = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                Latencies latencies = new Latencies();
                long elapsed = round(pool, clients, perClientPerRound, operation, sequence, latencies);
                throughputs[r] = clients * (double) perClientPerRound / (elapsed / 1e9);
                all.addAll(latencies);
            }
            return new Result(clients, Latencies.median(throughputs), all.percentileMs(50), all.percentileMs(99),
                    all.count(), throughputs);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long round(ExecutorService pool, int clients, int perClient, Operation operation,
                              AtomicLong sequence, Latencies latencies) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perClient; i++) {
                    long t0 = System.nanoTime();
                    operation.run(client, sequence.incrementAndGet());
                    latencies.add(System.nanoTime() - t0);
                }
                return null;
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        return System.nanoTime() - t0;
    }
}
