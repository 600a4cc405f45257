package org.imagesearch.ledger.api.quote;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.catalog.PackageSize;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.error.LedgerRejection;

import java.time.Instant;
import java.util.Objects;

/**
 * An operator offers one customer a package beyond the catalog at a monthly price, valid until
 * {@code validUntil}.
 */
public record OfferCustomQuote(@TargetAggregateIdentifier QuoteId quoteId, CustomerId customerId, PackageSize size,
                               int deleteQps, Money monthlyPrice, Instant validUntil) {

    public OfferCustomQuote {
        Objects.requireNonNull(quoteId, "quoteId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(monthlyPrice, "monthlyPrice");
        Objects.requireNonNull(validUntil, "validUntil");
        monthlyPrice.requirePositiveInput("monthlyPrice.amount");
        if (deleteQps <= 0) {
            throw LedgerRejection.validation("deleteQps must be a positive whole number");
        }
    }
}
