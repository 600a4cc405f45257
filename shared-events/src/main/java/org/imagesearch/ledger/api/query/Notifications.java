package org.imagesearch.ledger.api.query;

import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.InstanceId;

import java.time.Instant;
import java.util.List;

/** Notices to a customer. */
public record Notifications(List<Notice> items) {

    public enum Kind {
        /** A receivable was unpaid at its due date; {@code releaseAt} says when its instance goes. */
        PAYMENT_OVERDUE,
        /** An instance's quota ran out; it is retained until {@code releaseAt}. */
        QUOTA_EXHAUSTED,
        /** An instance was released; {@code reason} says why. */
        INSTANCE_RELEASED
    }

    /** One notice; fields that do not apply to its kind are null. */
    public record Notice(Kind kind, CustomerId customerId, InstanceId instanceId, Instant at, Instant releaseAt,
                         String reason, String receivableId, Money amount) {
    }
}
