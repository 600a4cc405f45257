package org.imagesearch.ledger.api.billing;

import java.time.Instant;

/**
 * The inputs of one term's share of a package change: {@code (newPrice − oldPrice) × R / T}.
 * Recorded in the event, so an auditor can recompute every cent without the catalog.
 */
public record TermProration(Instant termStart, Instant termEnd, int months, Money oldPrice, Money newPrice,
                            long remainingSeconds, long totalSeconds) {

    public Money priceDifference() {
        return newPrice.minus(oldPrice);
    }
}
