package org.imagesearch.ledger.query.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One piece of a query node's background work, run on a daemon thread of its own with a fixed delay
 * between rounds, from the start of the application (after Axon's processors, in {@code phase}) to its
 * stop. A round that fails is logged and the next one retries; {@code onStop} runs once the rounds have.
 */
public final class Rounds implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Rounds.class);

    private final String name;
    private final Duration interval;
    private final int phase;
    private final Runnable round;
    private final Runnable onStop;
    private ScheduledExecutorService scheduler;

    public Rounds(String name, Duration interval, int phase, Runnable round, Runnable onStop) {
        this.name = name;
        this.interval = interval;
        this.phase = phase;
        this.round = round;
        this.onStop = onStop;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                round.run();
            } catch (RuntimeException e) {
                log.warn("A round of {} failed; the next one retries: {}", name, e.toString());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Interrupts the round under way and waits (up to 10 s) for it to end before {@code onStop} runs. */
    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                    log.warn("A round of {} was still running 10 s after the stop", name);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
        onStop.run();
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        return phase;
    }
}
