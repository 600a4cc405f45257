package org.imagesearch.ledger.api.instance;

import org.axonframework.serialization.Revision;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.billing.Term;
import org.imagesearch.ledger.api.catalog.ResourcePackage;
import org.imagesearch.ledger.api.customer.CustomerId;

import java.time.Instant;

/** An instance was created with one prepaid term of one month, charged {@code charged} (0.00 for a trial). */
@Revision("1")
public record PackagePurchased(InstanceId instanceId, CustomerId customerId, ResourcePackage resourcePackage,
                               boolean trial, Term term, Money charged, Instant purchasedAt) implements InstanceEvent {

    @Override
    public Instant occurredAt() {
        return purchasedAt;
    }
}
