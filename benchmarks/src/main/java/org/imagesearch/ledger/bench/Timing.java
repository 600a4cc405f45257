package org.imagesearch.ledger.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, and their percentiles in milliseconds. */
final class Timing {

    private Timing() {
    }

    static double percentileMs(long[] nanos, double percentile) {
        if (nanos.length == 0) {
            return 0;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return round(sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6);
    }

    static double perSecond(long count, long nanos) {
        return round(count * 1e9 / nanos);
    }

    static double seconds(long nanos) {
        return round(nanos / 1e9);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
