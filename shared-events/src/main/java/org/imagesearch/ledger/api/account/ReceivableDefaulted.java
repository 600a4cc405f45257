package org.imagesearch.ledger.api.account;

import org.imagesearch.ledger.api.LedgerEvent;
import org.axonframework.serialization.Revision;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.InstanceId;

import java.time.Instant;

/** A receivable was still unpaid when its grace ended: its instance is to be released. */
@Revision("1")
public record ReceivableDefaulted(CustomerId customerId, String receivableId, InstanceId instanceId,
                                  Money outstanding, Instant defaultedAt) implements LedgerEvent {

    @Override
    public Instant occurredAt() {
        return defaultedAt;
    }
}
