package org.imagesearch.ledger.command.time;

import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.error.RejectionCode;
import org.imagesearch.ledger.command.deadline.DeadlineSweeper;
import org.imagesearch.ledger.command.store.RecordedEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Moves the test clock the way time would pass: it steps through every deadline due on the way, in
 * order, setting the clock to each one before firing it, so events are dated when they would have
 * happened. Before each step it lets the processes that react to events (the payment policy) catch
 * up, so what they set off is due at its own time too. It returns once everything due by the target
 * has fired.
 */
public class ClockControl {

    private final TestClock clock;
    private final DeadlineSweeper sweeper;
    private final RecordedEvents recordedEvents;
    private final List<CatchUp> catchUps;

    public ClockControl(TestClock clock, DeadlineSweeper sweeper, RecordedEvents recordedEvents,
                        List<CatchUp> catchUps) {
        this.clock = clock;
        this.sweeper = sweeper;
        this.recordedEvents = recordedEvents;
        this.catchUps = List.copyOf(catchUps);
    }

    /** Where the clock stands after a move, how many instances had deadlines fired, and the event store's head then. */
    public record Moved(Instant now, int instancesProcessed, long position) {
    }

    public synchronized Moved advance(Duration by) {
        if (by.isNegative() || by.isZero()) {
            throw LedgerRejection.validation("advance must be a positive duration such as P16D or PT1H");
        }
        return moveTo(clock.instant().plus(by));
    }

    public synchronized Moved moveTo(Instant target) {
        Optional<Instant> latest = recordedEvents.latestBusinessTime();
        if (latest.isPresent() && target.isBefore(latest.get())) {
            throw new LedgerRejection(RejectionCode.CLOCK_BACKWARDS,
                    "The clock may not move before the latest recorded event, at " + latest.get());
        }
        int processed = 0;
        Optional<Instant> next;
        while ((next = nextDeadlineBy(target)).isPresent()) {
            Instant step = next.get().isAfter(clock.instant()) ? next.get() : clock.instant();
            clock.set(step);
            processed += sweeper.sweep();
            Optional<Instant> after = nextDeadlineBy(target);
            if (after.isPresent() && !after.get().isAfter(step)) {
                break; // what is still due could not be processed now; the poller retries it
            }
        }
        clock.set(target);
        processed += sweeper.sweep();
        catchUps.forEach(CatchUp::await);
        return new Moved(clock.instant(), processed, recordedEvents.head());
    }

    private Optional<Instant> nextDeadlineBy(Instant target) {
        catchUps.forEach(CatchUp::await);
        return sweeper.earliestDeadlineBy(target);
    }
}
