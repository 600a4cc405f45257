package org.imagesearch.ledger.query.readtable;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.imagesearch.ledger.query.ReadModelDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A batch's writes reach the table as they were queued, whatever the type of each value, once the batch commits. */
class PendingWritesTest {

    private static final String INSERT = "INSERT INTO scratch (id, text, at, amount, big, small, flag, ratio)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc = ReadModelDatabase.create();
    private final PendingWrites writes = new PendingWrites(jdbc);

    PendingWritesTest() {
        jdbc.execute("CREATE TABLE scratch (id VARCHAR(20) PRIMARY KEY, text VARCHAR(50), at TIMESTAMP,"
                + " amount DECIMAL(19, 2), big BIGINT, small INT, flag BOOLEAN, ratio DOUBLE PRECISION)");
    }

    @Test
    void everyTypeOfValueIsWrittenAsQueuedWhenTheBatchCommits() {
        Timestamp at = Timestamp.from(Instant.parse("2026-06-01T10:15:30.123Z"));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(
                GenericEventMessage.asEventMessage("an event")));
        batch.execute(() -> {
            writes.write("scratch", INSERT, "r-1", "text", at, new BigDecimal("800.25"), 5_000_000_000L, 7, true, 0.5);
            writes.write("scratch", INSERT, "r-2", null, null, null, null, null, null, null);
            writes.writeOne("scratch", "UPDATE scratch SET small = ? WHERE id = ?", 8, "r-1");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scratch", Integer.class)).as("before the commit")
                    .isZero();
        });

        Map<String, Object> first = jdbc.queryForMap("SELECT * FROM scratch WHERE id = 'r-1'");
        assertThat(first).containsEntry("TEXT", "text").containsEntry("AT", at)
                .containsEntry("AMOUNT", new BigDecimal("800.25")).containsEntry("BIG", 5_000_000_000L)
                .containsEntry("SMALL", 8).containsEntry("FLAG", true).containsEntry("RATIO", 0.5);
        Map<String, Object> second = jdbc.queryForMap("SELECT * FROM scratch WHERE id = 'r-2'");
        assertThat(Arrays.asList(second.get("TEXT"), second.get("AT"), second.get("AMOUNT"), second.get("BIG"),
                second.get("SMALL"), second.get("FLAG"), second.get("RATIO"))).containsOnlyNulls();
    }

    @Test
    void anUpdateOfAKnownRowThatChangesNoneFailsTheBatch() {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(
                GenericEventMessage.asEventMessage("an event")));

        assertThatThrownBy(() -> batch.execute(() -> writes.writeOne("scratch",
                "UPDATE scratch SET small = ? WHERE id = ?", 8, "nobody")))
                .hasMessageContaining("Expected one row of scratch to change, not 0");
    }
}
