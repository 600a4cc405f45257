package org.imagesearch.ledger.query.ledger;

import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.query.LedgerEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;

/** The {@code ledger_entry} table: one row per movement of money, keyed by its event's global position. */
@Repository
public class LedgerEntryRepository {

    private final JdbcTemplate jdbc;

    public LedgerEntryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(LedgerEntry entry) {
        jdbc.update("INSERT INTO ledger_entry (position, customer_id, instance_id, kind, amount, occurred_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", entry.position(), entry.customerId().value(),
                entry.instanceId().value(), entry.kind().name(), entry.amount().amount(), Timestamp.from(entry.at()));
    }

    public List<LedgerEntry> ofCustomer(CustomerId customer) {
        return jdbc.query("SELECT position, customer_id, instance_id, kind, amount, occurred_at FROM ledger_entry"
                        + " WHERE customer_id = ? ORDER BY position",
                (rs, row) -> new LedgerEntry(rs.getLong(1), new CustomerId(rs.getString(2)),
                        new InstanceId(rs.getString(3)), LedgerEntry.Kind.valueOf(rs.getString(4)),
                        Money.usd(rs.getBigDecimal(5)), rs.getTimestamp(6).toInstant()),
                customer.value());
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM ledger_entry");
    }
}
