package org.imagesearch.ledger.api.instance;

import org.axonframework.serialization.Revision;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.catalog.ResourcePackage;
import org.imagesearch.ledger.api.customer.CustomerId;

import java.time.Instant;

/**
 * The quota ran out at {@code exhaustedAt}: every term ended there (queued renewals dropped), the
 * unused value {@code forfeited} was lost without credit, and the instance is retained with
 * {@code retainedPackage} until {@code releaseAt}.
 */
@Revision("1")
public record QuotaExhausted(InstanceId instanceId, CustomerId customerId, ExhaustionTrigger trigger, String reason,
                             Instant exhaustedAt, Instant releaseAt, ResourcePackage retainedPackage,
                             Money forfeited) implements InstanceEvent {

    @Override
    public Instant occurredAt() {
        return exhaustedAt;
    }
}
