package org.imagesearch.ledger.api.instance;

import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.billing.TermProration;
import org.imagesearch.ledger.api.catalog.ResourcePackage;

import java.time.Instant;
import java.util.List;

/** What a package change, or its quote, answers. */
public record PackageChangeReceipt(InstanceId instanceId, ChangeDirection direction, Money amount,
                                   ResourcePackage from, ResourcePackage to, Instant effectiveAt,
                                   List<TermProration> prorations) {

    public static PackageChangeReceipt of(PackageChanged event) {
        return new PackageChangeReceipt(event.instanceId(), event.direction(), event.amount(), event.from(),
                event.to(), event.changedAt(), event.prorations());
    }
}
