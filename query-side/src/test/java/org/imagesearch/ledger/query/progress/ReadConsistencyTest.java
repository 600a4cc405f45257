package org.imagesearch.ledger.query.progress;

import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.error.RejectionCode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReadConsistencyTest {

    /** Progress as a test dictates it: replaying or not, and reaching a position after so many checks. */
    private static final class ScriptedProgress extends ProjectionProgress {
        private final boolean replaying;
        private final int checksUntilReached;
        private final AtomicInteger checks = new AtomicInteger();

        ScriptedProgress(boolean replaying, int checksUntilReached) {
            super(null, null, null, null, null);
            this.replaying = replaying;
            this.checksUntilReached = checksUntilReached;
        }

        @Override
        public boolean reached(String processor, long position) {
            return checks.incrementAndGet() > checksUntilReached;
        }

        @Override
        public boolean replaying(String processor) {
            return replaying;
        }
    }

    private static final List<String> VIEWS = Projections.ALL;

    @Test
    void aReadWithoutAPositionAnswersAtOnce() {
        ScriptedProgress progress = new ScriptedProgress(false, Integer.MAX_VALUE);
        new ReadConsistency(progress, Duration.ofSeconds(5), Clock.systemUTC()).await(VIEWS, null);
        assertThat(progress.checks).hasValue(0);
    }

    @Test
    void aReadWithAPositionWaitsUntilTheReadModelHasIt() {
        ScriptedProgress progress = new ScriptedProgress(false, 3);
        new ReadConsistency(progress, Duration.ofSeconds(5), Clock.systemUTC()).await(VIEWS, 42L);
        assertThat(progress.checks).hasValue(4);
    }

    @Test
    void aReadModelThatStaysBehindIsRefusedAfterTheBoundedWait() {
        ReadConsistency consistency = new ReadConsistency(new ScriptedProgress(false, Integer.MAX_VALUE),
                Duration.ofMillis(50), Clock.systemUTC());

        LedgerRejection rejection = catchThrowableOfType(LedgerRejection.class, () -> consistency.await(VIEWS, 42L));

        assertThat(rejection.code()).isEqualTo(RejectionCode.READ_MODEL_BEHIND);
    }

    @Test
    void readsAreRefusedDuringAReplay() {
        ReadConsistency consistency = new ReadConsistency(new ScriptedProgress(true, 0), Duration.ofSeconds(5),
                Clock.systemUTC());

        LedgerRejection rejection = catchThrowableOfType(LedgerRejection.class, () -> consistency.await(VIEWS, null));

        assertThat(rejection.code()).isEqualTo(RejectionCode.REPLAY_IN_PROGRESS);
    }
}
