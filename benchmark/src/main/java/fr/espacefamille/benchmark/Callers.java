package fr.espacefamille.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a fixed number of operations from a number of concurrent callers, all released at once,
 * and times each operation and the whole.
 */
final class Callers {

    /** One operation of one caller: {@code caller} counts from 0, {@code index} within the caller. */
    @FunctionalInterface
    interface Operation {
        void run(int caller, int index) throws Exception;
    }

    private Callers() {
    }

    /** Runs {@code operations} in all, split evenly over {@code callers}. */
    static Timing run(int callers, int operations, Operation operation) {
        int perCaller = operations / callers;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int caller = 0; caller < callers; caller++) {
                int id = caller;
                results.add(pool.submit(() -> timeEach(id, perCaller, start, operation)));
            }
            long began = System.nanoTime();
            start.countDown();
            long[] latencies = collect(results);
            return new Timing(latencies.length, System.nanoTime() - began, latencies);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[] timeEach(int caller, int count, CountDownLatch start, Operation operation)
            throws Exception {
        long[] latencies = new long[count];
        start.await();
        for (int i = 0; i < count; i++) {
            long began = System.nanoTime();
            operation.run(caller, i);
            latencies[i] = System.nanoTime() - began;
        }
        return latencies;
    }

    private static long[] collect(List<Future<long[]>> results) {
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            try {
                all.add(result.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("A caller failed", e.getCause());
            }
        }
        return all.stream().flatMapToLong(Arrays::stream).toArray();
    }

    /** What a run took: operations done, wall time and each operation's latency, in nanoseconds. */
    record Timing(int operations, long elapsedNanos, long[] latencies) {

        double perSecond() {
            return operations * 1e9 / elapsedNanos;
        }

        double percentileMillis(double percentile) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }
    }
}
