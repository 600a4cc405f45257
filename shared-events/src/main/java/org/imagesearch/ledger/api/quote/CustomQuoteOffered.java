package org.imagesearch.ledger.api.quote;

import org.imagesearch.ledger.api.LedgerEvent;
import org.axonframework.serialization.Revision;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.catalog.ResourcePackage;
import org.imagesearch.ledger.api.customer.CustomerId;

import java.time.Instant;

/** A custom quote was offered: {@code resourcePackage} for {@code customerId} alone, while now is before {@code validUntil}. */
@Revision("1")
public record CustomQuoteOffered(QuoteId quoteId, CustomerId customerId, ResourcePackage resourcePackage,
                                 Instant validUntil, Instant offeredAt) implements LedgerEvent {

    public Money monthlyPrice() {
        return resourcePackage.monthlyPrice();
    }

    public boolean validAt(Instant at) {
        return at.isBefore(validUntil);
    }

    @Override
    public Instant occurredAt() {
        return offeredAt;
    }
}
