package org.imagesearch.ledger.api.account;

import org.imagesearch.ledger.api.LedgerEvent;
import org.axonframework.serialization.Revision;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.InstanceId;

import java.time.Instant;
import java.util.List;

/**
 * A charge became owed, due at {@code dueAt}. Credit the customer held settled {@code allocations}
 * of it at once.
 */
@Revision("1")
public record ReceivableOpened(CustomerId customerId, String receivableId, InstanceId instanceId, Money amount,
                               Instant chargedAt, Instant dueAt, List<Allocation> allocations) implements LedgerEvent {

    @Override
    public Instant occurredAt() {
        return chargedAt;
    }
}
