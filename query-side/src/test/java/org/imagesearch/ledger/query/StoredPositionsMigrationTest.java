package org.imagesearch.ledger.query;

import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.PackageChanged;
import org.imagesearch.ledger.api.query.LedgerEntry;
import org.imagesearch.ledger.api.query.Prorations;
import org.imagesearch.ledger.query.ledger.LedgerEntryRepository;
import org.imagesearch.ledger.query.proration.ProrationRepository;
import org.imagesearch.ledger.query.readtable.PendingWrites;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Rows written before positions were stored take their event's position from the store, once. */
class StoredPositionsMigrationTest {

    private static final String ROW_WRITTEN_BEFORE = "INSERT INTO ledger_entry"
            + " (event_id, customer_id, instance_id, kind, amount, occurred_at)"
            + " VALUES (?, 'acme', ?, 'PURCHASE', 800.00, TIMESTAMP WITH TIME ZONE '2026-06-01 00:00:00+00')";

    @Test
    void rowsWrittenBeforeTheMigrationTakeTheirEventsPositionAndReadInItsOrder() throws Exception {
        JdbcTemplate jdbc = ReadModelDatabase.withoutStoredPositions();
        jdbc.update("INSERT INTO domain_event_entry VALUES (7, 'late'), (3, 'early'), (5, 'change')");
        jdbc.update(ROW_WRITTEN_BEFORE, "late", "second");
        jdbc.update(ROW_WRITTEN_BEFORE, "early", "first");
        jdbc.update("INSERT INTO proration (event_id, instance_id, customer_id, changed_at, direction, amount, detail)"
                + " VALUES ('change', 'first', 'acme', TIMESTAMP WITH TIME ZONE '2026-06-10 00:00:00+00', 'UPGRADE',"
                + " 3290.00, ?)", QuerySideConfiguration.READ_MODEL_JSON.writeValueAsString(Prorations.Row.of(
                (PackageChanged) Histories.purchase("first", "acme", Histories.SMALL, false, "2026-06-01T00:00:00Z")
                        .change(Histories.LARGE, "2026-06-10T00:00:00Z").events().get(1), 0)));

        ReadModelDatabase.migrate(jdbc, ReadModelDatabase.STORED_POSITIONS);

        PendingWrites writes = new PendingWrites(jdbc);
        assertThat(new LedgerEntryRepository(jdbc, writes).ofCustomer(new CustomerId("acme")))
                .extracting(LedgerEntry::position, entry -> entry.instanceId().value())
                .containsExactly(tuple(3L, "first"), tuple(7L, "second"));
        assertThat(new ProrationRepository(jdbc, writes).ofInstance(new InstanceId("first")))
                .extracting(Prorations.Row::position).containsExactly(5L);
    }

    @Test
    void aRowWhoseEventIsGoneStopsTheMigrationRatherThanLosingItsPlace() {
        JdbcTemplate jdbc = ReadModelDatabase.withoutStoredPositions();
        jdbc.update(ROW_WRITTEN_BEFORE, "an-event-the-store-no-longer-has", "first");

        assertThatThrownBy(() -> ReadModelDatabase.migrate(jdbc, ReadModelDatabase.STORED_POSITIONS))
                .hasMessageContaining("ALTER COLUMN position SET NOT NULL");
    }
}
