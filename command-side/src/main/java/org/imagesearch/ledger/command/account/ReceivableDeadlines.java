package org.imagesearch.ledger.command.account;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.imagesearch.ledger.api.account.AccountId;
import org.imagesearch.ledger.api.account.Allocation;
import org.imagesearch.ledger.api.account.CreditGranted;
import org.imagesearch.ledger.api.account.PaymentOverdue;
import org.imagesearch.ledger.api.account.PaymentReceived;
import org.imagesearch.ledger.api.account.ProcessAccountDeadlines;
import org.imagesearch.ledger.api.account.ReceivableDefaulted;
import org.imagesearch.ledger.api.account.ReceivableOpened;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.command.deadline.DeadlineScheduler;
import org.imagesearch.ledger.command.deadline.DueDeadlines;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The next deadline of every open receivable: {@code receivable_deadline(receivable_id, customer_id,
 * due_at)}, its due date until a notice is given, then its release date. Like the instance deadlines,
 * it is written in the transaction that records the account's events (the {@code deadline-schedule}
 * processing group), and a fully settled or defaulted receivable has none.
 */
@ProcessingGroup(DeadlineScheduler.PROCESSING_GROUP)
public class ReceivableDeadlines implements DueDeadlines {

    private final JdbcTemplate jdbc;

    public ReceivableDeadlines(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ReceivableOpened event) {
        if (event.allocations().stream().noneMatch(Allocation::settlesIt)) {
            jdbc.update("INSERT INTO receivable_deadline (receivable_id, customer_id, due_at) VALUES (?, ?, ?)",
                    event.receivableId(), event.customerId().value(), Timestamp.from(event.dueAt()));
        }
    }

    @EventHandler
    void on(PaymentReceived event) {
        clearSettled(event.allocations());
    }

    @EventHandler
    void on(CreditGranted event) {
        clearSettled(event.allocations());
    }

    @EventHandler
    void on(PaymentOverdue event) {
        jdbc.update("UPDATE receivable_deadline SET due_at = ? WHERE receivable_id = ?",
                Timestamp.from(event.releaseAt()), event.receivableId());
    }

    @EventHandler
    void on(ReceivableDefaulted event) {
        jdbc.update("DELETE FROM receivable_deadline WHERE receivable_id = ?", event.receivableId());
    }

    private void clearSettled(List<Allocation> allocations) {
        allocations.stream().filter(Allocation::settlesIt).forEach(allocation ->
                jdbc.update("DELETE FROM receivable_deadline WHERE receivable_id = ?", allocation.receivableId()));
    }

    @Override
    public List<Object> dueBy(Instant now, int limit) {
        return jdbc.query("SELECT customer_id, MIN(due_at) AS first_due FROM receivable_deadline WHERE due_at <= ?"
                        + " GROUP BY customer_id ORDER BY first_due, customer_id FETCH FIRST " + limit + " ROWS ONLY",
                (rs, row) -> new ProcessAccountDeadlines(AccountId.of(new CustomerId(rs.getString(1)))),
                Timestamp.from(now));
    }

    @Override
    public Optional<Instant> earliestBy(Instant horizon) {
        Timestamp earliest = jdbc.queryForObject("SELECT MIN(due_at) FROM receivable_deadline WHERE due_at <= ?",
                Timestamp.class, Timestamp.from(horizon));
        return Optional.ofNullable(earliest).map(Timestamp::toInstant);
    }
}
