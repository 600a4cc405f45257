package org.imagesearch.ledger.api.account;

import org.imagesearch.ledger.api.LedgerEvent;
import org.axonframework.serialization.Revision;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.InstanceId;

import java.time.Instant;
import java.util.List;

/** A downgrade's credit settled the oldest open receivables ({@code allocations}); the rest became credit. */
@Revision("1")
public record CreditGranted(CustomerId customerId, String creditId, InstanceId instanceId, Money amount,
                            Instant grantedAt, List<Allocation> allocations, Money toCredit) implements LedgerEvent {

    @Override
    public Instant occurredAt() {
        return grantedAt;
    }
}
