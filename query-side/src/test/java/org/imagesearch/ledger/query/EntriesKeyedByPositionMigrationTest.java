package org.imagesearch.ledger.query;

import org.springframework.dao.DuplicateKeyException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ledger entries and prorations written before they were keyed by position keep every value, and the key holds. */
class EntriesKeyedByPositionMigrationTest {

    private static final String ENTRY = "INSERT INTO ledger_entry"
            + " (event_id, customer_id, instance_id, kind, amount, occurred_at, position)"
            + " VALUES (?, 'acme', 'first', 'PURCHASE', 800.00, TIMESTAMP WITH TIME ZONE '2026-06-01 00:00:00+00', ?)";
    private static final String PRORATION = "INSERT INTO proration"
            + " (event_id, instance_id, customer_id, changed_at, direction, amount, detail, position)"
            + " VALUES (?, 'first', 'acme', TIMESTAMP WITH TIME ZONE '2026-06-10 00:00:00+00', 'UPGRADE', 3290.00,"
            + " '{}', ?)";

    @Test
    void rowsKeepEveryValueAndAPositionTakesOneRowAtMost() {
        JdbcTemplate jdbc = ReadModelDatabase.withoutStoredPositions();
        ReadModelDatabase.migrate(jdbc, ReadModelDatabase.STORED_POSITIONS);
        jdbc.update(ENTRY, "e-7", 7L);
        jdbc.update(ENTRY, "e-3", 3L);
        jdbc.update(PRORATION, "c-5", 5L);
        List<Map<String, Object>> entries = jdbc.queryForList("SELECT * FROM ledger_entry ORDER BY position");
        List<Map<String, Object>> prorations = jdbc.queryForList("SELECT * FROM proration ORDER BY position");

        ReadModelDatabase.migrate(jdbc, ReadModelDatabase.KEYED_BY_POSITION);

        assertThat(jdbc.queryForList("SELECT * FROM ledger_entry ORDER BY position")).isEqualTo(entries);
        assertThat(jdbc.queryForList("SELECT * FROM proration ORDER BY position")).isEqualTo(prorations);
        assertThatThrownBy(() -> jdbc.update(ENTRY, "another-event", 7L)).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> jdbc.update(PRORATION, "another-change", 5L))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'LEDGER_ENTRY'"
                + " AND INDEX_NAME = 'IX_LEDGER_ENTRY_CUSTOMER'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'PRORATION'"
                + " AND INDEX_NAME = 'IX_PRORATION_INSTANCE'", Integer.class)).isEqualTo(1);
    }
}
