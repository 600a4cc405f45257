package org.imagesearch.ledger.api.instance;

import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.catalog.ResourcePackage;

import java.time.Instant;

/** What a renewal, or its quote, answers. */
public record RenewalReceipt(InstanceId instanceId, Money charged, Instant termStart, Instant termEnd, int months,
                             ResourcePackage resourcePackage, boolean reactivates) {

    public static RenewalReceipt of(PackageRenewed event) {
        return new RenewalReceipt(event.instanceId(), event.charged(), event.term().start(), event.term().end(),
                event.term().months(), event.term().resourcePackage(), event.reactivated());
    }
}
