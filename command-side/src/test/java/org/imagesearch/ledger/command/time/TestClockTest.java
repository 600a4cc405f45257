package org.imagesearch.ledger.command.time;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test clock is read from its table: every reading outside a transaction, the first reading of
 * a transaction inside one, which the rest of the transaction keeps.
 */
class TestClockTest {

    private static final Instant START = Instant.parse("2026-01-15T10:00:00Z");

    private JdbcTemplate jdbc;
    private TransactionTemplate transaction;
    private TestClock clock;

    @BeforeEach
    void aClockOnItsTable() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE business_clock (id INTEGER PRIMARY KEY, now_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        clock = new TestClock(jdbc, Clock.fixed(START, ZoneOffset.UTC));
    }

    /** Another node moving the clock, on a connection of its own that commits at once. */
    private void anotherNodeMovesTheClockTo(Instant instant) {
        new JdbcTemplate(new DriverManagerDataSource(jdbcUrl(), "sa", ""))
                .update("UPDATE business_clock SET now_at = ? WHERE id = 1", Timestamp.from(instant));
    }

    @Test
    void outsideATransactionEveryReadingSeesTheLatestMove() {
        assertThat(clock.instant()).isEqualTo(START);

        anotherNodeMovesTheClockTo(START.plus(Duration.ofDays(3)));

        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofDays(3)));
    }

    @Test
    void aTransactionKeepsTheInstantOfItsFirstReading() {
        Instant[] readings = transaction.execute(status -> {
            Instant first = clock.instant();
            anotherNodeMovesTheClockTo(START.plus(Duration.ofHours(5)));
            return new Instant[] {first, clock.instant()};
        });

        assertThat(readings).containsExactly(START, START);
        assertThat(clock.instant()).as("after the transaction").isEqualTo(START.plus(Duration.ofHours(5)));
    }

    @Test
    void theNextTransactionReadsTheTableAgain() {
        Instant first = transaction.execute(status -> clock.instant());
        anotherNodeMovesTheClockTo(START.plus(Duration.ofDays(1)));
        Instant next = transaction.execute(status -> clock.instant());

        assertThat(first).isEqualTo(START);
        assertThat(next).isEqualTo(START.plus(Duration.ofDays(1)));
    }

    @Test
    void aMoveWithinATransactionIsSeenByTheRestOfIt() {
        Instant after = transaction.execute(status -> {
            clock.instant();
            clock.set(START.plus(Duration.ofDays(15)).plusMillis(400));
            return clock.instant();
        });

        assertThat(after).isEqualTo(START.plus(Duration.ofDays(15)));
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofDays(15)));
    }

    /** An inner transaction ({@code REQUIRES_NEW}) reads the table afresh; the outer one keeps its instant. */
    @Test
    void anInnerTransactionReadsTheTableAndTheOuterOneKeepsItsInstant() {
        TransactionTemplate inner = new TransactionTemplate(transaction.getTransactionManager());
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        Instant[] readings = transaction.execute(status -> {
            Instant outerFirst = clock.instant();
            anotherNodeMovesTheClockTo(START.plus(Duration.ofDays(2)));
            Instant innerReading = inner.execute(innerStatus -> clock.instant());
            anotherNodeMovesTheClockTo(START.plus(Duration.ofDays(4)));
            return new Instant[] {outerFirst, innerReading, clock.instant()};
        });

        assertThat(readings).containsExactly(START, START.plus(Duration.ofDays(2)), START);
        assertThat(TransactionSynchronizationManager.getResourceMap()).as("nothing left bound").isEmpty();
    }

    private String jdbcUrl() {
        return jdbc.execute((java.sql.Connection connection) -> connection.getMetaData().getURL());
    }
}
