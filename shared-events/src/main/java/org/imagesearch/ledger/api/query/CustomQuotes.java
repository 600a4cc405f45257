package org.imagesearch.ledger.api.query;

import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.quote.QuoteId;

import java.time.Instant;
import java.util.List;

/** A customer's custom quotes, newest first. */
public record CustomQuotes(List<Item> items) {

    public enum Status {
        VALID, EXPIRED
    }

    public record Item(QuoteId quoteId, CustomerId customerId, long images, int qps, int deleteQps,
                       Money monthlyPrice, Instant validUntil, Instant offeredAt, Status status) {
    }
}
