package org.imagesearch.ledger.api.instance;

import org.axonframework.serialization.Revision;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.billing.Term;
import org.imagesearch.ledger.api.customer.CustomerId;

import java.time.Instant;

/**
 * A new term was bought. On an active instance it starts where the last term ends; on a retained
 * one ({@code reactivated}) it starts at {@code renewedAt}, the instance is active again and its
 * release is off.
 */
@Revision("1")
public record PackageRenewed(InstanceId instanceId, CustomerId customerId, Term term, Money charged,
                             Instant renewedAt, boolean reactivated) implements InstanceEvent {

    @Override
    public Instant occurredAt() {
        return renewedAt;
    }
}
