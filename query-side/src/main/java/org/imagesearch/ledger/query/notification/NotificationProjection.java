package org.imagesearch.ledger.query.notification;

import org.imagesearch.ledger.query.progress.Projections;
import org.imagesearch.ledger.query.readtable.ReadTables;
import org.imagesearch.ledger.query.readtable.PendingWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.imagesearch.ledger.api.account.PaymentOverdue;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.InstanceReleased;
import org.imagesearch.ledger.api.instance.QuotaExhausted;
import org.imagesearch.ledger.api.query.FindNotifications;
import org.imagesearch.ledger.api.query.Notifications;
import org.imagesearch.ledger.api.query.Notifications.Kind;
import org.imagesearch.ledger.api.query.Notifications.Notice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The notices a customer gets: payment overdue (with the release date), quota exhausted (with the
 * release date) and instance released (with the reason). Keyed by the event each comes from and read
 * in the order of the event store.
 */
@Component
@ProcessingGroup(Projections.READ_MODELS)
public class NotificationProjection {

    private static final List<String> COLUMNS = List.of("event_id", "customer_id", "kind", "instance_id",
            "occurred_at", "release_at", "reason", "receivable_id", "amount");

    private final JdbcTemplate jdbc;
    private final PendingWrites writes;

    public NotificationProjection(JdbcTemplate jdbc, PendingWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(PaymentOverdue event, @MessageIdentifier String eventId) {
        add(eventId, new Notice(Kind.PAYMENT_OVERDUE, event.customerId(), event.instanceId(), event.dueAt(),
                event.releaseAt(), null, event.receivableId(), event.outstanding()));
    }

    @EventHandler
    void on(QuotaExhausted event, @MessageIdentifier String eventId) {
        add(eventId, new Notice(Kind.QUOTA_EXHAUSTED, event.customerId(), event.instanceId(), event.exhaustedAt(),
                event.releaseAt(), event.reason(), null, null));
    }

    @EventHandler
    void on(InstanceReleased event, @MessageIdentifier String eventId) {
        add(eventId, new Notice(Kind.INSTANCE_RELEASED, event.customerId(), event.instanceId(), event.releasedAt(),
                null, event.reason().name(), null, null));
    }

    @ResetHandler
    void reset() {
        ReadTables.clear(jdbc, "notification");
    }

    @QueryHandler
    public Notifications handle(FindNotifications query) {
        return new Notifications(jdbc.query("SELECT n.kind, n.customer_id, n.instance_id, n.occurred_at, n.release_at,"
                        + " n.reason, n.receivable_id, n.amount FROM notification n"
                        + " JOIN domain_event_entry e ON e.event_identifier = n.event_id"
                        + " WHERE n.customer_id = ? ORDER BY e.global_index",
                (rs, row) -> new Notice(Kind.valueOf(rs.getString(1)), new CustomerId(rs.getString(2)),
                        new InstanceId(rs.getString(3)), rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5)),
                        rs.getString(6), rs.getString(7),
                        rs.getBigDecimal(8) == null ? null : Money.usd(rs.getBigDecimal(8))),
                query.customerId().value()));
    }

    private void add(String eventId, Notice notice) {
        writes.insert("notification", COLUMNS, eventId, notice.customerId().value(), notice.kind().name(),
                notice.instanceId().value(), Timestamp.from(notice.at()),
                notice.releaseAt() == null ? null : Timestamp.from(notice.releaseAt()), notice.reason(),
                notice.receivableId(), notice.amount() == null ? null : notice.amount().amount());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
