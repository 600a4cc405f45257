package org.imagesearch.ledger.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closed-loop load: {@code clients} threads, each working through its share of the units one after
 * the other, as a calling service with that many connections would. Every step of a unit is timed.
 */
final class Load {

    /** One unit of work (an instance's life, say): it runs its steps through the timer it is given. */
    interface Unit {
        void run(int index, Timer timer) throws Exception;
    }

    /** Times the steps of the units of one client. */
    static final class Timer {
        private long[] nanos = new long[1024];
        private int count;

        <T> T time(Step<T> step) throws Exception {
            long start = System.nanoTime();
            T result = step.run();
            record(System.nanoTime() - start);
            return result;
        }

        void record(long elapsed) {
            if (count == nanos.length) {
                nanos = java.util.Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = elapsed;
        }
    }

    interface Step<T> {
        T run() throws Exception;
    }

    /** Every step's latency, and the wall time the whole load took. */
    record Result(long[] latencies, long elapsedNanos) {

        double perSecond() {
            return Timing.perSecond(latencies.length, elapsedNanos);
        }

        double p(double percentile) {
            return Timing.percentileMs(latencies, percentile);
        }
    }

    private Load() {
    }

    /**
     * Runs the units on {@code clients} threads. A client that fails stops the others after the unit
     * each is in, and its failure is thrown; no client is ever interrupted, since an interrupt in the
     * middle of a file write closes an H2 database opened without the ledger's asynchronous channel
     * (ADR 0025).
     */
    static Result run(int clients, int units, Unit unit) {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        AtomicBoolean failed = new AtomicBoolean();
        List<Future<Timer>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int client = 0; client < clients; client++) {
            int first = client;
            futures.add(threads.submit(() -> {
                Timer timer = new Timer();
                try {
                    for (int index = first; index < units && !failed.get(); index += clients) {
                        unit.run(index, timer);
                    }
                } catch (Exception | Error e) {
                    failed.set(true);
                    throw e;
                }
                return timer;
            }));
        }
        threads.shutdown();
        List<Timer> timers = new ArrayList<>();
        Throwable failure = null;
        for (Future<Timer> future : futures) {
            try {
                timers.add(future.get());
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (failure != null) {
            throw new IllegalStateException("A client failed: " + failure, failure);
        }
        long elapsed = System.nanoTime() - start;
        long[] all = new long[timers.stream().mapToInt(timer -> timer.count).sum()];
        int at = 0;
        for (Timer timer : timers) {
            System.arraycopy(timer.nanos, 0, all, at, timer.count);
            at += timer.count;
        }
        return new Result(all, elapsed);
    }
}
