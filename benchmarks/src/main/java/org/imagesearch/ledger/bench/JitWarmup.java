package org.imagesearch.ledger.bench;

/**
 * Unmeasured rounds of a workload, run until the JIT has compiled what the workload runs (ADR 0009):
 * on 2 cores a cold JVM's compiler takes half to four fifths of a core for the first minute, so a
 * window measured beside it measures the compiler. A round counts as settled once the JIT compiled
 * for less than {@link #SETTLED_SHARE} of the round's wall time, summed over its threads; after
 * {@link #MAX_ROUNDS} the measured run starts anyway, and says so.
 */
final class JitWarmup {

    /** A tenth of one core, against the half to four fifths of a core of a cold JVM (JFR, docs/benchmarks.md). */
    static final double SETTLED_SHARE = 0.1;

    /** Rounds at most before the measured run starts anyway. */
    static final int MAX_ROUNDS = 12;

    /** One unmeasured round; {@code round} counts from 0, so that each can run under a name of its own. */
    interface Round {
        void run(int round) throws Exception;
    }

    /** How many rounds ran, and whether the last of them found the JIT settled. */
    record Outcome(int rounds, boolean settled) {
    }

    private JitWarmup() {
    }

    static Outcome run(Round round) throws Exception {
        int rounds = 0;
        boolean settled = false;
        while (!settled && rounds < MAX_ROUNDS) {
            JvmCounters before = JvmCounters.now();
            long started = System.nanoTime();
            round.run(rounds);
            long compiled = JvmCounters.now().since(before).compileMillis();
            settled = compiled < 0 || compiled < SETTLED_SHARE * (System.nanoTime() - started) / 1_000_000.0;
            rounds++;
        }
        return new Outcome(rounds, settled);
    }
}
