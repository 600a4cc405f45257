package org.imagesearch.ledger.command.time;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The business clock when {@code ledger.test-clock.enabled=true}: frozen until an operator moves it,
 * in whole seconds, and kept in the {@code business_clock} table, so that it survives a restart and
 * every node of one database reads the same time: each reading asks the table. It starts at the
 * wall-clock time of the first start on a database.
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

    /** Moves the clock to {@code instant}, truncated to the second, for every node. */
    public void set(Instant instant) {
        jdbc.update("UPDATE business_clock SET now_at = ? WHERE id = 1",
                Timestamp.from(instant.truncatedTo(ChronoUnit.SECONDS)));
    }

    @Override
    public Instant instant() {
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
