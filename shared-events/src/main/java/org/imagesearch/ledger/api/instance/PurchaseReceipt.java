package org.imagesearch.ledger.api.instance;

import org.imagesearch.ledger.api.billing.Money;

import java.time.Instant;

/** What a purchase answers. */
public record PurchaseReceipt(InstanceId instanceId, Money charged, Instant periodStart, Instant periodEnd) {
}
