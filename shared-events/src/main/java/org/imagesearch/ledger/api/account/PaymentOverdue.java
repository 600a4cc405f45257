package org.imagesearch.ledger.api.account;

import org.imagesearch.ledger.api.LedgerEvent;
import org.axonframework.serialization.Revision;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.InstanceId;

import java.time.Instant;

/**
 * A receivable was still open at its due date: notice is given that the instance will be released at
 * {@code releaseAt} unless it is paid first.
 */
@Revision("1")
public record PaymentOverdue(CustomerId customerId, String receivableId, InstanceId instanceId, Money outstanding,
                             Instant dueAt, Instant releaseAt) implements LedgerEvent {

    @Override
    public Instant occurredAt() {
        return dueAt;
    }
}
