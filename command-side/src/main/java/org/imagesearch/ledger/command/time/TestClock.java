package org.imagesearch.ledger.command.time;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The business clock when {@code ledger.test-clock.enabled=true}: frozen until an operator moves it,
 * in whole seconds, and kept in the {@code business_clock} table so that it survives a restart and
 * every node of one database reads the same time. It starts at the wall-clock time of the first
 * start on a database.
 */
public class TestClock extends Clock {

    private final JdbcTemplate jdbc;
    private volatile Instant now;

    public TestClock(JdbcTemplate jdbc, Clock wallClock) {
        this.jdbc = jdbc;
        Instant stored = read();
        if (stored == null) {
            Instant start = wallClock.instant().truncatedTo(ChronoUnit.SECONDS);
            jdbc.update("INSERT INTO business_clock (id, now_at) VALUES (1, ?)", Timestamp.from(start));
            stored = read();
        }
        this.now = stored;
    }

    private Instant read() {
        return jdbc.query("SELECT now_at FROM business_clock WHERE id = 1",
                (rs, row) -> rs.getTimestamp(1).toInstant()).stream().findFirst().orElse(null);
    }

    /** Moves the clock to {@code instant}, truncated to the second, for every node. */
    public synchronized void set(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.SECONDS);
        jdbc.update("UPDATE business_clock SET now_at = ? WHERE id = 1", Timestamp.from(truncated));
        now = truncated;
    }

    /** Picks up a move made by another node. */
    public void refresh() {
        Instant stored = read();
        if (stored != null) {
            now = stored;
        }
    }

    @Override
    public Instant instant() {
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
