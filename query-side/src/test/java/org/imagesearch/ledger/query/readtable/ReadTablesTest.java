package org.imagesearch.ledger.query.readtable;

import org.imagesearch.ledger.query.ReadModelDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** How a reset empties a read table on H2, whose TRUNCATE cannot be part of a transaction. */
class ReadTablesTest {

    private final JdbcTemplate jdbc = ReadModelDatabase.create();
    private final TransactionTemplate transaction = new TransactionTemplate(
            new DataSourceTransactionManager(Objects.requireNonNull(jdbc.getDataSource())));

    private void addRows(int count) {
        for (int i = 0; i < count; i++) {
            jdbc.update("INSERT INTO release_deadline (instance_id, customer_id, release_at) VALUES (?, ?, ?)",
                    "i-" + i, "c", java.sql.Timestamp.valueOf("2026-12-01 00:00:00"));
        }
    }

    private int rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM release_deadline", Integer.class);
    }

    @Test
    void withinATransactionTheTableIsEmptiedOnlyOnceItHasCommitted() {
        addRows(3);
        transaction.executeWithoutResult(status -> {
            ReadTables.clear(jdbc, "release_deadline");
            assertThat(rows()).as("still there before the commit").isEqualTo(3);
        });
        assertThat(rows()).isZero();
    }

    @Test
    void aResetThatRollsBackLeavesEveryRow() {
        addRows(3);
        transaction.executeWithoutResult(status -> {
            ReadTables.clear(jdbc, "release_deadline");
            status.setRollbackOnly();
        });
        assertThat(rows()).isEqualTo(3);
    }

    @Test
    void outsideATransactionTheRowsAreDeletedAtOnce() {
        addRows(2);
        ReadTables.clear(jdbc, "release_deadline");
        assertThat(rows()).isZero();
    }
}
