package org.imagesearch.ledger.query.ledger;

import org.imagesearch.ledger.query.readtable.ReadTables;
import org.imagesearch.ledger.query.readtable.PendingWrites;
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
 * Reads take each entry's global position from the event store, and order by it.
 */
@Repository
public class LedgerEntryRepository {

    private final JdbcTemplate jdbc;
    private final PendingWrites writes;

    public LedgerEntryRepository(JdbcTemplate jdbc, PendingWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** Adds the entry of event {@code eventId}; the entry's own position is not kept (see the class). */
    public void add(String eventId, LedgerEntry entry) {
        writes.write("ledger_entry", "INSERT INTO ledger_entry (event_id, customer_id, instance_id, kind, amount, occurred_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", eventId, entry.customerId().value(),
                entry.instanceId().value(), entry.kind().name(), entry.amount().amount(), Timestamp.from(entry.at()));
    }

    public List<LedgerEntry> ofCustomer(CustomerId customer) {
        return jdbc.query("SELECT e.global_index, l.customer_id, l.instance_id, l.kind, l.amount, l.occurred_at"
                        + " FROM ledger_entry l JOIN domain_event_entry e ON e.event_identifier = l.event_id"
                        + " WHERE l.customer_id = ? ORDER BY e.global_index",
                (rs, row) -> new LedgerEntry(rs.getLong(1), new CustomerId(rs.getString(2)),
                        new InstanceId(rs.getString(3)), LedgerEntry.Kind.valueOf(rs.getString(4)),
                        Money.usd(rs.getBigDecimal(5)), rs.getTimestamp(6).toInstant()),
                customer.value());
    }

    public void deleteAll() {
        ReadTables.clear(jdbc, "ledger_entry");
    }
}
