package org.imagesearch.ledger.api.instance;

import org.axonframework.serialization.Revision;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.billing.TermProration;
import org.imagesearch.ledger.api.catalog.ResourcePackage;
import org.imagesearch.ledger.api.customer.CustomerId;

import java.time.Instant;
import java.util.List;

/**
 * The package changed at {@code changedAt}, up or down. Every term that had not ended then now
 * records the new package and its price; no term's dates moved. {@code amount} is the sum of the
 * {@code prorations}, rounded as {@code rounding} says: positive is charged, negative credited.
 */
@Revision("1")
public record PackageChanged(InstanceId instanceId, CustomerId customerId, ResourcePackage from,
                             ResourcePackage to, ChangeDirection direction, Instant changedAt,
                             List<TermProration> prorations, String rounding, Money amount) implements InstanceEvent {

    @Override
    public Instant occurredAt() {
        return changedAt;
    }
}
