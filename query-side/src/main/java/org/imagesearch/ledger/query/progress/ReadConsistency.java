package org.imagesearch.ledger.query.progress;

import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.error.RejectionCode;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Guards every read of a read model. A read that names a position (the {@code position} of a
 * command's answer) waits, bounded, until the projections it reads have handled that event; and
 * while a replay rebuilds them, reads are refused rather than served half-built.
 */
public class ReadConsistency {

    private final ProjectionProgress progress;
    private final Duration maxWait;
    private final Clock wallClock;
    private volatile long replayCheckedAt;
    private volatile boolean replaying;

    public ReadConsistency(ProjectionProgress progress, Duration maxWait, Clock wallClock) {
        this.progress = progress;
        this.maxWait = maxWait;
        this.wallClock = wallClock;
    }

    /**
     * Returns once {@code processors} have all reached {@code minPosition} (null: at once); refuses
     * with {@code REPLAY_IN_PROGRESS} during a replay and {@code READ_MODEL_BEHIND} after the wait.
     */
    public void await(List<String> processors, Long minPosition) {
        if (replaying()) {
            throw new LedgerRejection(RejectionCode.REPLAY_IN_PROGRESS,
                    "The read models are being rebuilt from the events; retry shortly, or read asOf an instant");
        }
        if (minPosition == null || minPosition <= 0) {
            return;
        }
        long deadline = wallClock.millis() + maxWait.toMillis();
        while (!processors.stream().allMatch(processor -> progress.reached(processor, minPosition))) {
            if (wallClock.millis() >= deadline) {
                throw new LedgerRejection(RejectionCode.READ_MODEL_BEHIND, "The read model has not reached position "
                        + minPosition + " within " + maxWait.toMillis() + " ms; retry shortly");
            }
            sleep();
        }
    }

    /** Replay state is read from the shared token table at most every 250 ms. */
    private boolean replaying() {
        long now = wallClock.millis();
        if (now - replayCheckedAt > 250) {
            replaying = Projections.ALL.stream().anyMatch(progress::replaying);
            replayCheckedAt = now;
        }
        return replaying;
    }

    /** Forgets the cached replay state, after a replay starts or ends on this node. */
    public void forgetReplayState() {
        replayCheckedAt = 0;
    }

    private static void sleep() {
        try {
            TimeUnit.MILLISECONDS.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the read model", e);
        }
    }
}
