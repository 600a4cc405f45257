package org.imagesearch.ledger.query.ledger;

import org.imagesearch.ledger.query.readtable.ReadTables;
import org.imagesearch.ledger.query.readtable.PendingWrites;
import org.imagesearch.ledger.query.readtable.StorePosition;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.query.LedgerEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;

/**
 * The {@code ledger_entry} table: one row per movement of money, keyed by the event it comes from.
 * Each entry keeps its event's global position ({@link StorePosition}), and reads order by it.
 */
@Repository
public class LedgerEntryRepository {

    private static final List<String> COLUMNS = List.of("event_id", "position", "customer_id", "instance_id", "kind",
            "amount", "occurred_at");

    private final JdbcTemplate jdbc;
    private final PendingWrites writes;

    public LedgerEntryRepository(JdbcTemplate jdbc, PendingWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /**
     * Adds the entry of event {@code eventId} at that event's position in the store; the position
     * {@code entry} carries is not used.
     */
    public void add(String eventId, LedgerEntry entry) {
        writes.insert("ledger_entry", COLUMNS, eventId, StorePosition.of(eventId), entry.customerId().value(),
                entry.instanceId().value(), entry.kind().name(), entry.amount().amount(), Timestamp.from(entry.at()));
    }

    public List<LedgerEntry> ofCustomer(CustomerId customer) {
        return jdbc.query("SELECT position, customer_id, instance_id, kind, amount, occurred_at"
                        + " FROM ledger_entry WHERE customer_id = ? ORDER BY position",
                (rs, row) -> new LedgerEntry(rs.getLong(1), new CustomerId(rs.getString(2)),
                        new InstanceId(rs.getString(3)), LedgerEntry.Kind.valueOf(rs.getString(4)),
                        Money.usd(rs.getBigDecimal(5)), rs.getTimestamp(6).toInstant()),
                customer.value());
    }

    public void deleteAll() {
        ReadTables.clear(jdbc, "ledger_entry");
    }
}
