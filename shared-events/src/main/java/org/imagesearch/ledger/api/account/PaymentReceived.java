package org.imagesearch.ledger.api.account;

import org.imagesearch.ledger.api.LedgerEvent;
import org.axonframework.serialization.Revision;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.customer.CustomerId;

import java.time.Instant;
import java.util.List;

/** A payment came in and settled the oldest open receivables ({@code allocations}); the rest became credit. */
@Revision("1")
public record PaymentReceived(CustomerId customerId, String reference, Money amount, Instant receivedAt,
                              List<Allocation> allocations, Money toCredit) implements LedgerEvent {

    @Override
    public Instant occurredAt() {
        return receivedAt;
    }
}
