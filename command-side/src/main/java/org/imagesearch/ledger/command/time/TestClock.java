package org.imagesearch.ledger.command.time;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The business clock when {@code ledger.test-clock.enabled=true}: frozen until an operator moves it,
 * in whole seconds, and kept in the {@code business_clock} table, so that it survives a restart and
 * every node of one database reads the same time. It starts at the wall-clock time of the first
 * start on a database.
 *
 * <p>Outside a transaction each reading asks the table. Inside one, the first reading asks and the
 * rest of the transaction keeps that instant (ADR 0004): a command and the business time stamped on
 * its events are one instant even if the clock moves meanwhile, and a group of deadlines swept in
 * one transaction reads the table once, not twice per instance.
 */
public class TestClock extends Clock {

    private final JdbcTemplate jdbc;

    public TestClock(JdbcTemplate jdbc, Clock wallClock) {
        this.jdbc = jdbc;
        if (read() == null) {
            try {
                jdbc.update("INSERT INTO business_clock (id, now_at) VALUES (1, ?)",
                        Timestamp.from(wallClock.instant().truncatedTo(ChronoUnit.SECONDS)));
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                // the clock another node just started is the clock
            }
        }
    }

    private Instant read() {
        return jdbc.query("SELECT now_at FROM business_clock WHERE id = 1",
                (rs, row) -> rs.getTimestamp(1).toInstant()).stream().findFirst().orElse(null);
    }

    /** Moves the clock to {@code instant}, truncated to the second, for every node (this transaction too). */
    public void set(Instant instant) {
        Instant now = instant.truncatedTo(ChronoUnit.SECONDS);
        jdbc.update("UPDATE business_clock SET now_at = ? WHERE id = 1", Timestamp.from(now));
        if (TransactionSynchronizationManager.getResource(this) instanceof Held held) {
            held.instant = now;
        }
    }

    @Override
    public Instant instant() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return stored();
        }
        if (TransactionSynchronizationManager.getResource(this) instanceof Held held) {
            return held.instant;
        }
        Held held = new Held(stored());
        TransactionSynchronizationManager.bindResource(this, held);
        TransactionSynchronizationManager.registerSynchronization(held);
        return held.instant;
    }

    /**
     * The instant a transaction holds, bound to it as Spring binds a connection: set aside while an
     * inner transaction ({@code REQUIRES_NEW}) runs, which reads the table afresh, and let go when the
     * transaction completes.
     */
    private final class Held implements TransactionSynchronization {

        private Instant instant;

        private Held(Instant instant) {
            this.instant = instant;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(TestClock.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(TestClock.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(TestClock.this);
        }
    }

    private Instant stored() {
        Instant now = read();
        if (now == null) {
            throw new IllegalStateException("The test clock has no row in business_clock");
        }
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The business clock is UTC");
    }
}
